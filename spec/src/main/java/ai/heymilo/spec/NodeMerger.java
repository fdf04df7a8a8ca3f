package ai.heymilo.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Merges two versions of one named part of a spec (a schema, an operation, {@code info}, ...) under the merge rules.
 *
 * <ul>
 *   <li>Equal values merge to themselves.
 *   <li>Annotations ({@link NodeKind#isAnnotation}) may differ: the richer value wins: present beats absent, then
 *       the longer serialized value, and on a tie the left (earlier) source.
 *   <li>Schema {@code properties} are united: shared properties merge recursively, a property only one side has is
 *       appended after the left side's, and must be optional there. {@code required} must list the same shared
 *       properties on both sides and becomes their intersection.
 *   <li>Parameter lists are matched by {@code (in, name)}, other arrays by index.
 *   <li>Anything else (type, format, enum, const, a missing keyword, ...) must be equal; otherwise the merge fails
 *       naming the part, the path inside it and both sources with both values.
 * </ul>
 *
 * <p>The result shares no nodes with the inputs; the inputs are not modified.
 */
final class NodeMerger {
  private static final int MAX_SHOWN_VALUE_LENGTH = 120;

  private final String subject;
  private final String leftSource;
  private final String rightSource;
  private final MergeNotes notes;

  /**
   * @param subject what is merged, as errors name it: {@code "schema 'Pet'"}, {@code "operation GET /pets"}
   * @param leftSource the source(s) the left value came from
   * @param rightSource the source the right value came from
   * @param notes where annotation differences and added properties are recorded
   */
  NodeMerger(String subject, String leftSource, String rightSource, MergeNotes notes) {
    this.subject = subject;
    this.leftSource = leftSource;
    this.rightSource = rightSource;
    this.notes = notes;
  }

  /**
   * Merges {@code right} into {@code left}, both nodes of {@code kind}.
   *
   * @throws SpecMergeException if the two conflict
   */
  JsonNode merge(NodeKind kind, JsonNode left, JsonNode right) {
    return merge(kind, left, right, JsonPointer.empty());
  }

  private JsonNode merge(NodeKind kind, JsonNode left, JsonNode right, JsonPointer at) {
    if (left.equals(right)) {
      return left.deepCopy();
    }
    if (kind == NodeKind.DATA || kind == NodeKind.OTHER) {
      throw conflict(at, left, right);
    }
    if (left.isObject() && right.isObject()) {
      return mergeObject(kind, (ObjectNode) left, (ObjectNode) right, at);
    }
    if (left.isArray() && right.isArray()) {
      return kind == NodeKind.PARAMETER
          ? mergeParameters((ArrayNode) left, (ArrayNode) right, at)
          : mergeByIndex(kind, (ArrayNode) left, (ArrayNode) right, at);
    }
    throw conflict(at, left, right);
  }

  private ObjectNode mergeObject(NodeKind kind, ObjectNode left, ObjectNode right, JsonPointer at) {
    PropertyUnion union = kind == NodeKind.SCHEMA ? uniteProperties(left, right, at) : null;
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    for (String key : keysInOrder(left, right)) {
      JsonNode l = left.get(key);
      JsonNode r = right.get(key);
      JsonPointer keyAt = at.appendProperty(key);
      if (kind.isAnnotation(key)) {
        merged.set(key, richer(l, r, keyAt));
      } else if (union != null && key.equals("properties")) {
        merged.set(key, union.properties());
      } else if (union != null && key.equals("required")) {
        merged.set(key, union.required());
      } else if (l == null || r == null) {
        throw conflict(keyAt, l, r);
      } else {
        merged.set(key, mergeMember(kind.member(key), l, r, keyAt));
      }
    }
    return merged;
  }

  private JsonNode mergeMember(NodeKind.Member member, JsonNode left, JsonNode right, JsonPointer at) {
    if (!member.namedMap()) {
      return merge(member.kind(), left, right, at);
    }
    if (!left.isObject() || !right.isObject()) {
      throw conflict(at, left, right);
    }
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    for (String name : keysInOrder((ObjectNode) left, (ObjectNode) right)) {
      JsonNode l = left.get(name);
      JsonNode r = right.get(name);
      if (l == null || r == null) {
        throw conflict(at.appendProperty(name), l, r);
      }
      merged.set(name, merge(member.kind(), l, r, at.appendProperty(name)));
    }
    return merged;
  }

  private ArrayNode mergeByIndex(NodeKind kind, ArrayNode left, ArrayNode right, JsonPointer at) {
    if (left.size() != right.size()) {
      throw conflict(at, left, right);
    }
    ArrayNode merged = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < left.size(); i++) {
      merged.add(merge(kind, left.get(i), right.get(i), at.appendIndex(i)));
    }
    return merged;
  }

  /** Parameters are identified by location and name; sources may list them in different orders. */
  private ArrayNode mergeParameters(ArrayNode left, ArrayNode right, JsonPointer at) {
    Map<String, JsonNode> l = parametersById(left, leftSource, at);
    Map<String, JsonNode> r = parametersById(right, rightSource, at);
    ArrayNode merged = JsonNodeFactory.instance.arrayNode();
    Set<String> ids = new LinkedHashSet<>(l.keySet());
    ids.addAll(r.keySet());
    for (String id : ids) {
      JsonPointer idAt = at.appendProperty(id);
      if (!l.containsKey(id) || !r.containsKey(id)) {
        throw conflict(idAt, l.get(id), r.get(id));
      }
      merged.add(merge(NodeKind.PARAMETER, l.get(id), r.get(id), idAt));
    }
    return merged;
  }

  /** Keys parameters as {@code in:name}, e.g. {@code query:limit}; a reference is keyed by its target. */
  private Map<String, JsonNode> parametersById(ArrayNode parameters, String source, JsonPointer at) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (JsonNode parameter : parameters) {
      String id = parameter.has("$ref")
          ? parameter.path("$ref").asText()
          : parameter.path("in").asText() + ":" + parameter.path("name").asText();
      if (byId.put(id, parameter) != null) {
        throw new SpecMergeException(String.format(
            "Cannot merge %s at %s: %s declares parameter %s twice.", subject, path(at), source, id));
      }
    }
    return byId;
  }

  private record PropertyUnion(ObjectNode properties, ArrayNode required) {}

  private PropertyUnion uniteProperties(ObjectNode left, ObjectNode right, JsonPointer at) {
    JsonPointer propertiesAt = at.appendProperty("properties");
    ObjectNode l = properties(left, leftSource, propertiesAt);
    ObjectNode r = properties(right, rightSource, propertiesAt);
    Set<String> lRequired = requiredNames(left, leftSource, at);
    Set<String> rRequired = requiredNames(right, rightSource, at);

    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    for (String name : keysInOrder(l, r)) {
      JsonPointer propertyAt = propertiesAt.appendProperty(name);
      if (l.has(name) && r.has(name)) {
        merged.set(name, merge(NodeKind.SCHEMA, l.get(name), r.get(name), propertyAt));
      } else if (l.has(name)) {
        merged.set(name, addedProperty(name, l.get(name), lRequired, leftSource, propertyAt));
      } else {
        merged.set(name, addedProperty(name, r.get(name), rRequired, rightSource, propertyAt));
      }
    }

    ArrayNode required = JsonNodeFactory.instance.arrayNode();
    Set<String> names = new LinkedHashSet<>(lRequired);
    names.addAll(rRequired);
    for (String name : names) {
      if (!lRequired.contains(name) || !rRequired.contains(name)) {
        String requiring = lRequired.contains(name) ? leftSource : rightSource;
        String notRequiring = lRequired.contains(name) ? rightSource : leftSource;
        throw new SpecMergeException(String.format(
            "Cannot merge %s at %s: %s requires '%s' but %s does not; a property must be required by all sources or"
                + " by none.",
            subject, path(at.appendProperty("required")), requiring, name, notRequiring));
      }
      required.add(name);
    }
    return new PropertyUnion(merged, required);
  }

  /** Only an optional property may be added: a required one would make the other source's documents invalid. */
  private JsonNode addedProperty(
      String name, JsonNode property, Set<String> required, String source, JsonPointer at) {
    if (required.contains(name)) {
      throw new SpecMergeException(String.format(
          "Cannot merge %s at %s: only %s has property '%s', and it is required there; a property that not every"
              + " source has must be optional.",
          subject, path(at), source, name));
    }
    notes.propertyAdded(path(at), source);
    return property.deepCopy();
  }

  private ObjectNode properties(ObjectNode schema, String source, JsonPointer at) {
    JsonNode properties = schema.get("properties");
    if (properties == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!properties.isObject()) {
      throw new SpecMergeException(String.format(
          "Cannot merge %s at %s: %s has %s, but properties must be an object.",
          subject, path(at), source, show(properties)));
    }
    return (ObjectNode) properties;
  }

  private Set<String> requiredNames(ObjectNode schema, String source, JsonPointer at) {
    JsonNode required = schema.get("required");
    Set<String> names = new LinkedHashSet<>();
    if (required == null) {
      return names;
    }
    if (!required.isArray()) {
      throw new SpecMergeException(String.format(
          "Cannot merge %s at %s: %s has %s, but required must be an array of property names.",
          subject, path(at.appendProperty("required")), source, show(required)));
    }
    required.forEach(name -> names.add(name.asText()));
    return names;
  }

  /** Present beats absent, then the longer serialized value; a tie keeps the left (earlier) source's. */
  private JsonNode richer(@Nullable JsonNode left, @Nullable JsonNode right, JsonPointer at) {
    if (left != null && left.equals(right)) {
      return left.deepCopy();
    }
    notes.annotationDiffers(path(at));
    if (left == null) {
      return Objects.requireNonNull(right, "an annotation is present on at least one side").deepCopy();
    }
    if (right == null || left.toString().length() >= right.toString().length()) {
      return left.deepCopy();
    }
    return right.deepCopy();
  }

  private SpecMergeException conflict(JsonPointer at, @Nullable JsonNode left, @Nullable JsonNode right) {
    String where = at.matches() ? "" : " at " + path(at);
    return new SpecMergeException(String.format(
        "Cannot merge %s%s: %s has %s, %s has %s.", subject, where, leftSource, show(left), rightSource, show(right)));
  }

  /** Left keys in their order, then the keys only the right side has, in its order. */
  private static Set<String> keysInOrder(ObjectNode left, ObjectNode right) {
    Set<String> keys = new LinkedHashSet<>();
    left.fieldNames().forEachRemaining(keys::add);
    right.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** A pointer relative to the merged part, without its leading slash: {@code properties/score/anyOf/0/type}. */
  private static String path(JsonPointer at) {
    return at.toString().substring(1);
  }

  private static String show(@Nullable JsonNode value) {
    if (value == null) {
      return "nothing";
    }
    String json = value.toString();
    return json.length() <= MAX_SHOWN_VALUE_LENGTH ? json : json.substring(0, MAX_SHOWN_VALUE_LENGTH) + "...";
  }
}
