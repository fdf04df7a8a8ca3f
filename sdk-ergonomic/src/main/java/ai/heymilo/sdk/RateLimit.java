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
  /** The most permits a budget may have: the limiter keeps one slot per permit. */
  public static final int MAX_PERMITS = 1_000_000;
  private static final Duration LONGEST_WINDOW = Duration.ofDays(31);
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
   * @throws IllegalArgumentException unless {@code permits} is between 1 and {@link #MAX_PERMITS} and {@code window}
   *     between 1 ms and 31 days
   */
  public static RateLimit of(int permits, Duration window) {
    if (permits < 1 || permits > MAX_PERMITS) {
      throw new IllegalArgumentException("permits must be between 1 and " + MAX_PERMITS + ", but was " + permits);
    }
    if (window == null || window.compareTo(Duration.ofMillis(1)) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
      throw new IllegalArgumentException("window must be between 1 ms and 31 days, but was " + window);
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
