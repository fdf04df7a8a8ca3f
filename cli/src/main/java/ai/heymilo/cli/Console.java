package ai.heymilo.cli;

import ai.heymilo.client.HeyMiloGson;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Where the CLI writes and what it knows about its surroundings: output streams, whether it runs on a
 * terminal (live progress line vs plain lines) and how wide that is, the time zone for people, and the
 * environment (API key, profile, config file).
 */
final class Console {
  static final Gson PRETTY = HeyMiloGson.builder().setPrettyPrinting().create();

  final PrintWriter out;
  final PrintWriter err;
  final boolean terminal;
  final Map<String, String> environment;
  final ZoneId zone;
  private int width = -1;

  Console(PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> environment) {
    this(out, err, terminal, environment, ZoneId.systemDefault());
  }

  Console(PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> environment, ZoneId zone) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.environment = environment;
    this.zone = zone;
  }

  /** The process's own console. */
  static Console system() {
    return new Console(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.console() != null, System.getenv());
  }

  /**
   * The width to fit text to: {@code $COLUMNS} when set (the launcher sets it), else the terminal's as
   * {@code stty} reports it, else 0 — no limit, for pipes and files.
   */
  int width() {
    if (width < 0) {
      width = columns(environment.get("COLUMNS"));
      if (width == 0 && terminal) {
        width = sttyColumns();
      }
    }
    return width;
  }

  /** The width for help text, which picocli needs as a number: the terminal's, else 80. */
  int helpWidth() {
    int columns = width();
    return columns == 0 ? 80 : Math.max(55, columns);
  }

  private static int columns(@Nullable String value) {
    if (value == null) {
      return 0;
    }
    try {
      int columns = Integer.parseInt(value.trim());
      return columns > 0 ? columns : 0;
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  private static int sttyColumns() {
    try {
      Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
      try (InputStream in = stty.getInputStream()) {
        String[] size = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
        if (stty.waitFor(1, TimeUnit.SECONDS) && stty.exitValue() == 0 && size.length == 2) {
          return columns(size[1]);
        }
      }
    } catch (IOException noStty) {
      // Not a Unix terminal: no limit.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** A Unix timestamp (seconds, fractions allowed) as ISO-8601 in the local zone, to the second. */
  String time(@Nullable Number unixSeconds) {
    if (unixSeconds == null) {
      return "-";
    }
    long millis = Math.round(unixSeconds.doubleValue() * 1000);
    ZonedDateTime local = Instant.ofEpochMilli(millis).atZone(zone).truncatedTo(ChronoUnit.SECONDS);
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local);
  }

  /** Prints a model (or any value) as indented JSON, with the API's values. */
  void printJson(Object value) {
    out.println(PRETTY.toJson(tree(value)));
    out.flush();
  }

  /**
   * A value as a JSON tree whose whole numbers are written as such: the models hold Unix timestamps as
   * {@code Double}, which Gson would write as {@code 1.7396124E9}; {@code 1739612400} is the same number.
   */
  static com.google.gson.JsonElement tree(Object value) {
    return wholeNumbers(PRETTY.toJsonTree(value));
  }

  private static com.google.gson.JsonElement wholeNumbers(com.google.gson.JsonElement element) {
    if (element.isJsonObject()) {
      for (Map.Entry<String, com.google.gson.JsonElement> entry : element.getAsJsonObject().entrySet()) {
        entry.setValue(wholeNumbers(entry.getValue()));
      }
    } else if (element.isJsonArray()) {
      com.google.gson.JsonArray array = element.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        array.set(i, wholeNumbers(array.get(i)));
      }
    } else if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
      Number number = element.getAsNumber();
      double d = number.doubleValue();
      if ((number instanceof Double || number instanceof Float) && d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
        return new com.google.gson.JsonPrimitive((long) d);
      }
    }
    return element;
  }

  void println(String line) {
    out.println(line);
    out.flush();
  }

  /** Messages about the CLI itself (not results) go to stderr so that stdout stays parseable. */
  void note(String line) {
    err.println(line);
    err.flush();
  }
}
