package ai.heymilo.spec.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON Schema reduced to what decides compatibility, with OpenAPI 3.1's spellings of "or null" folded into one
 * flag: {@code type: ["string", "null"]}, {@code anyOf: [{type: string}, {type: null}]} (or {@code oneOf}), an
 * {@code enum} listing {@code null} and {@code const: null} all read as a nullable string. Without this, a source
 * that switches spelling would report a change that no caller can observe.
 */
final class SchemaShape {
  /** Keywords that only document: a change to them is never reported. */
  static final Set<String> DOCUMENTATION =
      Set.of("description", "title", "examples", "example", "summary", "$comment", "externalDocs");
  /** Keywords that do not constrain values; changes to the non-documentation ones are still reported. */
  static final Set<String> ANNOTATIONS = Set.of(
      "description", "title", "examples", "example", "summary", "$comment", "externalDocs", "deprecated",
      "readOnly", "writeOnly", "default", "xml");

  final boolean nullable;
  /** True for {@code {}}, {@code true} or a schema without any constraint: every JSON value is allowed. */
  final boolean any;
  /** The component schema name of a {@code $ref}, or null. */
  final @Nullable String ref;
  /** The JSON types other than {@code null}; empty when the schema does not say. */
  final Set<String> types;
  final @Nullable String format;
  /** The non-null {@code enum} values, or null without {@code enum}. */
  final @Nullable List<JsonNode> enumValues;
  final @Nullable JsonNode constValue;
  final @Nullable JsonNode items;
  final ObjectNode properties;
  final Set<String> required;
  final @Nullable JsonNode additionalProperties;
  /** The non-null branches of a union that is more than "T or null", with its keyword. */
  final List<JsonNode> branches;
  final @Nullable String unionKeyword;
  /** The schema as written (an empty object for a missing or boolean schema). */
  final JsonNode node;

  private SchemaShape(
      boolean nullable, boolean any, @Nullable String ref, Set<String> types, @Nullable String format,
      @Nullable List<JsonNode> enumValues, @Nullable JsonNode constValue, @Nullable JsonNode items,
      ObjectNode properties, Set<String> required, @Nullable JsonNode additionalProperties, List<JsonNode> branches,
      @Nullable String unionKeyword, JsonNode node) {
    this.nullable = nullable;
    this.node = node;
    this.any = any;
    this.ref = ref;
    this.types = types;
    this.format = format;
    this.enumValues = enumValues;
    this.constValue = constValue;
    this.items = items;
    this.properties = properties;
    this.required = required;
    this.additionalProperties = additionalProperties;
    this.branches = branches;
    this.unionKeyword = unionKeyword;
  }

  /** Reads {@code schema}; a missing node or {@code true} is the any-value schema. */
  static SchemaShape of(@Nullable JsonNode schema) {
    return of(schema, false);
  }

