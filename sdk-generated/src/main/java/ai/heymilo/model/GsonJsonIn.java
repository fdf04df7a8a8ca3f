package ai.heymilo.model;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** {@link JsonIn} over Gson's {@code JsonReader}. */
final class GsonJsonIn extends JsonIn {
  private final JsonReader reader;
  /** A name read by {@link #selectName} that matched nothing; {@link #nextName} returns it. */
  private @Nullable String heldName;

  GsonJsonIn(JsonReader reader) {
    this.reader = reader;
  }

  /**
   * Turns Gson's report of malformed or truncated JSON into the core's exception; returns null for
   * any other {@code IOException}, which is a failure of the connection and must stay as it is.
   */
  static @Nullable JsonDecodingException syntaxError(JsonReader reader, IOException e) {
    if (e instanceof MalformedJsonException) {
      String message = String.valueOf(e.getMessage());
      return message.startsWith("Nesting limit") ? JsonDecodingException.tooDeep(reader.getPath(), e)
          : message.startsWith("Unterminated escape sequence") ? JsonDecodingException.truncated(reader.getPath(), e)
          : JsonDecodingException.malformed(reader.getPath(), e);
    }
    if (e instanceof EOFException && String.valueOf(e.getMessage()).startsWith("End of input")) {
      return JsonDecodingException.truncated(reader.getPath(), e);
    }
    return null;
  }

  @Override
  Token peek() throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        return Token.BEGIN_OBJECT;
      case END_OBJECT:
        return Token.END_OBJECT;
      case BEGIN_ARRAY:
        return Token.BEGIN_ARRAY;
      case END_ARRAY:
        return Token.END_ARRAY;
      case NAME:
        return Token.NAME;
      case STRING:
        return Token.STRING;
      case NUMBER:
        return Token.NUMBER;
      case BOOLEAN:
        return Token.BOOLEAN;
      case NULL:
        return Token.NULL;
      default:
        return Token.END_DOCUMENT;
    }
  }

  @Override
  void beginObject() throws IOException {
    reader.beginObject();
  }

  @Override
  void endObject() throws IOException {
    reader.endObject();
  }

  @Override
  void beginArray() throws IOException {
    reader.beginArray();
  }

  @Override
  void endArray() throws IOException {
    reader.endArray();
  }

  @Override
  boolean hasNext() throws IOException {
    return heldName != null || reader.hasNext();
  }

  @Override
  String nextName() throws IOException {
    String name = heldName;
    if (name != null) {
      heldName = null;
      return name;
    }
    return reader.nextName();
  }

  @Override
  int selectName(JsonNames names, int expected) throws IOException {
    String name = reader.nextName();
    int index = names.indexOf(name, expected);
    if (index < 0) {
      heldName = name;
    }
    return index;
  }

  @Override
  String nextString() throws IOException {
    return reader.nextString();
  }

  @Override
  boolean nextBoolean() throws IOException {
    return reader.nextBoolean();
  }

  @Override
  long nextLong() throws IOException {
    try {
      return reader.nextLong();
    } catch (NumberFormatException e) {
      // The number stays buffered in the reader, so its text can still be read.
      String path = reader.getPath();
      throw JsonDecodingException.invalid(path, "an integer that fits in 64 bits", reader.nextString());
    }
  }

  @Override
  double nextDouble() throws IOException {
    if (reader.getStrictness() == Strictness.LENIENT) {
      // Gson.fromJson reads leniently, which lets 1e400 through as Infinity; the text is the diagnosis.
      String text = reader.nextString();
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw JsonDecodingException.invalid(lastValuePath(), "a number within the range of a double", text);
      }
      return value;
    }
    double value;
    try {
      value = reader.nextDouble();
    } catch (MalformedJsonException e) {
      // After peek() said NUMBER, the one syntax error left is "JSON forbids NaN and infinities".
      String path = reader.getPath();
      throw JsonDecodingException.invalid(path, "a number within the range of a double", reader.nextString());
    }
    return value;
  }

  @Override
  void nextNull() throws IOException {
    reader.nextNull();
  }

  @Override
  String path() {
    return reader.getPath();
  }
}
