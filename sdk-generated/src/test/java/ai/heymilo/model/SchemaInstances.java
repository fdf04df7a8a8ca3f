package ai.heymilo.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a JSON instance of a schema with every property present, taking values from the spec's
 * {@code examples}, {@code const}, {@code enum} and {@code default} before falling back to a value
 * of the declared type. Unions inside arrays yield one element per branch, so a list of workflow
 * steps holds every step kind and a validation error's location holds a string and an integer.
 */
final class SchemaInstances {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 40;

  private SchemaInstances() {}

  static JsonNode instance(String schemaName) {
    return instance(MergedSpec.schema(schemaName), "value", 0);
  }

  static JsonNode instance(JsonNode schema, String name, int depth) {
    schema = MergedSpec.resolve(schema);
    if (depth > MAX_DEPTH) {
      throw new AssertionError("schema nests deeper than " + MAX_DEPTH + " at " + name);
    }
    if (schema.has("examples") && schema.get("examples").size() > 0) {
      return schema.get("examples").get(0);
    }
    if (schema.has("const")) {
      return schema.get("const");
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    if (schema.has("default") && !schema.get("default").isNull() && !schema.get("default").isContainerNode()) {
      return schema.get("default");
    }
    for (String union : List.of("anyOf", "oneOf")) {
      if (schema.has(union)) {
        List<JsonNode> branches = nonNullBranches(schema.get(union));
        return branches.isEmpty() ? NODES.nullNode() : instance(branches.get(0), name, depth + 1);
      }
    }
    switch (schema.path("type").asText("")) {
      case "object":
        return object(schema, depth);
      case "array":
        return array(schema.path("items"), name, depth);
      case "string":
        return NODES.textNode(name + "-text");
      case "integer":
        return NODES.numberNode(42);
      case "number":
        return NODES.numberNode(78.5);
      case "boolean":
        return NODES.booleanNode(true);
      case "null":
        return NODES.nullNode();
      default:
        return schema.isEmpty() ? NODES.textNode(name + "-any") : object(schema, depth);
    }
  }

  /** Every declared property; free-form objects get a mix of value kinds, integers among them. */
  private static JsonNode object(JsonNode schema, int depth) {
    ObjectNode object = NODES.objectNode();
    for (Map.Entry<String, JsonNode> property : MergedSpec.fields(schema.path("properties"))) {
      object.set(property.getKey(), instance(property.getValue(), property.getKey(), depth + 1));
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject() && !additional.isEmpty()) {
      object.set("extra_key", instance(additional, "extra", depth + 1));
    } else if (!schema.has("properties")) {
      object.put("note", "free-form");
      object.put("count", 3);
      object.put("ratio", 0.5);
      object.put("flag", false);
      object.putNull("nothing");
      object.putObject("nested").put("level", 2);
      object.putArray("list").add(1).add("two");
    }
    return object;
  }

  private static JsonNode array(JsonNode items, String name, int depth) {
    ArrayNode array = NODES.arrayNode();
    JsonNode resolved = MergedSpec.resolve(items);
    for (String union : List.of("anyOf", "oneOf")) {
      if (resolved.has(union)) {
        for (JsonNode branch : nonNullBranches(resolved.get(union))) {
          array.add(instance(branch, name, depth + 1));
        }
        return array;
      }
    }
    array.add(instance(items, name, depth + 1));
    return array;
  }

  private static List<JsonNode> nonNullBranches(JsonNode branches) {
    List<JsonNode> result = new ArrayList<>();
    for (JsonNode branch : branches) {
      if (!"null".equals(branch.path("type").asText())) {
        result.add(branch);
      }
    }
    return result;
  }
}
