package ai.heymilo.sdk.errors;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: too many requests. HeyMilo allows 300 requests per minute per key.
 *
 * <p>The SDK retries rate-limited requests by itself, honouring {@code Retry-After}, as long as the
 * wait is within the client's configured cap; this exception means the retries ran out or the
 * server asked for a longer wait than the cap. {@link #retryAfter()} says how long it asked for.
 * Turning on the client-side rate limiter ({@code HeyMiloClient.builder().rateLimit(...)}) avoids
 * most 429s in the first place.
 */
public final class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /** Creates the exception for an error response and the wait the server asked for, if any. */
  public RateLimitException(ErrorResponse response, @Nullable Duration retryAfter) {
    super(response);
    this.retryAfter = retryAfter;
  }

  /** Returns how long the server asked to wait ({@code Retry-After} / {@code Retry-After-Ms}), if it said. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
