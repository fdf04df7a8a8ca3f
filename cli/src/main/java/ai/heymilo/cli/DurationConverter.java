package ai.heymilo.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms} or ISO-8601 ({@code PT10M}). */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("pt") || text.startsWith("p")) {
        return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      switch (text.charAt(text.length() - 1)) {
        case 's': return Duration.ofSeconds(amount);
        case 'm': return Duration.ofMinutes(amount);
        case 'h': return Duration.ofHours(amount);
        default: break;
      }
    } catch (RuntimeException notADuration) {
      // Reported below with the accepted forms.
    }
    throw new TypeConversionException("'" + value + "' is not a duration; use forms like 90s, 10m, 1h or PT10M");
  }
}
