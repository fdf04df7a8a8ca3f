package ai.heymilo.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The merged spec, read from the heymilo-spec jar on the test class path. */
final class MergedSpec {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonNode root;

  private MergedSpec() {}

  static synchronized JsonNode root() {
    if (root == null) {
      try (InputStream in = MergedSpec.class.getResourceAsStream("/ai/heymilo/spec/openapi.json")) {
        if (in == null) {
          throw new IllegalStateException("ai/heymilo/spec/openapi.json is not on the test class path; build the spec module first");
        }
        root = MAPPER.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  static JsonNode schema(String name) {
    return root().path("components").path("schemas").path(name);
  }

  static List<String> schemaNames() {
    List<String> names = new ArrayList<>();
    root().path("components").path("schemas").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Resolves a local {@code $ref} (only component schemas are referenced in this spec). */
  static JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      schema = root().at(schema.get("$ref").asText().substring(1));
    }
    return schema;
  }

  /** The generated class for a component schema, named as the generator names it. */
  static Class<?> javaClass(String schemaName) {
    StringBuilder name = new StringBuilder("ai.heymilo.model.");
    for (String part : schemaName.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    try {
      return Class.forName(name.toString());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no generated class " + name + " for schema " + schemaName, e);
    }
  }

  static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node.properties();
  }
}
