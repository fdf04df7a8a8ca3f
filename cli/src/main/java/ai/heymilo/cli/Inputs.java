package ai.heymilo.cli;

import ai.heymilo.client.HeyMiloGson;
import ai.heymilo.model.JsonDecodingException;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads what the user hands a command — files, KEY=VALUE pairs — before anything is started, with errors that name the problem. */
final class Inputs {
  private static final Pattern PAIR = Pattern.compile("[^=]+=.*", Pattern.DOTALL);

  private Inputs() {}

  /** The file's text (UTF-8); a missing, unreadable or binary file is a usage error naming it. */
  static String text(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new UsageException("cannot read " + file + ": it is a directory");
      }
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("cannot read " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot read " + file + ": permission denied");
    } catch (MalformedInputException e) {
      throw new UsageException("cannot read " + file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The file's JSON decoded as {@code type}; malformed JSON is a usage error naming the file and where. */
  static <T> T json(Path file, Class<T> type, String what) {
    String text = text(file);
    try {
      T value = HeyMiloGson.create().fromJson(text, type);
      if (value == null) {
        throw new UsageException(file + " is empty; expected " + what + " as JSON");
      }
      return value;
    } catch (JsonParseException | JsonDecodingException | IllegalStateException e) {
      throw new UsageException(file + " is not " + what + ": " + e.getMessage());
    }
  }

  /** {@code KEY=VALUE} pairs in order; anything else is a usage error quoting it. */
  static Map<String, String> pairs(List<String> pairs) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (String pair : pairs) {
      if (!PAIR.matcher(pair).matches()) {
        throw new UsageException("'" + pair + "' is not KEY=VALUE");
      }
      int equals = pair.indexOf('=');
      map.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return map;
  }

  /** A {@code --limit}: 0 or more. */
  static void checkLimit(Integer limit) {
    if (limit != null && limit < 0) {
      throw new UsageException("--limit must be 0 or more, but was " + limit);
    }
  }

  /** A duration option that must be more than zero, if given. */
  static void checkPositive(java.time.@org.jspecify.annotations.Nullable Duration value, String option) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new UsageException(option + " must be more than 0, but was " + value);
    }
  }
}
