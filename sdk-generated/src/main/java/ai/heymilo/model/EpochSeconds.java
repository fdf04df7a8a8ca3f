package ai.heymilo.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Converts the API's Unix timestamps (seconds since 1970-01-01T00:00:00Z, sent as JSON numbers)
 * to and from {@link Instant}, for the generated {@code get…Instant()} accessors.
 */
final class EpochSeconds {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private EpochSeconds() {}

  /**
   * Fractional seconds are kept to the microsecond: a double holds a current timestamp to about a
   * quarter of a microsecond, so finer digits would be noise ({@code 1739612400.123} must not
   * become {@code .122999906}).
   */
  static @Nullable Instant toInstant(@Nullable Double seconds) {
    if (seconds == null) {
      return null;
    }
    double value = seconds;
    long whole = (long) Math.floor(value);
    long micros = Math.round((value - whole) * MICROS_PER_SECOND);
    if (micros == MICROS_PER_SECOND) {
      whole++;
      micros = 0;
    }
    return Instant.ofEpochSecond(whole, micros * 1000L);
  }

  static @Nullable Instant toInstant(@Nullable Long seconds) {
    return seconds == null ? null : Instant.ofEpochSecond(seconds);
  }

  static @Nullable Double toDoubleSeconds(@Nullable Instant instant) {
    return instant == null ? null : instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  /** Whole seconds: an integer timestamp has no room for a fraction, which is dropped. */
  static @Nullable Long toLongSeconds(@Nullable Instant instant) {
    return instant == null ? null : instant.getEpochSecond();
  }
}
