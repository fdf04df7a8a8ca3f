package ai.heymilo.spring.boot;

import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.errors.ApiException;
import ai.heymilo.sdk.errors.HeyMiloException;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The actuator's {@code heymilo} health: up when {@code client.health().check()} answers (the API is
 * reachable and accepts the credentials), down with the error otherwise.
 *
 * <pre>{@code
 * GET /actuator/health/heymilo  →  {"status":"UP","details":{"api":{"status":"ok"}}}
 * }</pre>
 *
 * <p>Each check is one API request and counts against the key's rate limit; leave it out of liveness probes
 * (an API outage is no reason to restart the service) and turn it off with
 * {@code management.health.heymilo.enabled=false}. Details never contain the credentials.
 */
public final class HeyMiloHealthIndicator implements HealthIndicator {
  private final HeyMiloClient client;

  /** Checks through {@code client}. */
  public HeyMiloHealthIndicator(HeyMiloClient client) {
    this.client = client;
  }

  @Override
  public Health health() {
    try {
      Map<String, Object> report = client.health().check();
      return Health.up().withDetail("api", report).build();
    } catch (ApiException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).withDetail("status", e.statusCode())
          .withDetail("message", e.getMessage()).build();
    } catch (HeyMiloException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).withDetail("message", e.getMessage()).build();
    }
  }
}
