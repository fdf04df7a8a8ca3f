package ai.heymilo.sdk.webhooks;

import ai.heymilo.client.HeyMiloMoshi;
import ai.heymilo.model.JsonDecodingException;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The Moshi binding: HeyMilo's Moshi configuration, whose free-form adapter keeps integral numbers as {@code Long}
 * like Gson's. Kept in its own class so that only choosing Moshi loads Moshi classes; Moshi is optional.
 */
final class MoshiTreeReader implements JsonTreeReader {
  private final JsonAdapter<Object> adapter = HeyMiloMoshi.create().adapter(Object.class);

  @Override
  public @Nullable Object read(String json) {
    try {
      return adapter.fromJson(json);
    } catch (JsonDecodingException e) {
      throw MalformedJson.of(e);
    } catch (IOException | JsonDataException e) {
      // JsonEncodingException (malformed), JsonDataException (too deep, trailing data).
      // Moshi's advice to turn on leniency is for the programmer who wrote the parser, not for this reader.
      throw new MalformedJson(String.valueOf(e.getMessage())
          .replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON"), e);
    }
  }
}
