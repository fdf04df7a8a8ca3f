package ai.heymilo.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against schemas of the merged spec with networknt json-schema-validator in the
 * OpenAPI 3.1 dialect (JSON Schema 2020-12 plus OpenAPI's vocabulary): the whole spec is the one
 * schema resource, and each check starts at a JSON pointer into it, so {@code #/components/schemas/…}
 * references resolve as they do in the spec.
 *
 * <p>Why not swagger-request-validator: it is blind to 3.1 ({@code anyOf} with null, {@code const},
 * type arrays pass unchecked).
 */
final class SpecSchemas {
  /** A made-up id for the spec resource; nothing is fetched from it. */
  private static final String SPEC_URI = "https://spec.heymilo.test/openapi.json";

  private final SchemaRegistry registry;
  private final Map<String, Schema> byPointer = new ConcurrentHashMap<>();

  private static final class Holder {
    static final SpecSchemas INSTANCE = new SpecSchemas(MergedSpec.load());
  }

  SpecSchemas(MergedSpec spec) {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .pathType(PathType.JSON_PATH) // $.data.score rather than /data/score
        .locale(Locale.ENGLISH)
        .build();
    this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
        builder -> builder.schemas(Map.of(SPEC_URI, spec.text())).schemaRegistryConfig(config));
  }

  /** The validator for the merged spec on the class path. */
  static SpecSchemas load() {
    return Holder.INSTANCE;
  }

  /**
   * Validates {@code instance} against the schema at {@code pointer} (such as
   * {@code /components/schemas/PostingResponse}); returns every violation, none if valid.
   */
  List<Violation> validate(String pointer, JsonNode instance) {
    Schema schema = byPointer.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(SPEC_URI + "#" + p)));
    List<Violation> violations = new ArrayList<>();
    for (Error error : schema.validate(instance)) {
      violations.add(new Violation(jsonPath(error.getInstanceLocation()), error.getInstanceNode(), error.getKeyword(),
          error.getMessage()));
    }
    return violations;
  }

  /** {@code $.data.items[0].score}, whatever path type the error was built with. */
  private static String jsonPath(NodePath location) {
    StringBuilder path = new StringBuilder("$");
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer) {
        path.append('[').append(element).append(']');
      } else {
        path.append('.').append(element);
      }
    }
    return path.toString();
  }

  /** One place where a JSON value breaks its schema. */
  record Violation(String jsonPath, JsonNode value, String keyword, String message) {
    /** {@code $.data.score = "high": string found, number expected}. */
    @Override
    public String toString() {
      // Objects and arrays (the target of "required" and the like) would only repeat the document.
      String shown = value == null || !value.isValueNode() ? "" : " = " + abbreviate(value.toString());
      return jsonPath + shown + ": " + message;
    }

    private static String abbreviate(String text) {
      return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
  }
}
