package ai.heymilo.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Masks candidates' personal data: the values of the properties the spec marks personal
 * ({@code x-heymilo-personal}: names, email addresses, phone numbers, transcripts, answers, resumes,
 * recordings…).
 *
 * <p>Models mask these properties in {@link ApiObject#toString()} by their own schema.
 * {@link #mask(String)} does the same for JSON text whose schema is not known — a log line, an
 * error body — by property name: a name that is personal in any schema is masked wherever it
 * appears ({@code "name"} of a posting too), since leaving a candidate's name in a log is the worse
 * mistake. The SDK's client masks its logs and exception messages this way unless it is built with
 * {@code revealPersonalData(true)}.
 *
 * <pre>{@code
 * PersonalData.mask("{\"name\": \"Ada Lovelace\", \"status\": \"completed\"}")
 * // {"name": "***", "status": "completed"}
 * }</pre>
 */
public final class PersonalData {
  /** What a personal value reads as once masked. Lengths are not kept: they hint at the value. */
  public static final String MASK = "***";

  private static final Set<String> NAMES =
      Collections.unmodifiableSet(new HashSet<>(Arrays.asList(ModelSchemas.PERSONAL_PROPERTIES)));
  private static final String SCALAR_END = ",}] \t\r\n";

  private PersonalData() {}

  /** Returns the JSON names of the properties that hold personal data in at least one schema. */
  public static Set<String> propertyNames() {
    return NAMES;
  }

  /** Returns true if {@code jsonName} holds personal data in at least one schema of the API. */
  public static boolean isPersonal(String jsonName) {
    return NAMES.contains(jsonName);
  }

  /**
   * Returns {@code text} with the value of every personal property replaced by {@code "***"},
   * however deep it sits; a {@code null} value stays {@code null}. Formatting and everything else
   * are kept as they are. Text that is not JSON passes through unchanged; JSON that is cut short
   * (a bounded excerpt) is masked up to where it ends.
   */
  public static String mask(String text) {
    if (text.indexOf('"') < 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) != '"') {
        i++;
        continue;
      }
      int end = endOfString(text, i);
      int colon = skipWhitespace(text, end);
      if (colon < n && text.charAt(colon) == ':' && isPersonal(text.substring(i + 1, Math.max(i + 1, end - 1)))) {
        int start = skipWhitespace(text, colon + 1);
        int valueEnd = endOfValue(text, start);
        if (valueEnd > start && !(valueEnd - start == 4 && text.startsWith("null", start))) {
          if (out == null) {
            out = new StringBuilder(n);
          }
          out.append(text, copied, start).append('"').append(MASK).append('"');
          copied = valueEnd;
        }
        i = valueEnd;
      } else {
        i = end;
      }
    }
    return out == null ? text : out.append(text, copied, n).toString();
  }

  /** The index after the closing quote of the string starting at {@code quote}, or the text's end. */
  private static int endOfString(String text, int quote) {
    for (int j = quote + 1; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '"') {
        return j + 1;
      }
    }
    return text.length();
  }

  /** The index after the JSON value starting at {@code start}: a string, an object or array, or a scalar. */
  private static int endOfValue(String text, int start) {
    if (start >= text.length()) {
      return start;
    }
    char first = text.charAt(start);
    if (first == '"') {
      return endOfString(text, start);
    }
    if (first != '{' && first != '[') {
      int j = start;
      while (j < text.length() && SCALAR_END.indexOf(text.charAt(j)) < 0) {
        j++;
      }
      return j;
    }
    int depth = 0;
    int j = start;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (c == '"') {
        j = endOfString(text, j);
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return j + 1;
      }
      j++;
    }
    return j;
  }

  private static int skipWhitespace(String text, int from) {
    int j = from;
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    return j;
  }
}
