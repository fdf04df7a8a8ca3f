package ai.heymilo.sdk.resources;

import ai.heymilo.api.WorkspacesApi;
import ai.heymilo.model.ListResponse;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.errors.InvalidResponseException;
import ai.heymilo.sdk.internal.ClientRuntime;
import ai.heymilo.sdk.internal.Transport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspaces the client's credentials can operate on.
 *
 * <pre>{@code
 * for (Map<String, Object> workspace : client.workspaces().list()) {
 *   System.out.println(workspace);
 * }
 * HeyMiloClient scoped = client.withOptions(o -> o.workspaceId(chosenId));
 * }</pre>
 *
 * <p>The API does not document the shape of a workspace, so each one is returned as the JSON
 * object it is (numbers as {@code Long} or {@code Double}).
 */
public final class WorkspacesResource {
  private final WorkspacesApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public WorkspacesResource(ClientRuntime runtime) {
    this.api = runtime.api(WorkspacesApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /**
   * Returns every workspace the caller can operate on: always one for an API key; for an OAuth
   * bearer token every workspace the user belongs to, any of which can then be chosen with
   * {@code HeyMiloClient.Builder#workspaceId}. The operation takes no paging parameters; the list
   * is the single response's data. {@code GET /api/v2/workspaces}
   *
   * @throws InvalidResponseException if an entry is not a JSON object (naming {@code $.data[i]})
   */
  public List<Map<String, Object>> list() {
    RawResponse<ListResponse> response = raw.list();
    return workspacesOf(response.data(), response.statusCode());
  }

  /** Checks that every entry is a JSON object and returns them as unmodifiable maps. */
  private static List<Map<String, Object>> workspacesOf(ListResponse envelope, int statusCode) {
    List<Object> data = envelope.getData();
    if (data == null) {
      return List.of();
    }
    List<Map<String, Object>> workspaces = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      Object entry = data.get(i);
      if (!(entry instanceof Map)) {
        throw new InvalidResponseException("The " + statusCode + " response to GET /api/v2/workspaces has "
            + (entry == null ? "null" : "a " + entry.getClass().getSimpleName()) + " at $.data[" + i
            + "] where a workspace object was expected", statusCode, "$.data[" + i + "]", null);
      }
      Map<String, Object> workspace = new LinkedHashMap<>();
      for (Map.Entry<?, ?> field : ((Map<?, ?>) entry).entrySet()) {
        workspace.put(String.valueOf(field.getKey()), field.getValue());
      }
      workspaces.add(Collections.unmodifiableMap(workspace));
    }
    return Collections.unmodifiableList(workspaces);
  }

  /** The workspace operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** {@code GET /api/v2/workspaces} — the {@code {data, pagination}} envelope as sent, entries undecoded. */
    public RawResponse<ListResponse> list() {
      return transport.execute(api.listWorkspaces(), true);
    }
  }
}
