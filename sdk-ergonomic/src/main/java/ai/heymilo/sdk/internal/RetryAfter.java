package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.errors.ApiException;
import ai.heymilo.sdk.errors.ErrorResponse;
import ai.heymilo.sdk.errors.RateLimitException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Reads how long the server asked to wait: {@code Retry-After-Ms}, or {@code Retry-After} as
 * seconds or an HTTP date (RFC 1123). Shared by retries and waits.
 */
final class RetryAfter {
  private RetryAfter() {}

  /**
   * The wait a failed call asked for: {@code RateLimitException.retryAfter()}, or the headers of any
   * other error response (a 503 may carry Retry-After too); null if none.
   */
  static @Nullable Duration requestedBy(Throwable failure, Clock clock) {
    if (failure instanceof RateLimitException) {
      return ((RateLimitException) failure).retryAfter();
    }
    if (failure instanceof ApiException) {
      ErrorResponse response = ((ApiException) failure).response();
      return parse(response.header("Retry-After-Ms"), response.header("Retry-After"), clock);
    }
    return null;
  }

  static @Nullable Duration parse(Headers headers, Clock clock) {
    return parse(headers.get("Retry-After-Ms"), headers.get("Retry-After"), clock);
  }

  static @Nullable Duration parse(@Nullable String millis, @Nullable String value, Clock clock) {
    if (millis != null) {
      try {
        return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.trim())));
      } catch (NumberFormatException ignored) {
        // Fall back to Retry-After.
      }
    }
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    try {
      return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(trimmed) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.ofMillis(at.toInstant().toEpochMilli() - clock.millis());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
