package ai.heymilo.spec.operations;

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
 * Validates JSON against schemas of one OpenAPI document with networknt json-schema-validator in the OpenAPI 3.1
 * dialect (JSON Schema 2020-12 plus OpenAPI's vocabulary). The whole document is one schema resource and each check
 * starts at a JSON pointer into it, so {@code #/components/schemas/...} references resolve as they do in the
 * document. Thread-safe; each schema is compiled once, on first use.
 *
 * <pre>{@code
 * List<SchemaViolation> problems = SpecOperations.load().schemas()
 *     .validate("/components/schemas/PostingResponse", posting);
 * }</pre>
 *
 * <p>Why not swagger-request-validator: it is blind to 3.1 ({@code anyOf} with null, {@code const}, type arrays pass
 * unchecked).
 */
public final class SchemaValidator {
  /** A made-up id for the document; nothing is fetched from it. */
  private static final String DOCUMENT_URI = "https://spec.heymilo.test/openapi.json";

  private final SchemaRegistry registry;
  /** Compiled schemas by pointer: a cache of immutable values, so concurrent first uses only repeat work. */
  private final Map<String, Schema> byPointer = new ConcurrentHashMap<>();

  SchemaValidator(SpecOperations spec) {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .locale(Locale.ENGLISH)
        .build();
    this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
        builder -> builder.schemas(Map.of(DOCUMENT_URI, spec.text())).schemaRegistryConfig(config));
  }

  /**
   * Validates {@code instance} against the schema at {@code pointer} (such as
   * {@code /components/schemas/PostingResponse}); returns every violation, none if valid.
   */
  public List<SchemaViolation> validate(String pointer, JsonNode instance) {
    List<SchemaViolation> violations = new ArrayList<>();
    for (Error error : errors(pointer, instance)) {
      violations.add(new SchemaViolation(jsonPath(error.getInstanceLocation()), error.getInstanceNode(), error.getKeyword(),
          error.getMessage()));
    }
    return violations;
  }

  /** The validator's own errors, for callers that translate them (evaluation path, keyword, schema node). */
  List<Error> errors(String pointer, JsonNode instance) {
    Schema schema = byPointer.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p)));
    return schema.validate(instance);
  }

  /** {@code $.data.items[0].score}, from the validator's node path. */
  static String jsonPath(NodePath location) {
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

  @Override
  public String toString() {
    return "SchemaValidator{" + byPointer.size() + " schemas compiled}";
  }
}
