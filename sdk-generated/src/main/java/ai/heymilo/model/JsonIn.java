package ai.heymilo.model;

import java.io.IOException;

/**
 * The token-level reader the JSON core decodes from. Each JSON library gets one small
 * implementation (Gson's and Moshi's {@code JsonReader}); everything above tokens — models, open
 * enums, unions, free-form values, formats, error messages — is written once against this class.
 *
 * <p>Callers check {@link #peek()} before every value, so an implementation is never asked for a
 * token of the wrong kind and the libraries' own type errors (which read differently) never occur.
 */
abstract class JsonIn {
  /** The kinds of token the core tells apart. */
  enum Token {
    BEGIN_OBJECT("an object"),
    END_OBJECT("the end of an object"),
    BEGIN_ARRAY("an array"),
    END_ARRAY("the end of an array"),
    NAME("a property name"),
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    NULL("null"),
    END_DOCUMENT("the end of the document");

    /** How a message names a value of this kind: "a string", "an object". */
    final String described;

    Token(String described) {
      this.described = described;
    }
  }

  abstract Token peek() throws IOException;

  abstract void beginObject() throws IOException;

  abstract void endObject() throws IOException;

  abstract void beginArray() throws IOException;

  abstract void endArray() throws IOException;

  abstract boolean hasNext() throws IOException;

  abstract String nextName() throws IOException;

  /**
   * Returns the index of the next property name in {@code names}, or -1 if it is not one of them;
   * then {@link #nextName()} returns that name. Lets a library match declared names without
   * decoding each into a {@code String}. {@code expected} is the index the caller expects next (the
   * one after the last match), a hint an implementation may use.
   */
  abstract int selectName(JsonNames names, int expected) throws IOException;

  /** Returns a STRING token's text, or a NUMBER token's literal text. */
  abstract String nextString() throws IOException;

  abstract boolean nextBoolean() throws IOException;

  /**
   * Returns a NUMBER token as a {@code long}.
   *
   * @throws JsonDecodingException if the number has a fraction or does not fit in 64 bits
   */
  abstract long nextLong() throws IOException;

  /**
   * Returns a NUMBER token as a {@code double}.
   *
   * @throws JsonDecodingException if the number is too large for a double
   */
  abstract double nextDouble() throws IOException;

  abstract void nextNull() throws IOException;

  /** The JSON path of the value about to be read, such as {@code $.data.scorecard[3].score}. */
  abstract String path();

  /**
   * The path of the value just consumed. Inside an array {@link #path()} has already moved on to
   * the next element (both libraries count that way), so its last index is one too far.
   */
  final String lastValuePath() {
    String path = path();
    int open = path.lastIndexOf('[');
    if (open < 0 || !path.endsWith("]")) {
      return path;
    }
    try {
      int index = Integer.parseInt(path.substring(open + 1, path.length() - 1));
      return index > 0 ? path.substring(0, open + 1) + (index - 1) + "]" : path;
    } catch (NumberFormatException notAnIndex) {
      return path;
    }
  }

  /** Fails with the one message the core uses for a value of the wrong kind. */
  final JsonDecodingException mismatch(String expected, Token found) {
    return JsonDecodingException.mismatch(path(), expected, found.described);
  }
}
