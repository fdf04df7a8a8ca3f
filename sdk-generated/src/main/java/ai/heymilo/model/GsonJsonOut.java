package ai.heymilo.model;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/** {@link JsonOut} over Gson's {@code JsonWriter}. */
final class GsonJsonOut extends JsonOut {
  private final JsonWriter writer;

  GsonJsonOut(JsonWriter writer) {
    this.writer = writer;
  }

  @Override
  void beginObject() throws IOException {
    writer.beginObject();
  }

  @Override
  void endObject() throws IOException {
    writer.endObject();
  }

  @Override
  void beginArray() throws IOException {
    writer.beginArray();
  }

  @Override
  void endArray() throws IOException {
    writer.endArray();
  }

  @Override
  void name(String name) throws IOException {
    writer.name(name);
  }

  @Override
  void value(String value) throws IOException {
    writer.value(value);
  }

  @Override
  void value(long value) throws IOException {
    writer.value(value);
  }

  @Override
  void value(double value) throws IOException {
    writer.value(value);
  }

  @Override
  void value(boolean value) throws IOException {
    writer.value(value);
  }

  @Override
  void number(Number value) throws IOException {
    writer.value(value);
  }

  @Override
  void explicitNull() throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    writer.nullValue();
    writer.setSerializeNulls(serializeNulls);
  }
}
