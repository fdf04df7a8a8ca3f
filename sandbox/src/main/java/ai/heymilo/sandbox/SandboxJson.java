package ai.heymilo.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Jackson as the sandbox uses it: exact decimals (recorded {@code 1739612400.0} stays as written), compact output. */
final class SandboxJson {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private SandboxJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Parses JSON; null if {@code text} is not JSON (the validator has reported it already). */
  static @Nullable JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  /**
   * Parses JSON that must be there.
   *
   * @throws SandboxException naming {@code what} if it is not JSON
   */
  static JsonNode read(String text, String what) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null) {
        throw new SandboxException(what + " is empty; expected JSON", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new SandboxException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new SandboxException("Could not write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Lays every member of {@code patch} over {@code target}, replacing what is there. */
  static void overlay(ObjectNode target, JsonNode patch) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      target.set(field.getKey(), field.getValue().deepCopy());
    }
  }

  /** The text of {@code node.field}, or null if it is missing or JSON null. */
  static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
