package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives the document the client is generated from (the "codegen view") from the merged spec.
 *
 * <p>The merged spec stays faithful to HeyMilo's documents: recordings and requests are validated
 * against it. The view only reshapes what openapi-generator (java, retrofit2) would otherwise turn
 * into wrong or unusable Java. Every transform is generic — it keys on a shape, not on a name — so a
 * changed source document flows into the client with no other edit. The transforms, in order:
 *
 * <ol>
 *   <li>{@link #removeAuthHeaderParameters}: operations declare {@code X-API-KEY},
 *       {@code Authorization} and {@code X-Workspace-Id} as optional header parameters besides the
 *       {@code ApiKeyAuth} scheme. Credentials are configured once on the client, so generated
 *       method signatures must not carry them.
 *   <li>{@link #shortenFrameworkOperationIds}: ids the server framework derived from function name,
 *       path and method ({@code health_check_health_get}) become {@code healthCheck}.
 *   <li>{@link #nameDiscriminatedUnions}: an inline {@code oneOf} whose branches each pin a
 *       {@code const} on the same property (the workflow steps) becomes a named schema with a
 *       {@code discriminator}, so the generator emits an interface implemented by one class per
 *       branch; without it the branches are flattened into one class and step settings are lost.
 *   <li>{@link #replaceConstWithMarker}: {@code const} would become a one-value Java enum that
 *       throws on any other value; a new server value must never break decoding, so the property
 *       becomes a plain string and the value moves to {@code x-heymilo-const} (documentation only).
 *   <li>{@link #relaxUntypedUnions}: {@code anyOf [{}, null]} (any value) makes the generator
 *       import a class it never writes, and {@code anyOf [string, integer]} (a validation error's
 *       location) becomes an empty class; both become the any-value schema {@code {}}.
 *   <li>{@link #declareBinaryResponses}: a response served as a non-JSON media type without a schema
 *       (the voice preview's {@code audio/mpeg}) becomes {@code string/binary}, so the method yields
 *       the raw body instead of failing to parse audio as JSON.
 *   <li>{@link #markEnvelopes}: the {@code {data, pagination}} and {@code {data, meta}} envelopes
 *       are unrelated schemas; {@code x-implements} lets every list share one page abstraction.
 * </ol>
 */
public final class CodegenView {
  static final Set<String> AUTH_HEADERS = Set.of("x-api-key", "authorization", "x-workspace-id");
  static final String LIST_ENVELOPE = "ai.heymilo.model.ListEnvelope";
  static final String SINGLE_ENVELOPE = "ai.heymilo.model.SingleEnvelope";
  static final String CONST_MARKER = "x-heymilo-const";
  static final String DISCRIMINATOR_MARKER = "x-heymilo-discriminator-value";

  /** Names for unions whose generic name would read badly; anything else gets a derived name. */
  private static final Map<String, String> UNION_NAMES =
      Map.of("CreatePostingRequest/workflow", "CreateWorkflowStep");

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern NON_WORD = Pattern.compile("\\W");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CodegenView() {}

  /** Returns a transformed deep copy of {@code merged}; the argument is not modified. */
  public static ObjectNode transform(ObjectNode merged) {
    return transform(merged, SdkOverlay.empty());
  }

  /**
   * {@link #transform(ObjectNode)} with the SDK overlay's model entries ({@code properties}: item names, limits)
   * written in before {@link ModelHints} derives the model templates' hints from them.
   *
   * @throws SpecMergeException if an overlay entry names nothing in the spec
   */
  static ObjectNode transform(ObjectNode merged, SdkOverlay overlay) {
    ObjectNode view = merged.deepCopy();
    removeAuthHeaderParameters(view);
    shortenFrameworkOperationIds(view);
    nameDiscriminatedUnions(view);
    replaceConstWithMarker(view);
    relaxUntypedUnions(view);
    declareBinaryResponses(view);
    markEnvelopes(view);
    overlay.checkAgainst(view);
    overlay.applyToModels(view);
    ModelHints.apply(view);
    return view;
  }

  /** Drops the per-operation credential headers; the client sends them itself. */
  static void removeAuthHeaderParameters(ObjectNode spec) {
    for (ObjectNode pathItem : objects(spec.path("paths"))) {
      removeAuthHeaders(pathItem.get("parameters"));
      for (ObjectNode operation : operations(pathItem)) {
        removeAuthHeaders(operation.get("parameters"));
      }
    }
  }

  private static void removeAuthHeaders(JsonNode parameters) {
    if (!(parameters instanceof ArrayNode array)) {
      return;
    }
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      JsonNode parameter = it.next();
      if ("header".equals(parameter.path("in").asText())
          && AUTH_HEADERS.contains(parameter.path("name").asText().toLowerCase(Locale.ROOT))) {
        it.remove();
      }
    }
  }

  /**
   * FastAPI names an operation {@code <function>_<path with non-word chars as _>_<method>}; the
   * function name alone, camel-cased, is what a Java caller expects.
   */
  static void shortenFrameworkOperationIds(ObjectNode spec) {
    for (Map.Entry<String, JsonNode> path : fields(spec.path("paths"))) {
      String pathSuffix = NON_WORD.matcher(path.getKey()).replaceAll("_");
      for (String method : METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation == null || !operation.hasNonNull("operationId")) {
          continue;
        }
        String id = operation.get("operationId").asText();
        String suffix = pathSuffix + "_" + method;
        if (id.endsWith(suffix) && id.length() > suffix.length()) {
          ((ObjectNode) operation).put("operationId", camelCase(id.substring(0, id.length() - suffix.length())));
        }
      }
    }
  }

  /**
   * Replaces an inline {@code oneOf} of {@code $ref}s, whose targets all pin a {@code const} on one
   * shared property, by a reference to a new named schema carrying a {@code discriminator}.
   */
  static void nameDiscriminatedUnions(ObjectNode spec) {
    ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
    Map<String, ObjectNode> created = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> schema : fields(schemas)) {
      for (Map.Entry<String, JsonNode> property : fields(schema.getValue().path("properties"))) {
        String where = schema.getKey() + "/" + property.getKey();
        visitSchemas(property.getValue(), node -> {
          ObjectNode union = discriminatedUnion(schemas, node.get("oneOf"));
          if (union == null) {
            return;
          }
          String name = UNION_NAMES.getOrDefault(where, pascalCase(schema.getKey()) + pascalCase(property.getKey()) + "Variant");
          if (node.hasNonNull("description")) {
            union.set("description", node.get("description"));
          }
          created.put(name, union);
          node.remove("oneOf");
          node.put("$ref", "#/components/schemas/" + name);
        });
      }
    }
    created.forEach(schemas::set);
  }

  /** Returns the named union schema for {@code oneOf}, or null if it is not a const-discriminated union. */
  private static ObjectNode discriminatedUnion(ObjectNode schemas, JsonNode oneOf) {
    if (!(oneOf instanceof ArrayNode branches) || branches.isEmpty()) {
      return null;
    }
    String propertyName = null;
    ObjectNode mapping = NODES.objectNode();
    List<ObjectNode> pinned = new ArrayList<>();
    for (JsonNode branch : branches) {
      String ref = branch.path("$ref").asText("");
      JsonNode target = ref.startsWith("#/components/schemas/")
          ? schemas.get(ref.substring("#/components/schemas/".length())) : null;
      if (target == null) {
        return null;
      }
      String constProperty = null;
      for (Map.Entry<String, JsonNode> property : fields(target.path("properties"))) {
        if (property.getValue().path("const").isTextual()) {
          constProperty = property.getKey();
          mapping.put(property.getValue().get("const").asText(), ref);
          pinned.add((ObjectNode) property.getValue());
          break;
        }
      }
      if (constProperty == null || (propertyName != null && !propertyName.equals(constProperty))) {
        return null;
      }
      propertyName = constProperty;
    }
    for (ObjectNode property : pinned) {
      property.set(DISCRIMINATOR_MARKER, property.remove("const"));
    }
    ObjectNode union = NODES.objectNode();
    union.set("oneOf", branches.deepCopy());
    ObjectNode discriminator = union.putObject("discriminator");
    discriminator.put("propertyName", propertyName);
    discriminator.set("mapping", mapping);
    return union;
  }

  /** Moves every remaining {@code const} into a documentation-only marker. */
  static void replaceConstWithMarker(ObjectNode spec) {
    visitAllSchemas(spec, node -> {
      if (node.has("const")) {
        node.set(CONST_MARKER, node.remove("const"));
        if (!node.has("type") && node.get(CONST_MARKER).isTextual()) {
          node.put("type", "string");
        }
      }
    });
  }

  /** Turns unions the generator cannot type into the any-value schema {@code {}}. */
  static void relaxUntypedUnions(ObjectNode spec) {
    visitAllSchemas(spec, node -> {
      if (node.get("anyOf") instanceof ArrayNode branches && isUntypedUnion(branches)) {
        node.remove("anyOf");
      }
    });
  }

  /**
   * True for {@code anyOf [{}, null]} and for unions of two or more different scalar types (with or
   * without null): no Java type but {@code Object} can hold them.
   */
  private static boolean isUntypedUnion(ArrayNode branches) {
    boolean anyValue = false;
    Set<String> scalarTypes = new java.util.TreeSet<>();
    for (JsonNode branch : branches) {
      if (branch.isObject() && branch.isEmpty()) {
        anyValue = true;
      } else if ("null".equals(branch.path("type").asText())) {
        continue;
      } else if (branch.size() == 1 && Set.of("string", "integer", "number", "boolean").contains(branch.path("type").asText())) {
        scalarTypes.add(branch.get("type").asText());
      } else {
        return false;
      }
    }
    return anyValue || scalarTypes.size() > 1;
  }

  /**
   * A response offered as a non-JSON media type without a schema is binary; a schemaless JSON
   * alternative beside it is dropped so the generated method returns the raw body.
   */
  static void declareBinaryResponses(ObjectNode spec) {
    for (ObjectNode pathItem : objects(spec.path("paths"))) {
      for (ObjectNode operation : operations(pathItem)) {
        for (ObjectNode response : objects(operation.path("responses"))) {
          if (!(response.get("content") instanceof ObjectNode content)) {
            continue;
          }
          boolean binary = false;
          for (Map.Entry<String, JsonNode> media : fields(content)) {
            if (!media.getKey().contains("json") && !media.getValue().has("schema")) {
              ObjectNode schema = ((ObjectNode) media.getValue()).putObject("schema");
              schema.put("type", "string");
              schema.put("format", "binary");
              binary = true;
            }
          }
          if (binary) {
            for (Map.Entry<String, JsonNode> media : fields(content)) {
              if (media.getKey().contains("json") && media.getValue().path("schema").isEmpty()) {
                content.remove(media.getKey());
              }
            }
          }
        }
      }
    }
  }

  /** Adds {@code x-implements} of the shared envelope interfaces to list and single envelopes. */
  static void markEnvelopes(ObjectNode spec) {
    for (ObjectNode schema : objects(spec.path("components").path("schemas"))) {
      JsonNode properties = schema.path("properties");
      if (properties.size() != 2 || !properties.has("data")) {
        continue;
      }
      JsonNode data = properties.get("data");
      if (properties.has("pagination") && "array".equals(data.path("type").asText())) {
        implement(schema, LIST_ENVELOPE + "<" + javaType(data.path("items")) + ">");
      } else if (properties.has("meta")) {
        implement(schema, SINGLE_ENVELOPE + "<" + javaType(data) + ">");
      }
    }
  }

  private static void implement(ObjectNode schema, String javaInterface) {
    JsonNode existing = schema.get("x-implements");
    ArrayNode list = existing instanceof ArrayNode array ? array : schema.putArray("x-implements");
    list.add(javaInterface);
  }

  /** The Java type the generator uses for a data schema of an envelope. */
  private static String javaType(JsonNode schema) {
    return JavaTypes.of(schema);
  }

  // --- traversal ---------------------------------------------------------------------------

  /** Applies {@code visitor} to every schema object in the document (components and operations). */
  private static void visitAllSchemas(ObjectNode spec, java.util.function.Consumer<ObjectNode> visitor) {
    for (JsonNode schema : objects(spec.path("components").path("schemas"))) {
      visitSchemas(schema, visitor);
    }
    for (ObjectNode pathItem : objects(spec.path("paths"))) {
      List<ObjectNode> holders = new ArrayList<>();
      for (ObjectNode operation : operations(pathItem)) {
        for (JsonNode parameter : operation.path("parameters")) {
          holders.add((ObjectNode) parameter);
        }
        holders.addAll(objects(operation.path("requestBody").path("content")));
        for (ObjectNode response : objects(operation.path("responses"))) {
          holders.addAll(objects(response.path("content")));
        }
      }
      for (JsonNode parameter : pathItem.path("parameters")) {
        holders.add((ObjectNode) parameter);
      }
      for (ObjectNode holder : holders) {
        if (holder.get("schema") instanceof ObjectNode schema) {
          visitSchemas(schema, visitor);
        }
      }
    }
  }

  /** Depth-first over a schema and its sub-schemas; children first so rewrites see settled nodes. */
  private static void visitSchemas(JsonNode node, java.util.function.Consumer<ObjectNode> visitor) {
    if (!(node instanceof ObjectNode schema)) {
      return;
    }
    for (String key : List.of("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else")) {
      visitSchemas(schema.get(key), visitor);
    }
    for (String key : List.of("anyOf", "oneOf", "allOf", "prefixItems")) {
      for (JsonNode child : schema.path(key)) {
        visitSchemas(child, visitor);
      }
    }
    for (String key : List.of("properties", "patternProperties", "$defs")) {
      for (JsonNode child : objects(schema.path(key))) {
        visitSchemas(child, visitor);
      }
    }
    visitor.accept(schema);
  }

  private static List<ObjectNode> operations(JsonNode pathItem) {
    List<ObjectNode> result = new ArrayList<>();
    for (String method : METHODS) {
      if (pathItem.get(method) instanceof ObjectNode operation) {
        result.add(operation);
      }
    }
    return result;
  }

  private static List<ObjectNode> objects(JsonNode container) {
    List<ObjectNode> result = new ArrayList<>();
    for (JsonNode child : container) {
      if (child instanceof ObjectNode object) {
        result.add(object);
      }
    }
    return result;
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node.isObject() ? new ArrayList<>(node.properties()) : List.of();
  }

  /** {@code list_agent_types} → {@code listAgentTypes}. */
  static String camelCase(String snake) {
    String pascal = pascalCase(snake);
    return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  /** Mirrors the generator's class naming: split on non-alphanumerics, capitalise each part. */
  static String pascalCase(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
