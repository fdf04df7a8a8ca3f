package ai.heymilo.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Jackson trees for the spec, the recordings and the requests the SDK sends. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Parses JSON text; throws {@link IllegalArgumentException} naming {@code what} if it is not JSON. */
  static JsonNode parse(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  static JsonNode parse(byte[] bytes, String what) {
    return parse(new String(bytes, StandardCharsets.UTF_8), what);
  }

  /** Reads a class path resource as text. */
  static String resourceText(String resource) {
    try (var in = Json.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Escapes one JSON pointer token ({@code /api/v2/postings} → {@code ~1api~1v2~1postings}). */
  static String pointerToken(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
