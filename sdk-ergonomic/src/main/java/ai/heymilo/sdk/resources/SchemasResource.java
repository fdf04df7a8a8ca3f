package ai.heymilo.sdk.resources;

import ai.heymilo.api.SchemaDiscoveryApi;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.internal.ClientRuntime;
import ai.heymilo.sdk.internal.Transport;
import java.util.Map;

/**
 * Schema discovery: the registries of agent types and question types the API supports, for tools
 * that build postings and questions dynamically. The API documents no shape for them, so each is
 * returned as the JSON object it is (numbers as {@code Long} or {@code Double}).
 *
 * <pre>{@code
 * Map<String, Object> questionTypes = client.schemas().questionTypes();
 * }</pre>
 */
public final class SchemasResource {
  private final SchemaDiscoveryApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public SchemasResource(ClientRuntime runtime) {
    this.api = runtime.api(SchemaDiscoveryApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Returns the registry of supported agent types and their configuration. {@code GET /api/v2/schemas/agents} */
  public Map<String, Object> agentTypes() {
    return raw.agentTypes().data();
  }

  /** Returns the registry of supported question and criteria types, by modality. {@code GET /api/v2/schemas/question-types} */
  public Map<String, Object> questionTypes() {
    return raw.questionTypes().data();
  }

  /** The schema discovery operations answering with {@link RawResponse}; the bodies have no envelope. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** {@code GET /api/v2/schemas/agents} */
    public RawResponse<Map<String, Object>> agentTypes() {
      return transport.execute(api.listAgentTypes(), true);
    }

    /** {@code GET /api/v2/schemas/question-types} */
    public RawResponse<Map<String, Object>> questionTypes() {
      return transport.execute(api.listQuestionTypes(), true);
    }
  }
}
