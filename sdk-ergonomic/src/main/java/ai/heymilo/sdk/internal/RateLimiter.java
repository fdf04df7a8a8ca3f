package ai.heymilo.sdk.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * Client-side pacing: never more than {@code permits} requests in any window of {@code window}.
 *
 * <p>A sliding window rather than a token bucket: a bucket of N that refills at N per window lets
 * 2N requests through in a window (a full bucket, then the refill), which a server counting over a
 * sliding window rejects. This keeps the send times of the last N reservations in a ring; the next
 * request may go once the oldest of them has left the window.
 */
public final class RateLimiter {
  private final long windowMillis;
  private final long[] lastSends;
  private final Clock clock;
  private int oldest;

  public RateLimiter(int permits, Duration window, Clock clock) {
    this.windowMillis = window.toMillis();
    this.lastSends = new long[permits];
    this.clock = clock;
    java.util.Arrays.fill(lastSends, Long.MIN_VALUE / 2);
  }

  /**
   * Reserves the next send slot and returns how long to wait for it (0 = now). Every call reserves:
   * the caller must send after the returned delay.
   */
  public synchronized long reserveDelayMillis() {
    long now = clock.millis();
    long slot = Math.max(now, lastSends[oldest] + windowMillis);
    lastSends[oldest] = slot;
    oldest = (oldest + 1) % lastSends.length;
    return slot - now;
  }
}
