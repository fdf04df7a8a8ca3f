package ai.heymilo.sdk.internal;

import java.time.Duration;

/**
 * Duration arithmetic that saturates instead of overflowing: a timeout such as {@code ChronoUnit.FOREVER.getDuration()}
 * means "no limit", never a deadline in the past or an {@link ArithmeticException}.
 */
final class Millis {
  /** A deadline that is never reached. */
  static final long NEVER = Long.MAX_VALUE;

  private Millis() {}

  /** {@code duration} in milliseconds, {@code Long.MAX_VALUE} (or {@code MIN_VALUE}) where it does not fit. */
  static long of(Duration duration) {
    try {
      return duration.toMillis();
    } catch (ArithmeticException tooLong) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** The epoch millis {@code duration} after {@code nowMillis}, or {@link #NEVER} if that is beyond the range. */
  static long deadline(long nowMillis, Duration duration) {
    return add(nowMillis, of(duration));
  }

  /** {@code a + b}, clamped to the range of {@code long}. */
  static long add(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }
}
