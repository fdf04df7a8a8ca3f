package ai.heymilo.sdk.internal;

import java.time.Duration;

/** Formats a duration for people reading an error message: {@code 10m 0s}, {@code 45s}, {@code 1h 2m 3s}. */
final class HumanDuration {
  private HumanDuration() {
  }

  static String format(Duration duration) {
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return duration.toMillis() + "ms";
    }
    long hours = duration.toHours();
    long minutes = duration.toMinutesPart();
    long seconds = duration.toSecondsPart();
    if (hours > 0) {
      return hours + "h " + minutes + "m " + seconds + "s";
    }
    if (minutes > 0) {
      return minutes + "m " + seconds + "s";
    }
    return seconds + "s";
  }
}
