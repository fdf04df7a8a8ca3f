package ai.heymilo.sdk.webhooks;

import ai.heymilo.client.HeyMiloGson;
import ai.heymilo.model.JsonDecodingException;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import org.jspecify.annotations.Nullable;

/** The Gson binding: HeyMilo's Gson configuration (integral numbers as {@code Long}), made strict. */
final class GsonTreeReader implements JsonTreeReader {
  // Gson is lenient by default and would read a body such as "hello" as the string hello; webhooks must be JSON.
  private final Gson gson = HeyMiloGson.builder().setStrictness(Strictness.STRICT).create();

  @Override
  public @Nullable Object read(String json) {
    try {
      return gson.fromJson(json, Object.class);
    } catch (JsonParseException e) {
      // Covers JsonSyntaxException (malformed, too deep, NaN/infinite numbers) and JsonIOException (trailing data).
      throw new MalformedJson(detail(e), e);
    } catch (JsonDecodingException e) {
      throw MalformedJson.of(e);
    }
  }

  /**
   * The reader's own message (not the wrapper's, which prefixes the exception class), without Gson's advice to turn
   * on leniency or its troubleshooting link, which are for the programmer who wrote the parser, not for this reader.
   */
  private static String detail(JsonParseException e) {
    Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
    String message = String.valueOf(cause.getMessage());
    int link = message.indexOf("\nSee https://");
    if (link >= 0) {
      message = message.substring(0, link);
    }
    return message.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
  }
}
