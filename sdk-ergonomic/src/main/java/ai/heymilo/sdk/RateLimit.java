package ai.heymilo.sdk;

import java.time.Duration;

/**
 * A client-side request budget: at most {@code permits} requests in any window of {@code window}.
 * Requests beyond it wait for a slot instead of being sent and rejected with 429.
 *
 * <pre>{@code
 * HeyMiloClient.builder().apiKey(key).rateLimit(RateLimit.HEYMILO_DOCUMENTED).build();
 * }</pre>
 *
 * <p>The budget is per client; clients that share one API key should share one client (or split
 * the budget between them).
 */
public final class RateLimit {
  /** HeyMilo's documented limit: 300 requests per minute per API key. */
  public static final RateLimit HEYMILO_DOCUMENTED = perMinute(300);

  private final int permits;
  private final Duration window;

  private RateLimit(int permits, Duration window) {
    this.permits = permits;
    this.window = window;
  }

  /**
   * Returns a budget of {@code permits} requests per {@code window}.
   *
   * @throws IllegalArgumentException if {@code permits} is not positive or {@code window} is not positive
   */
  public static RateLimit of(int permits, Duration window) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1, but was " + permits);
    }
    if (window == null || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("window must be a positive duration, but was " + window);
    }
    return new RateLimit(permits, window);
  }

  /** Returns a budget of {@code permits} requests per minute. */
  public static RateLimit perMinute(int permits) {
    return of(permits, Duration.ofMinutes(1));
  }

  /** Returns how many requests the window allows. */
  public int permits() {
    return permits;
  }

  /** Returns the window length. */
  public Duration window() {
    return window;
  }

  @Override
  public String toString() {
    return permits + " requests per " + window;
  }
}
