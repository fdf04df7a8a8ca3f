package ai.heymilo.model;

import java.io.IOException;

/**
 * The token-level writer the JSON core encodes to; the counterpart of {@link JsonIn}, with one
 * small implementation per JSON library.
 */
abstract class JsonOut {
  abstract void beginObject() throws IOException;

  abstract void endObject() throws IOException;

  abstract void beginArray() throws IOException;

  abstract void endArray() throws IOException;

  abstract void name(String name) throws IOException;

  abstract void value(String value) throws IOException;

  abstract void value(long value) throws IOException;

  abstract void value(double value) throws IOException;

  abstract void value(boolean value) throws IOException;

  /** Writes any other {@link Number} (a {@code BigDecimal} a caller put into a free-form value). */
  abstract void number(Number value) throws IOException;

  /**
   * Writes a JSON null even when the writer leaves null properties out: the caller or the server
   * meant this null.
   */
  abstract void explicitNull() throws IOException;
}
