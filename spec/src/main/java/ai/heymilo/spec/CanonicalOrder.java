package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Puts a merged document in the one key order every build writes, so the output only changes when the sources do.
 *
 * <p>Top-level members and path items follow the conventional OpenAPI order; paths, response codes and component
 * maps are sorted by name. Everything else, notably the properties of a schema, keeps its source order: that order
 * is meaningful to readers and to the generated code.
 */
final class CanonicalOrder {
  private static final List<String> TOP_LEVEL =
      List.of("openapi", "info", "servers", "security", "tags", "paths", "components");
  private static final List<String> COMPONENT_SECTIONS = List.of(
      "schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links",
      "callbacks", "pathItems");
  private static final List<String> PATH_ITEM_KEYS = pathItemKeys();

  private CanonicalOrder() {}

  /** Returns a reordered copy of {@code document}; the argument is not modified. */
  static ObjectNode apply(ObjectNode document) {
    ObjectNode ordered = keysFirst(document, TOP_LEVEL);
    replaceObject(ordered, "paths", CanonicalOrder::orderPathItems);
    replaceObject(ordered, "webhooks", CanonicalOrder::orderPathItems);
    replaceObject(ordered, "components", CanonicalOrder::orderComponents);
    return ordered;
  }

  private static ObjectNode orderPathItems(ObjectNode pathItems) {
    ObjectNode sorted = sortedByKey(pathItems);
    for (String path : keys(sorted)) {
      replaceObject(sorted, path, CanonicalOrder::orderPathItem);
    }
    return sorted;
  }

  private static ObjectNode orderPathItem(ObjectNode pathItem) {
    ObjectNode ordered = keysFirst(pathItem, PATH_ITEM_KEYS);
    for (String method : NodeKind.HTTP_METHODS) {
      if (ordered.get(method) instanceof ObjectNode) {
        replaceObject((ObjectNode) ordered.get(method), "responses", CanonicalOrder::sortedByKey);
      }
    }
    return ordered;
  }

  private static ObjectNode orderComponents(ObjectNode components) {
    ObjectNode ordered = keysFirst(components, COMPONENT_SECTIONS);
    for (String section : keys(ordered)) {
      replaceObject(ordered, section, CanonicalOrder::sortedByKey);
    }
    return ordered;
  }

  /** Replaces the member {@code key} of {@code parent} in place (keeping its position), if it is an object. */
  private static void replaceObject(ObjectNode parent, String key, UnaryOperator<ObjectNode> reorder) {
    if (parent.get(key) instanceof ObjectNode) {
      parent.set(key, reorder.apply((ObjectNode) parent.get(key)));
    }
  }

  /** A deep copy of {@code node} with {@code firstKeys} (those present) first, then the rest in their order. */
  private static ObjectNode keysFirst(ObjectNode node, List<String> firstKeys) {
    ObjectNode ordered = JsonNodeFactory.instance.objectNode();
    for (String key : firstKeys) {
      if (node.has(key)) {
        ordered.set(key, node.get(key).deepCopy());
      }
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!ordered.has(field.getKey())) {
        ordered.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return ordered;
  }

  /** A deep copy of {@code node} with its keys sorted; response codes sort as text, which puts {@code default} last. */
  private static ObjectNode sortedByKey(ObjectNode node) {
    List<String> keys = keys(node);
    keys.sort(null);
    return keysFirst(node, keys);
  }

  private static List<String> keys(ObjectNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static List<String> pathItemKeys() {
    List<String> keys = new ArrayList<>(List.of("$ref", "summary", "description"));
    keys.addAll(NodeKind.HTTP_METHODS);
    keys.addAll(List.of("servers", "parameters"));
    return List.copyOf(keys);
  }
}
