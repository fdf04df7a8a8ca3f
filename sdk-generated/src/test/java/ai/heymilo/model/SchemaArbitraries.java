package ai.heymilo.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of JSON bodies valid against a schema of the merged spec: every required
 * property, optional ones present or absent, {@code null} where the schema allows it, any branch of a
 * union, values within the declared bounds, and now and then a property the spec does not declare
 * (a newer server). Strings run over the whole Basic Multilingual Plane (control characters, quotes
 * and backslashes included) plus astral characters; numbers cover the full {@code long} range and
 * finite doubles.
 */
final class SchemaArbitraries {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_ITEMS = 2;
  private static final int FREEFORM_DEPTH = 2;
  private static final String ESCAPED = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u2028\u2029";
  private static final long[] EDGE_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, (1L << 53) + 1};

  /** Built once per schema: jqwik re-runs an {@code Arbitraries.lazy} supplier for every value. */
  private final Map<String, Arbitrary<JsonNode>> components = new HashMap<>();
  private final Set<String> building = new HashSet<>();

  /** A valid body of the component schema {@code name}. */
  Arbitrary<JsonNode> component(String name) {
    Arbitrary<JsonNode> known = components.get(name);
    if (known != null) {
      return known;
    }
    if (!building.add(name)) {
      // A schema that contains itself: resolved when generating, by then it is built.
      return Arbitraries.lazy(() -> components.get(name));
    }
    Arbitrary<JsonNode> built = of(MergedSpec.schema(name));
    building.remove(name);
    components.put(name, built);
    return built;
  }

  Arbitrary<JsonNode> of(JsonNode schema) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      return component(ref.substring(ref.lastIndexOf('/') + 1));
    }
    for (String union : List.of("anyOf", "oneOf")) {
      if (schema.has(union)) {
        List<Arbitrary<JsonNode>> branches = new ArrayList<>();
        boolean nullable = false;
        for (JsonNode branch : schema.get(union)) {
          if ("null".equals(branch.path("type").asText())) {
            nullable = true;
          } else {
            branches.add(of(branch));
          }
        }
        Arbitrary<JsonNode> value = branches.isEmpty() ? any(FREEFORM_DEPTH)
            : branches.size() == 1 ? branches.get(0) : Arbitraries.oneOf(branches);
        return nullable ? orNull(value) : value;
      }
    }
    if (schema.has("const")) {
      return Arbitraries.just(schema.get("const"));
    }
    if (schema.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      schema.get("enum").forEach(values::add);
      return Arbitraries.of(values);
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      boolean nullable = false;
      String single = null;
      for (JsonNode each : type) {
        if ("null".equals(each.asText())) {
          nullable = true;
        } else {
          single = each.asText();
        }
      }
      Arbitrary<JsonNode> value = single == null ? any(FREEFORM_DEPTH) : ofType(single, schema);
      return nullable ? orNull(value) : value;
    }
    String kind = type != null ? type.asText()
        : schema.has("properties") || schema.has("additionalProperties") ? "object" : schema.has("items") ? "array" : "";
    return ofType(kind, schema);
  }

  private Arbitrary<JsonNode> ofType(String type, JsonNode schema) {
    switch (type) {
      case "string":
        return strings(schema);
      case "integer":
        return integers(schema);
      case "number":
        return numbers(schema);
      case "boolean":
        return Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false));
      case "array":
        return array(schema);
      case "object":
        return object(schema);
      default:
        return any(FREEFORM_DEPTH);
    }
  }

  /**
   * Strings of {@code minLength} to {@code maxLength} code points: mostly printable ASCII, with
   * control characters, quotes and backslashes, other BMP characters and astral ones (emoji) mixed
   * in. Drawn straight from jqwik's seeded {@code Random}: jqwik's own string generators cost about
   * a millisecond a value, which over 40,000 bodies is minutes.
   */
  static Arbitrary<String> text(int minLength, int maxLength) {
    return Arbitraries.randomValue(random -> text(random, minLength, maxLength));
  }

  static String text(Random random, int minLength, int maxLength) {
    int length = minLength + random.nextInt(maxLength - minLength + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(20);
      if (kind < 14) {
        out.append((char) (' ' + random.nextInt(95)));
      } else if (kind < 16) {
        out.append(ESCAPED.charAt(random.nextInt(ESCAPED.length())));
      } else if (kind < 19) {
        int c = 0xA0 + random.nextInt(0xFFFE - 0xA0 - 0x800);
        out.append((char) (c < 0xD800 ? c : c + 0x800)); // no lone surrogates
      } else {
        out.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
      }
    }
    return out.toString();
  }

  private static Arbitrary<JsonNode> strings(JsonNode schema) {
    int min = schema.path("minLength").asInt(0);
    int max = Math.min(schema.path("maxLength").asInt(16), Math.max(min, 16));
    return text(min, max).map(NODES::textNode);
  }

  private static Arbitrary<JsonNode> integers(JsonNode schema) {
    long min = schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : Long.MIN_VALUE;
    long max = schema.has("maximum") ? (long) Math.floor(schema.get("maximum").asDouble()) : Long.MAX_VALUE;
    if (schema.path("exclusiveMinimum").isNumber()) {
      min = (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1;
    }
    if (schema.path("exclusiveMaximum").isNumber()) {
      max = (long) Math.ceil(schema.get("exclusiveMaximum").asDouble()) - 1;
    }
    return Arbitraries.longs().between(min, max).map(NODES::numberNode);
  }

  private static Arbitrary<JsonNode> numbers(JsonNode schema) {
    double low = schema.path("exclusiveMinimum").isNumber() ? Math.nextUp(schema.get("exclusiveMinimum").asDouble())
        : schema.path("minimum").asDouble(-Double.MAX_VALUE);
    double high = schema.path("exclusiveMaximum").isNumber() ? Math.nextDown(schema.get("exclusiveMaximum").asDouble())
        : schema.path("maximum").asDouble(Double.MAX_VALUE);
    return doubles(low, high).map(d -> (JsonNode) NODES.numberNode(d));
  }

  /**
   * Finite doubles in {@code [low, high]}: the bounds, whole numbers, decimals, and over an
   * unbounded range any bit pattern (subnormals, 1e308, -0.0).
   */
  static Arbitrary<Double> doubles(double low, double high) {
    boolean unbounded = low <= -1e9 && high >= 1e9;
    double lo = Math.max(low, -1e9);
    double hi = Math.min(high, 1e9);
    return Arbitraries.randomValue(random -> {
      double between = lo + random.nextDouble() * (hi - lo);
      switch (random.nextInt(unbounded ? 6 : 4)) {
        case 0:
          return lo;
        case 1:
          return hi;
        case 2:
          return Math.min(hi, Math.max(lo, Math.rint(between)));
        case 3:
          return Math.min(hi, Math.max(lo, Math.round(between * 1e4) / 1e4));
        default:
          return finiteDouble(random);
      }
    });
  }

  private Arbitrary<JsonNode> array(JsonNode schema) {
    int min = schema.path("minItems").asInt(0);
    int max = Math.max(min, Math.min(schema.path("maxItems").asInt(MAX_ITEMS), MAX_ITEMS));
    return of(schema.path("items")).list().ofMinSize(min).ofMaxSize(max).map(items -> {
      ArrayNode array = NODES.arrayNode();
      items.forEach(array::add);
      return array;
    });
  }

  private Arbitrary<JsonNode> object(JsonNode schema) {
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    if (properties == null || properties.isEmpty()) {
      return additional != null && additional.isObject() && !additional.isEmpty()
          ? Arbitraries.maps(keys(Set.of()), of(additional)).ofMaxSize(MAX_ITEMS).map(SchemaArbitraries::toObject)
          : freeformObject(FREEFORM_DEPTH);
    }
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    List<String> names = new ArrayList<>();
    List<Arbitrary<JsonNode>> values = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      names.add(property.getKey());
      Arbitrary<JsonNode> value = of(property.getValue());
      // A null from injectNull means "absent"; a JSON null is a NullNode.
      values.add(required.contains(property.getKey()) ? value : value.injectNull(0.3));
    }
    Arbitrary<Map<String, JsonNode>> unknown = Arbitraries.maps(keys(new HashSet<>(names)), any(1)).ofMaxSize(1)
        .injectNull(0.8);
    return Combinators.combine(Combinators.combine(values).as(list -> list), unknown).as((list, extra) -> {
      ObjectNode object = NODES.objectNode();
      for (int i = 0; i < names.size(); i++) {
        if (list.get(i) != null) {
          object.set(names.get(i), list.get(i));
        }
      }
      if (extra != null) {
        extra.forEach(object::set);
      }
      return object;
    });
  }

  /** Property names of a map or of properties a newer server might add; never one of {@code declared}. */
  private static Arbitrary<String> keys(Set<String> declared) {
    return Arbitraries.randomValue(random -> random.nextBoolean() ? text(random, 0, 8) : "new_" + random.nextInt(1000))
        .filter(key -> !declared.contains(key));
  }

  private static JsonNode toObject(Map<String, JsonNode> entries) {
    ObjectNode object = NODES.objectNode();
    entries.forEach(object::set);
    return object;
  }

  /** Any JSON value nesting at most {@code depth} containers. */
  static Arbitrary<JsonNode> any(int depth) {
    return Arbitraries.randomValue(random -> any(random, depth));
  }

  private static Arbitrary<JsonNode> freeformObject(int depth) {
    return Arbitraries.randomValue(random -> freeformObject(random, depth));
  }

  private static JsonNode any(Random random, int depth) {
    switch (random.nextInt(depth > 0 ? 7 : 5)) {
      case 0:
        return NODES.textNode(text(random, 0, 12));
      case 1:
        return NODES.numberNode(random.nextInt(3) == 0 ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)] : random.nextLong());
      case 2:
        return NODES.numberNode(random.nextBoolean() ? Math.round(random.nextDouble() * 1e8) / 1e4 : finiteDouble(random));
      case 3:
        return NODES.booleanNode(random.nextBoolean());
      case 4:
        return NODES.nullNode();
      case 5:
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(MAX_ITEMS + 1); i > 0; i--) {
          array.add(any(random, depth - 1));
        }
        return array;
      default:
        return freeformObject(random, depth - 1);
    }
  }

  private static JsonNode freeformObject(Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    for (int i = random.nextInt(MAX_ITEMS + 1); i > 0; i--) {
      object.set(text(random, 0, 8), any(random, depth));
    }
    return object;
  }

  private static double finiteDouble(Random random) {
    double value;
    do {
      value = Double.longBitsToDouble(random.nextLong());
    } while (!Double.isFinite(value));
    return value;
  }

  private static Arbitrary<JsonNode> orNull(Arbitrary<JsonNode> value) {
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(NODES.nullNode())),
        Tuple.of(4, value));
  }
}
