package ai.heymilo.model;

import org.jspecify.annotations.Nullable;

/**
 * A JSON body that does not fit the model it is decoded into: a value of the wrong kind, a number
 * out of range, a malformed date or UUID, a {@code oneOf} whose discriminator names no known
 * variant, or JSON that is malformed or ends early.
 *
 * <p>Gson and Moshi fail with this same exception, the same {@link #path()} and the same message
 * for the same body. The message names what was expected, what was found and where:
 *
 * <pre>{@code
 * Expected a number but was a string at path $.data.score
 * }</pre>
 *
 * <p>Values from the body are quoted only where they are the diagnosis (a date that does not
 * parse, a number out of range, an unknown discriminator) — never a string that merely sits where
 * a number belongs, since response bodies carry personal data. A failure of the underlying
 * connection is not this exception: it stays the original {@code IOException}.
 */
public final class JsonDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int QUOTED_MAX = 60;

  private final String path;

  private JsonDecodingException(String message, String path, @Nullable Throwable cause) {
    super(message + " at path " + path, cause);
    this.path = path;
  }

  /** Returns the JSON path of the value that did not fit, such as {@code $.data.scorecard[3].score}. */
  public String path() {
    return path;
  }

  static JsonDecodingException mismatch(String path, String expected, String found) {
    return new JsonDecodingException("Expected " + expected + " but was " + found, path, null);
  }

  /** A value that is of the right kind but not a valid one: {@code found} is quoted. */
  static JsonDecodingException invalid(String path, String expected, String found) {
    return new JsonDecodingException("Expected " + expected + " but was " + quote(found), path, null);
  }

  static JsonDecodingException malformed(String path, Throwable cause) {
    return new JsonDecodingException("Malformed JSON", path, cause);
  }

  /** Both libraries refuse JSON nested deeper than 255 arrays and objects; so does the core, with this message. */
  static JsonDecodingException tooDeep(String path, Throwable cause) {
    return new JsonDecodingException("JSON nests deeper than 255 arrays and objects", path, cause);
  }

  static JsonDecodingException truncated(String path, Throwable cause) {
    return new JsonDecodingException("JSON ended before the document was complete (truncated body)", path, cause);
  }

  static String quote(String value) {
    String shown = value.length() <= QUOTED_MAX ? value : value.substring(0, QUOTED_MAX) + "…";
    return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
