package ai.heymilo.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a JSON tree as YAML 1.2 block style. Small on purpose: it only ever writes what the API's JSON
 * holds (objects, arrays, strings, numbers, booleans, null), and quotes every string that a YAML reader
 * could take for something else.
 */
final class Yaml {
  /** Plain scalars a YAML 1.1 or 1.2 reader would read as a boolean, null or number. */
  private static final Pattern AMBIGUOUS = Pattern.compile("(?i)true|false|yes|no|on|off|y|n|null|~"
      + "|[-+]?[0-9][0-9_]*"                                   // integers (1.1 allows _)
      + "|0x[0-9a-f_]+|0o?[0-7_]+|0b[01_]+"                    // hex, octal, binary
      + "|[-+]?([0-9][0-9_]*)?\\.?[0-9_]*(e[-+]?[0-9]+)?"       // floats, 1e3, .5
      + "|[-+]?\\.(inf|nan)"
      + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");      // YAML 1.1 sexagesimal, 12:30

  private Yaml() {}

  static String write(JsonElement value) {
    StringBuilder out = new StringBuilder();
    if (value.isJsonObject() && value.getAsJsonObject().size() > 0) {
      object(value.getAsJsonObject(), 0, out);
    } else if (value.isJsonArray() && value.getAsJsonArray().size() > 0) {
      array(value.getAsJsonArray(), 0, out);
    } else {
      out.append(scalar(value)).append('\n');
    }
    return out.toString();
  }

  private static void object(JsonObject object, int indent, StringBuilder out) {
    boolean first = true;
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      // The first key of an object inside a list item goes on the item's own line ("- key: value").
      if (!first || indent == 0 || out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
        out.append(" ".repeat(indent));
      }
      first = false;
      out.append(string(entry.getKey())).append(':');
      value(entry.getValue(), indent + 2, out);
    }
  }

  private static void array(JsonArray array, int indent, StringBuilder out) {
    for (JsonElement item : array) {
      out.append(" ".repeat(indent)).append('-');
      if (item.isJsonObject() && item.getAsJsonObject().size() > 0) {
        out.append(' ');
        object(item.getAsJsonObject(), indent + 2, out);
      } else if (item.isJsonArray() && item.getAsJsonArray().size() > 0) {
        out.append('\n');
        array(item.getAsJsonArray(), indent + 2, out);
      } else {
        out.append(' ').append(scalar(item)).append('\n');
      }
    }
  }

  /** After "key:": a nested block on the next lines, or a scalar on this one. */
  private static void value(JsonElement value, int indent, StringBuilder out) {
    if (value.isJsonObject() && value.getAsJsonObject().size() > 0) {
      out.append('\n');
      object(value.getAsJsonObject(), indent, out);
    } else if (value.isJsonArray() && value.getAsJsonArray().size() > 0) {
      out.append('\n');
      // Lists under a key are indented like nested objects, which every YAML reader accepts.
      array(value.getAsJsonArray(), indent, out);
    } else {
      out.append(' ').append(scalar(value)).append('\n');
    }
  }

  private static String scalar(JsonElement value) {
    if (value.isJsonNull()) {
      return "null";
    }
    if (value.isJsonObject()) {
      return "{}";
    }
    if (value.isJsonArray()) {
      return "[]";
    }
    JsonPrimitive primitive = value.getAsJsonPrimitive();
    if (primitive.isString()) {
      return string(primitive.getAsString());
    }
    return primitive.getAsString();
  }

  /** A string as a plain scalar when that reads back as the same string, else double-quoted with escapes. */
  static String string(String text) {
    return needsQuotes(text) ? quoted(text) : text;
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty() || AMBIGUOUS.matcher(text).matches()) {
      return true;
    }
    if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
      return true;
    }
    // Characters that start something else in YAML when they come first.
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(text.charAt(0)) >= 0) {
      return true;
    }
    if (text.contains(": ") || text.contains(" #") || text.endsWith(":")) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
        return true;
      }
    }
    return false;
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }
}
