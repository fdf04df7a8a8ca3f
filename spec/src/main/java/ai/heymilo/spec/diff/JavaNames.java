package ai.heymilo.spec.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The names and types openapi-generator gives a codegen view in heymilo-sdk-generated, so that a spec change can
 * be told in the Java a caller wrote: {@code PostingStatsResponse.getTotalCandidates()} returns {@code Long}.
 *
 * <p>The rules mirror the generator's configuration in {@code sdk-generated/pom.xml} (java, retrofit2,
 * {@code typeMappings integer=Long,number=Double}, {@code dateLibrary java8}) and the reshaping in
 * {@link ai.heymilo.spec.CodegenView}, which is why they read the codegen view and not the merged spec: models are
 * named after their schema in PascalCase, getters {@code get} + PascalCase of the property, inline enums
 * {@code <Owner>.<Property>Enum}, one Retrofit interface {@code <Tag>Api} per first tag, one method per operation
 * named after its (shortened) operationId. {@code JavaNamesTest} pins the rules; a change of generator options must
 * be mirrored here.
 */
final class JavaNames {
  static final String MODEL_PACKAGE = "ai.heymilo.model";
  static final String API_PACKAGE = "ai.heymilo.api";
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** An operation's Retrofit interface and method. */
  record Operation(String apiClass, String method) {
    /** {@code InterviewersApi.listPostings(...)}. */
    String call() {
      return apiClass + "." + method + "(...)";
    }

    String symbol() {
      return API_PACKAGE + "." + apiClass + "#" + method;
    }
  }

  private final JsonNode view;

  JavaNames(JsonNode codegenView) {
    this.view = codegenView;
  }

  static String modelClass(String schemaName) {
    return pascalCase(schemaName);
  }

  static String getter(String property) {
    return "get" + pascalCase(property);
  }

  static String setter(String property) {
    return "set" + pascalCase(property);
  }

  /** The fluent setter, {@code totalCandidates(...)}. */
  static String fluent(String property) {
    return camelCase(property);
  }

  /** {@code ai.heymilo.model.PostingStatsResponse#getTotalCandidates} and the setters, for the API gate. */
  static List<String> propertySymbols(String schemaName, String property) {
    String owner = MODEL_PACKAGE + "." + modelClass(schemaName) + "#";
    return List.of(owner + getter(property), owner + setter(property), owner + fluent(property));
  }

  static String modelSymbol(String schemaName) {
    return MODEL_PACKAGE + "." + modelClass(schemaName);
  }

  /** The class of an inline enum property: {@code QuestionResponse.ResponseFormatEnum}. */
  static String inlineEnumClass(String schemaName, String property) {
    return modelClass(schemaName) + "." + pascalCase(property) + "Enum";
  }

  /** The constant the generator emits for an enum value: {@code exact_delivery} → {@code EXACT_DELIVERY}. */
  static String enumConstant(JsonNode value) {
    String text = value.asText().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    text = text.replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (text.isEmpty()) {
      return "EMPTY";
    }
    return Character.isDigit(text.charAt(0)) ? "_" + text : text;
  }

  /** The Java type of property {@code property} of component schema {@code schemaName}, or null if absent. */
  @Nullable String propertyType(String schemaName, String property) {
    JsonNode node = view.path("components").path("schemas").path(schemaName).path("properties").path(property);
    return node.isMissingNode() ? null : type(node, modelClass(schemaName), property);
  }

  /** Whether the component schema becomes a model class (rather than being inlined as a plain Java type). */
  boolean isModel(String schemaName) {
    JsonNode schema = view.path("components").path("schemas").path(schemaName);
    return !schema.isMissingNode() && becomesClass(schema);
  }

