package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The Java type openapi-generator gives a schema of the codegen view, with this build's mappings
 * ({@code integer} → {@code Long}, {@code number} → {@code Double}, models named Pascal-case after their schema).
 * The view transforms and the service view use it to name types the templates write.
 */
final class JavaTypes {
  private JavaTypes() {}

  /** {@code PostingResponse}, {@code java.util.List<Question>}, {@code java.util.Map<String, Object>}, … */
  static String of(JsonNode schema) {
    JsonNode s = nonNull(schema);
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      return CodegenView.pascalCase(ref.substring(ref.lastIndexOf('/') + 1));
    }
    String type = s.path("type").isArray() ? firstNonNullType(s.path("type")) : s.path("type").asText("");
    switch (type) {
      case "array":
        return "java.util.List<" + of(s.path("items")) + ">";
      case "object":
        JsonNode values = s.path("additionalProperties");
        return "java.util.Map<String, " + (values.isObject() && !values.isEmpty() ? of(values) : "Object") + ">";
      case "string":
        return "binary".equals(s.path("format").asText()) ? "okhttp3.ResponseBody" : "String";
      case "integer":
        return "Long";
      case "number":
        return "Double";
      case "boolean":
        return "Boolean";
      default:
        return "Object";
    }
  }

  /** A Java expression for the reflective {@code Type} of {@code javaType}, as the response decoder needs it. */
  static String typeExpression(String javaType) {
    return javaType.contains("<")
        ? "new com.google.gson.reflect.TypeToken<" + javaType + ">() {}.getType()"
        : javaType + ".class";
  }

  /** The value a method returns when the server left a list or map out: an empty one, never null. */
  static String emptyValue(String javaType) {
    if (javaType.startsWith("java.util.Map<")) {
      return "java.util.Collections.emptyMap()";
    }
    if (javaType.startsWith("java.util.List<")) {
      return "java.util.Collections.emptyList()";
    }
    return "null";
  }

  /** {@code anyOf [X, null]} → {@code X}; anything else as is. */
  static JsonNode nonNull(JsonNode schema) {
    JsonNode anyOf = schema.path("anyOf");
    if (anyOf.isArray()) {
      JsonNode only = MissingNode.getInstance();
      int nonNullBranches = 0;
      for (JsonNode branch : anyOf) {
        if (!"null".equals(branch.path("type").asText())) {
          only = branch;
          nonNullBranches++;
        }
      }
      if (nonNullBranches == 1) {
        return only;
      }
    }
    return schema;
  }

  private static String firstNonNullType(JsonNode types) {
    for (JsonNode type : types) {
      if (!"null".equals(type.asText())) {
        return type.asText();
      }
    }
    return "";
  }
}
