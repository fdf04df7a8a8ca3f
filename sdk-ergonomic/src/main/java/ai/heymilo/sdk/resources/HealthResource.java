package ai.heymilo.sdk.resources;

import ai.heymilo.api.HealthApi;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.internal.ClientRuntime;
import ai.heymilo.sdk.internal.Transport;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The API's health check. A non-2xx answer throws like any other call, so a plain
 * {@code client.health().check()} that returns means the API is reachable and these credentials
 * are accepted.
 *
 * <pre>{@code
 * Map<String, Object> health = client.health().check("full");
 * System.out.println(health);
 * }</pre>
 */
public final class HealthResource {
  private final HealthApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public HealthResource(ClientRuntime runtime) {
    this.api = runtime.api(HealthApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Returns the API's health report (its shape is not documented). {@code GET /health} */
  public Map<String, Object> check() {
    return check(null);
  }

  /**
   * Returns the API's health report, asking for the level of detail {@code detail} through the
   * {@code X-Health-Detail} header (not sent when null). {@code GET /health}
   */
  public Map<String, Object> check(@Nullable String detail) {
    return raw.check(detail).data();
  }

  /** The health operations answering with {@link RawResponse}; the body has no envelope. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** {@code GET /health}, with {@code X-Health-Detail: detail} unless {@code detail} is null. */
    public RawResponse<Map<String, Object>> check(@Nullable String detail) {
      return transport.execute(api.healthCheck(detail), true);
    }
  }
}
