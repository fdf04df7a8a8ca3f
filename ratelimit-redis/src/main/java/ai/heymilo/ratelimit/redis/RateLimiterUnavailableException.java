package ai.heymilo.ratelimit.redis;

import ai.heymilo.sdk.errors.HeyMiloException;
import org.jspecify.annotations.Nullable;

/**
 * The request was not sent because the shared budget in Redis could not be reached and the limiter
 * fails closed ({@link RedisOutagePolicy#FAIL_CLOSED}), or because the limiter was closed. Nothing
 * reached the API; the call may be repeated once Redis is back.
 *
 * <pre>{@code
 * try {
 *   client.interviews().getData(id);
 * } catch (RateLimiterUnavailableException e) {
 *   // Redis is down: nothing was sent; try again later
 * }
 * }</pre>
 */
public final class RateLimiterUnavailableException extends HeyMiloException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message says which Redis and why. */
  public RateLimiterUnavailableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
