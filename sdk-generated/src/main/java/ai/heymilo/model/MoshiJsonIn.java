package ai.heymilo.model;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** {@link JsonIn} over Moshi's {@code JsonReader}, matching declared names with {@code selectName}. */
final class MoshiJsonIn extends JsonIn {
  private final JsonReader reader;

  MoshiJsonIn(JsonReader reader) {
    this.reader = reader;
  }

  /** Moshi's counterpart of {@link GsonJsonIn#syntaxError}. */
  static @Nullable JsonDecodingException syntaxError(JsonReader reader, IOException e) {
    if (e instanceof JsonEncodingException) {
      return JsonDecodingException.malformed(reader.getPath(), e);
    }
    // Moshi reports a \\u escape cut short as an EOFException of its own, not as the connection's.
    if (e instanceof EOFException && (String.valueOf(e.getMessage()).startsWith("End of input")
        || String.valueOf(e.getMessage()).startsWith("Unterminated escape sequence"))) {
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
    try {
      reader.beginObject();
    } catch (JsonDataException e) {
      throw tooDeepOr(e);
    }
  }

  @Override
  void endObject() throws IOException {
    reader.endObject();
  }

  @Override
  void beginArray() throws IOException {
    try {
      reader.beginArray();
    } catch (JsonDataException e) {
      throw tooDeepOr(e);
    }
  }

  /** Moshi reports nesting beyond its limit as a {@code JsonDataException}; Gson as malformed JSON. */
  private RuntimeException tooDeepOr(JsonDataException e) {
    return String.valueOf(e.getMessage()).startsWith("Nesting too deep") ? JsonDecodingException.tooDeep(reader.getPath(), e) : e;
  }

  @Override
  void endArray() throws IOException {
    reader.endArray();
  }

  @Override
  boolean hasNext() throws IOException {
    return reader.hasNext();
  }

  @Override
  String nextName() throws IOException {
    return reader.nextName();
  }

  @Override
  int selectName(JsonNames names, int expected) throws IOException {
    Object cached = names.bindingCache();
    JsonReader.Options options;
    if (cached instanceof JsonReader.Options) {
      options = (JsonReader.Options) cached;
    } else {
      options = JsonReader.Options.of(names.toArray());
      names.bindingCache(options);
    }
    // On a miss Moshi keeps the name buffered, so nextName() still returns it.
    return reader.selectName(options);
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
    } catch (JsonDataException e) {
      // The number stays buffered in the reader, so its text can still be read.
      String path = reader.getPath();
      throw JsonDecodingException.invalid(path, "an integer that fits in 64 bits", reader.nextString());
    }
  }

  @Override
  double nextDouble() throws IOException {
    if (reader.isLenient()) {
      // A lenient reader lets 1e400 through as Infinity; the text is the diagnosis.
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
    } catch (JsonEncodingException | JsonDataException e) {
      // After peek() said NUMBER, the one failure left is "JSON forbids NaN and infinities".
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