  private static SchemaShape of(@Nullable JsonNode schema, boolean nullableFromOuter) {
    if (schema == null || schema.isMissingNode() || schema.isBoolean() || !schema.isObject()) {
      return anyValue(nullableFromOuter);
    }
    boolean nullable = nullableFromOuter;
    List<JsonNode> branches = List.of();
    String unionKeyword = null;
    for (String keyword : List.of("anyOf", "oneOf")) {
      JsonNode union = schema.get(keyword);
      if (union == null || !union.isArray()) {
        continue;
      }
      List<JsonNode> nonNull = new ArrayList<>();
      for (JsonNode branch : union) {
        if (isNullSchema(branch)) {
          nullable = true;
        } else {
          nonNull.add(branch);
        }
      }
      if (nonNull.size() == 1 && constraintKeys(schema).equals(Set.of(keyword))) {
        // "T or null": the shape of T, nullable.
        return of(nonNull.get(0), nullable);
      }
      branches = nonNull;
      unionKeyword = keyword;
    }
    Set<String> types = new LinkedHashSet<>();
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      addType(types, type.textValue());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> addType(types, t.asText()));
    }
    if (types.remove("null")) {
      nullable = true;
    }
    List<JsonNode> enumValues = null;
    if (schema.get("enum") instanceof com.fasterxml.jackson.databind.node.ArrayNode values) {
      enumValues = new ArrayList<>();
      for (JsonNode value : values) {
        if (value.isNull()) {
          nullable = true;
        } else {
          enumValues.add(value);
        }
      }
    }
    JsonNode constValue = schema.get("const");
    if (constValue != null && constValue.isNull()) {
      nullable = true;
      constValue = null;
    }
    String ref = schema.path("$ref").isTextual() ? refName(schema.get("$ref").textValue()) : null;
    ObjectNode properties = schema.get("properties") instanceof ObjectNode object
        ? object : JsonNodeFactory.instance.objectNode();
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    boolean any = constraintKeys(schema).isEmpty();
    return new SchemaShape(nullable, any, ref, types, schema.path("format").isTextual()
        ? schema.get("format").textValue() : null, enumValues, constValue, schema.get("items"), properties, required,
        schema.get("additionalProperties"), branches, unionKeyword, schema);
  }

  private static SchemaShape anyValue(boolean nullable) {
    return new SchemaShape(nullable, true, null, Set.of(), null, null, null, null,
        JsonNodeFactory.instance.objectNode(), Set.of(), null, List.of(), null, JsonNodeFactory.instance.objectNode());
  }

  private static void addType(Set<String> types, String type) {
    types.add(type);
  }

  /** {@code {type: null}}, {@code {const: null}} or {@code {enum: [null]}}. */
  static boolean isNullSchema(JsonNode schema) {
    if (!schema.isObject()) {
      return false;
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual() && type.textValue().equals("null")) {
      return true;
    }
    if (type != null && type.isArray() && type.size() == 1 && "null".equals(type.get(0).asText())) {
      return true;
    }
    if (schema.has("const") && schema.get("const").isNull()) {
      return true;
    }
    JsonNode values = schema.get("enum");
    return values != null && values.isArray() && values.size() == 1 && values.get(0).isNull();
  }

  /** The keys of {@code schema} that constrain values (everything but annotations and extensions). */
  static Set<String> constraintKeys(JsonNode schema) {
    Set<String> keys = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      if (!ANNOTATIONS.contains(field.getKey()) && !field.getKey().startsWith("x-")) {
        keys.add(field.getKey());
      }
    }
    return keys;
  }

  static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  /** A deep copy of {@code node} without documentation keywords, for "equal apart from documentation" checks. */
  static JsonNode withoutAnnotations(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        if (!DOCUMENTATION.contains(key)) {
          copy.set(key, key.equals("properties") ? withoutAnnotationsInMap(field.getValue())
              : withoutAnnotations(field.getValue()));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(withoutAnnotations(element)));
      return copy;
    }
    return node;
  }

  /** Property names are names, not keywords: a property called {@code description} stays. */
  private static JsonNode withoutAnnotationsInMap(JsonNode map) {
    if (!map.isObject()) {
      return map;
    }
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    map.properties().forEach(entry -> copy.set(entry.getKey(), withoutAnnotations(entry.getValue())));
    return copy;
  }

  /** A short human description: {@code integer}, {@code string (date-time)}, {@code PostingResponse}, ... */
  String describe() {
    StringBuilder text = new StringBuilder();
    if (ref != null) {
      text.append(ref);
    } else if (any && branches.isEmpty()) {
      text.append("any value");
    } else if (!branches.isEmpty()) {
      List<String> names = new ArrayList<>();
      branches.forEach(branch -> names.add(of(branch).describe()));
      text.append(unionKeyword).append(' ').append(names);
    } else if (types.isEmpty()) {
      text.append(constValue != null ? "const " + constValue : enumValues != null ? "enum" : "untyped");
    } else {
      text.append(String.join(" | ", types));
      if (types.contains("array")) {
        text.append(" of ").append(of(items).describe());
      }
    }
    if (format != null) {
      text.append(" (").append(format).append(')');
    }
    if (nullable) {
      text.append(" or null");
    }
    return text.toString();
  }
}