  /** The Retrofit interface and method of {@code METHOD path}, or null if the view has no such operation. */
  @Nullable Operation operation(String method, String path) {
    JsonNode operation = view.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      return null;
    }
    String tag = operation.path("tags").path(0).asText("default");
    return new Operation(apiClass(tag), camelCase(operation.path("operationId").asText()));
  }

  /** The element type the operation's first 2xx JSON response decodes to, as in {@code Call<T>}. */
  @Nullable String successType(String method, String path) {
    JsonNode responses = view.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses");
    for (String status : iterable(responses)) {
      if (status.startsWith("2")) {
        JsonNode content = responses.get(status).path("content");
        for (String media : iterable(content)) {
          JsonNode schema = content.get(media).path("schema");
          if ("binary".equals(schema.path("format").asText())) {
            return "ResponseBody";
          }
          return schema.isMissingNode() ? "Void" : type(schema, "", "");
        }
        return "Void";
      }
    }
    return null;
  }

  /** The Java type of a parameter of {@code METHOD path} ({@code in} and {@code name} as declared), or null. */
  @Nullable String parameterType(String method, String path, String in, String name) {
    List<JsonNode> declared = new ArrayList<>();
    view.path("paths").path(path).path("parameters").forEach(declared::add);
    view.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("parameters").forEach(declared::add);
    for (JsonNode parameter : declared) {
      JsonNode resolved = resolve(parameter);
      if (resolved.path("in").asText().equals(in) && resolved.path("name").asText().equalsIgnoreCase(name)) {
        return type(resolved.path("schema"), "", name);
      }
    }
    return null;
  }

  /** The Java type of a request body schema of {@code METHOD path}, or null without a body. */
  @Nullable String requestType(String method, String path) {
    JsonNode content = view.path("paths").path(path).path(method.toLowerCase(Locale.ROOT))
        .path("requestBody").path("content");
    for (String media : iterable(content)) {
      return type(content.get(media).path("schema"), "", "");
    }
    return null;
  }

  /** The simple Java type name for {@code schema}; {@code owner}/{@code property} name inline enums. */
  String type(JsonNode schema, String owner, String property) {
    if (!schema.isObject() || schema.isEmpty()) {
      return "Object";
    }
    if (schema.path("$ref").isTextual()) {
      return refType(SchemaShape.refName(schema.get("$ref").textValue()), 0);
    }
    for (String keyword : List.of("anyOf", "oneOf")) {
      if (schema.get(keyword) != null && schema.get(keyword).isArray()) {
        List<JsonNode> nonNull = new ArrayList<>();
        schema.get(keyword).forEach(branch -> {
          if (!SchemaShape.isNullSchema(branch)) {
            nonNull.add(branch);
          }
        });
        return nonNull.size() == 1 ? type(nonNull.get(0), owner, property) : "Object";
      }
    }
    if (schema.path("allOf").size() == 1) {
      return type(schema.get("allOf").get(0), owner, property);
    }
    List<String> types = new ArrayList<>();
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      types.add(type.textValue());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    }
    types.remove("null");
    if (types.size() != 1) {
      return "Object";
    }
    switch (types.get(0)) {
      case "string":
        if (schema.has("enum") && !owner.isEmpty()) {
          return owner + "." + pascalCase(property) + "Enum";
        }
        return stringType(schema.path("format").asText(""));
      case "integer":
        return "Long";
      case "number":
        return "float".equals(schema.path("format").asText()) ? "Float" : "Double";
      case "boolean":
        return "Boolean";
      case "array":
        String collection = schema.path("uniqueItems").asBoolean(false) ? "Set" : "List";
        return collection + "<" + type(schema.path("items"), owner, property) + ">";
      case "object":
        JsonNode values = schema.get("additionalProperties");
        if (schema.path("properties").size() > 0) {
          return owner + pascalCase(property);
        }
        return "Map<String, " + (values != null && values.isObject() ? type(values, owner, property) : "Object")
            + ">";
      default:
        return "Object";
    }
  }

  private String refType(String name, int depth) {
    JsonNode target = view.path("components").path("schemas").path(name);
    if (target.isMissingNode() || becomesClass(target) || depth > 8) {
      return modelClass(name);
    }
    // A component that is only a primitive or a container is inlined by the generator.
    return type(target, modelClass(name), "");
  }

  private static boolean becomesClass(JsonNode schema) {
    return schema.path("properties").size() > 0 || schema.has("enum") || schema.has("oneOf")
        || schema.has("discriminator") || schema.has("allOf") && schema.path("allOf").size() > 1
        || "object".equals(schema.path("type").asText()) && !schema.has("additionalProperties");
  }

  private static String stringType(String format) {
    switch (format) {
      case "date-time":
        return "OffsetDateTime";
      case "date":
        return "LocalDate";
      case "uuid":
        return "UUID";
      case "uri":
        return "URI";
      case "byte":
        return "byte[]";
      case "binary":
        return "File";
      default:
        return "String";
    }
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int i = 0; i < 8 && current.path("$ref").isTextual(); i++) {
      current = view.at(current.get("$ref").textValue().substring(1));
    }
    return current;
  }

  /** The generator's class naming: split on non-alphanumerics, capitalise each part, keep the rest as is. */
  static String pascalCase(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  static String camelCase(String name) {
    String pascal = pascalCase(name);
    return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  /**
   * {@code Design Template Groups} → {@code DesignTemplateGroupsApi}; an all-capitals word is lower-cased after its
   * first letter, as the generator does ({@code ATS} → {@code AtsApi}).
   */
  static String apiClass(String tag) {
    StringBuilder out = new StringBuilder();
    for (String part : tag.split("[^A-Za-z0-9]+")) {
      if (part.isEmpty()) {
        continue;
      }
      boolean allCaps = part.length() > 1 && part.equals(part.toUpperCase(Locale.ROOT));
      String rest = allCaps ? part.substring(1).toLowerCase(Locale.ROOT) : part.substring(1);
      out.append(Character.toUpperCase(part.charAt(0))).append(rest);
    }
    return out + "Api";
  }

  static Iterable<String> iterable(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static final Set<String> HTTP_METHODS = Set.copyOf(METHODS);

  static List<String> httpMethods() {
    return METHODS;
  }
}
