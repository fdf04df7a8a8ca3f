package ai.heymilo.sdk.webhooks;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the timestamps in an event body. HeyMilo does not publish the payload, so a timestamp is recognised by its
 * name and by its value parsing, as {@link WebhookEvent#timestamps()} documents.
 */
final class Timestamps {
  /** Unix times at or beyond this are milliseconds: as seconds it would be the year 5138, as milliseconds 1973. */
  private static final double MILLIS_THRESHOLD = 100_000_000_000d;
  private static final Pattern SPACE_SEPARATED = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d.*");

  private Timestamps() {}

  static Map<String, Instant> find(Map<String, @Nullable Object> object) {
    Map<String, Instant> found = new LinkedHashMap<>();
    collect("", object, found);
    return found.isEmpty() ? Collections.<String, Instant>emptyMap() : Collections.unmodifiableMap(found);
  }

  @SuppressWarnings("unchecked")
  private static void collect(String prefix, Map<String, @Nullable Object> object, Map<String, Instant> found) {
    for (Map.Entry<String, @Nullable Object> entry : object.entrySet()) {
      String path = prefix + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof Map) {
        // Depth is bounded: both JSON libraries refuse documents nested deeper than 255.
        collect(path + ".", (Map<String, @Nullable Object>) value, found);
      } else if (isTimestampName(entry.getKey())) {
        Instant instant = parse(value);
        if (instant != null) {
          found.put(path, instant);
        }
      }
    }
  }

  static boolean isTimestampName(String name) {
    return name.equals("timestamp") || name.equals("time") || name.endsWith("_at") || name.endsWith("_time")
        || name.endsWith("_timestamp") || camelSuffix(name, "At") || camelSuffix(name, "Time");
  }

  /** {@code completedAt}, {@code startTime}: the suffix follows a lower-case letter or digit. */
  private static boolean camelSuffix(String name, String suffix) {
    int start = name.length() - suffix.length();
    return start > 0 && name.endsWith(suffix)
        && (Character.isLowerCase(name.charAt(start - 1)) || Character.isDigit(name.charAt(start - 1)));
  }

  static @Nullable Instant parse(@Nullable Object value) {
    try {
      if (value instanceof Long) {
        long number = (Long) value;
        return Math.abs((double) number) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
      }
      if (value instanceof Double) {
        return fromDouble((Double) value);
      }
      if (value instanceof String) {
        return fromText((String) value);
      }
    } catch (DateTimeException | ArithmeticException outOfRange) {
      // Not a representable instant (a year beyond ±1,000,000,000); the value stays in fields().
    }
    return null;
  }

  private static @Nullable Instant fromDouble(double number) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return null;
    }
    double seconds = Math.abs(number) >= MILLIS_THRESHOLD ? number / 1000d : number;
    double whole = Math.floor(seconds);
    long nanos = Math.round((seconds - whole) * 1_000_000_000d);
    return Instant.ofEpochSecond((long) whole, nanos);
  }

  private static @Nullable Instant fromText(String text) {
    String trimmed = text.trim();
    if (trimmed.length() < 10 || !Character.isDigit(trimmed.charAt(0))) {
      return null;
    }
    if (SPACE_SEPARATED.matcher(trimmed).matches()) {
      trimmed = trimmed.substring(0, 10) + 'T' + trimmed.substring(11);
    }
    TemporalAccessor parsed;
    try {
      parsed = DateTimeFormatter.ISO_DATE_TIME.parse(trimmed);
    } catch (DateTimeException notIso) {
      return null;
    }
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return Instant.from(parsed);
    }
    // A date-time without an offset is read as UTC, the only reading a server clock can sensibly mean.
    return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
  }
}
