package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.RequestLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Client-side pacing: never more than {@code permits} requests in any window of {@code window}.
 *
 * <p>A sliding window rather than a token bucket: a bucket of N that refills at N per window lets
 * 2N requests through in a window (a full bucket, then the refill), which a server counting over a
 * sliding window rejects. This keeps the send times of the last N reservations in a ring; the next
 * request may go once the oldest of them has left the window. Callers report when each exchange
 * ends ({@link #finished}), and a request is counted from then: a server that counts arrivals has
 * seen it by that time at the latest.
 */
final class RateLimiter implements RequestLimiter {
  private final long windowMillis;
  private final long[] lastSends;
  private final Clock clock;
  private int oldest;

  RateLimiter(int permits, Duration window, Clock clock) {
    this.windowMillis = window.toMillis();
    this.lastSends = new long[permits];
    this.clock = clock;
    java.util.Arrays.fill(lastSends, Long.MIN_VALUE / 2);
  }

  /**
   * Reserves the next send slot and returns how long to wait for it (0 = now). Every call reserves:
   * the caller must send after the returned delay.
   */
  public long reserveDelayMillis() {
    return reserve().delayMillis();
  }

  /**
   * Reserves the next send slot. Every call reserves: wait {@link Reservation#delayMillis()}, send,
   * and report the end of the exchange with {@link #finished}.
   */
  @Override
  public synchronized Reservation reserve() {
    long now = clock.millis();
    int index = oldest;
    long slot = Math.max(now, lastSends[index] + windowMillis);
    lastSends[index] = slot;
    oldest = (index + 1) % lastSends.length;
    return new Reservation(index, slot, slot - now);
  }

  /**
   * Records that the exchange of a reserved request has ended: its response arrived, or it failed.
   * The server counts a request when it arrives, which is somewhere between the send and the
   * response; a request that left late (a sleep that overshot, a busy machine) or travelled slowly
   * arrives later than its slot, and the request {@code permits} places later, leaving on time,
   * would arrive less than a window after it and be refused with 429. Counting each request from
   * the end of its exchange (rounded up to the next millisecond) rules that out, at the cost of one
   * response time per window. Ignored when the exchange ended before its slot (the plan stands) or
   * once the slot's place in the ring has been reused (more requests in flight than permits).
   */
  @Override
  public synchronized void finished(RequestLimiter.Reservation reserved) {
    if (!(reserved instanceof Reservation)) {
      return;
    }
    Reservation reservation = (Reservation) reserved;
    Instant now = clock.instant();
    long millis = now.toEpochMilli() + (now.getNano() % 1_000_000 == 0 ? 0 : 1);
    if (lastSends[reservation.index] == reservation.slot && millis > reservation.slot) {
      lastSends[reservation.index] = millis;
    }
  }

  /** A send slot handed out by {@link #reserve()}. */
  public static final class Reservation implements RequestLimiter.Reservation {
    private final int index;
    private final long slot;
    private final long delayMillis;

    private Reservation(int index, long slot, long delayMillis) {
      this.index = index;
      this.slot = slot;
      this.delayMillis = delayMillis;
    }

    /** How long to wait before sending; 0 = now. */
    public long delayMillis() {
      return delayMillis;
    }

    @Override
    public Duration delay() {
      return Duration.ofMillis(delayMillis);
    }
  }
}
