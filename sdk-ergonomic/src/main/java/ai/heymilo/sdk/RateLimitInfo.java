package ai.heymilo.sdk;

import org.jspecify.annotations.Nullable;

/**
 * The rate-limit headers of a response ({@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset}); each is null when the server did not send it.
 */
public final class RateLimitInfo {
  private final @Nullable Long limit;
  private final @Nullable Long remaining;
  private final @Nullable Long reset;

  RateLimitInfo(@Nullable Long limit, @Nullable Long remaining, @Nullable Long reset) {
    this.limit = limit;
    this.remaining = remaining;
    this.reset = reset;
  }

  /** Returns the number of requests allowed in the current window, if sent. */
  public @Nullable Long limit() {
    return limit;
  }

  /** Returns the number of requests left in the current window, if sent. */
  public @Nullable Long remaining() {
    return remaining;
  }

  /** Returns the header's reset value (seconds until reset, or a Unix time, as the server sends it), if sent. */
  public @Nullable Long reset() {
    return reset;
  }

  @Override
  public String toString() {
    return "RateLimitInfo{limit=" + limit + ", remaining=" + remaining + ", reset=" + reset + "}";
  }
}
