package ai.heymilo.ratelimit.redis;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * The token bucket that keeps "at most {@code permits} requests in any window of {@code window}", as a
 * server counting over a sliding window sees it.
 *
 * <p>In any stretch of time a token bucket lets through at most its capacity plus what it refills in
 * that stretch. So:
 * <ul>
 *   <li>The textbook bucket — capacity {@code permits}, refilled with {@code permits} per window — lets
 *       a full bucket through and then the refill: up to 2 × {@code permits} in one window. Refused.
 *   <li>Interval refill ({@code permits} at once, every window) does the same at each boundary: a full
 *       bucket just before it, the refill just after. Refused too; and with a smaller capacity it
 *       cannot pass more than its capacity per window.
 *   <li>Kept: a small capacity, the {@code burst}, refilled <em>greedily</em> (token by token) with
 *       {@code permits − burst} per {@code window + margin}. Any window then holds at most
 *       {@code burst + (permits − burst) · window / (window + margin)}, which is below {@code permits};
 *       the margin absorbs requests that reach the server later than planned (clock skew between
 *       machines, a busy host), and steady throughput is {@code (permits − burst) / (window + margin)}
 *       — 97 % of HeyMilo's limit with the defaults (a burst of 2 %, a margin of 1 %).
 * </ul>
 *
 * <p>A request may arrive up to {@code margin + (window + margin) / (permits − burst)} later than its
 * reserved time without breaking the limit: 0.8 s for 300 per minute. That lateness is absolute — a
 * descheduled thread, a pause — so the margin is never below 50 ms, whatever the window.
 */
final class BudgetShape {
  final int permits;
  final Duration window;
  final int burst;
  final Duration margin;

  BudgetShape(int permits, Duration window, int burst, Duration margin) {
    this.permits = permits;
    this.window = window;
    this.burst = burst;
    this.margin = margin;
  }

  /** 2 % of the limit (at least 1; 6 of 300): a short burst, little taken from the steady rate. */
  static int defaultBurst(int permits) {
    return Math.max(1, permits / 50);
  }

  /** 1 % of the window (0.6 s of HeyMilo's minute), at least 50 ms. */
  static Duration defaultMargin(Duration window) {
    Duration onePercent = window.dividedBy(100);
    return onePercent.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN : onePercent;
  }

  private static final Duration MIN_MARGIN = Duration.ofMillis(50);

  /** The largest burst that still leaves a refill: {@code permits − 1} (1 for a limit of 1). */
  static int maxBurst(int permits) {
    return Math.max(1, permits - 1);
  }

  /** Tokens refilled per {@link #refillPeriod()}. */
  long refillTokens() {
    return Math.max(1, permits - burst);
  }

  Duration refillPeriod() {
    return window.plus(margin);
  }

  BucketConfiguration configuration() {
    return BucketConfiguration.builder().addLimit(bandwidth()).build();
  }

  /** The same budget counted in this process only, for when Redis is unreachable. */
  Bucket localBucket(TimeMeter clock) {
    return Bucket.builder().addLimit(bandwidth()).withCustomTimePrecision(clock).build();
  }

  private Bandwidth bandwidth() {
    return Bandwidth.builder().capacity(burst).refillGreedy(refillTokens(), refillPeriod()).build();
  }

  @Override
  public String toString() {
    return permits + " requests per " + window + " (burst " + burst + ", then " + refillTokens() + " per " + refillPeriod() + ")";
  }
}
