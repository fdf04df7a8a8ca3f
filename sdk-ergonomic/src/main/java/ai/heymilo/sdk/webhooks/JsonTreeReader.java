package ai.heymilo.sdk.webhooks;

import ai.heymilo.sdk.JsonLibrary;
import ai.heymilo.sdk.errors.ConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The one thing a JSON library does for webhook parsing: turn a document into plain Java values. Everything else
 * ({@link EventParser}) is written once; each library is a thin binding, so both give the same events.
 */
interface JsonTreeReader {
  /**
   * Parses one complete JSON document strictly (RFC 8259: no comments, no unquoted names, nothing after the value)
   * into maps, lists, strings, {@code Long}s for integral numbers, {@code Double}s, booleans and nulls.
   *
   * @throws MalformedJson naming where the document stops being JSON
   */
  @Nullable Object read(String json);

  /** Thrown by a binding; {@link EventParser} turns it into the typed webhook error. */
  final class MalformedJson extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedJson(String detail, Throwable cause) {
      super(detail, cause);
    }

    /** The SDK decoders' message, starting in lower case like the parsers' own. */
    static MalformedJson of(ai.heymilo.model.JsonDecodingException e) {
      String message = String.valueOf(e.getMessage());
      return new MalformedJson(message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1), e);
    }
  }

  /**
   * Returns the binding for {@code library}.
   *
   * @throws ConfigurationException if {@code library} is {@link JsonLibrary#MOSHI} and Moshi is not on the class path
   */
  static JsonTreeReader of(JsonLibrary library) {
    if (library == JsonLibrary.GSON) {
      return new GsonTreeReader();
    }
    try {
      return new MoshiTreeReader();
    } catch (NoClassDefFoundError missing) {
      throw new ConfigurationException("jsonLibrary(MOSHI) needs com.squareup.moshi:moshi on the class path (missing: "
          + missing.getMessage() + "); add it or use JsonLibrary.GSON");
    }
  }
}
