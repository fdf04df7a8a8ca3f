package ai.heymilo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.JsonRoundTrip.Library;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Schema-driven fuzzing of decoding, for every response schema of the merged spec (each schema an
 * operation answers with, whatever the status).
 *
 * <ul>
 *   <li>{@link #validBodies_decodeEquallyAndReEncodeWithoutLoss}: each try generates one valid body
 *       per response schema, so 1,000 tries decode 1,000 bodies of each schema with Gson and with
 *       Moshi; both must give equal models and re-encode to the same JSON value.
 *   <li>{@link #mutatedBodies_giveOnlyTypedOutcomes}: a valid body with one mutation — a value of the
 *       wrong type, a property removed, the text cut short, a huge string or number, values nested
 *       thousands deep — either decodes or fails with {@link JsonDecodingException}, the same way
 *       (and at the same path) with both libraries. Anything else (a Gson or Moshi exception, a
 *       {@code StackOverflowError}, a {@code NullPointerException}) fails the property.
 * </ul>
 *
 * <p>A failure prints jqwik's report with the {@code seed}; jqwik re-runs the failing seed first
 * on the next run (its database is under {@code target/}), and {@code @Property(seed = "…")} pins it.
 */
class ResponseFuzzTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SchemaArbitraries ARBITRARIES = new SchemaArbitraries();
  /** Stands for the value a mutation splices into the text; no generated string is this long and this odd. */
  private static final String PLACEHOLDER = "@@mutation-placeholder@@";

  /** One body to decode: the schema it was generated from and its JSON text. */
  static final class Body {
    final String schema;
    final JsonNode json;

    Body(String schema, JsonNode json) {
      this.schema = schema;
      this.json = json;
    }

    @Override
    public String toString() {
      return schema + " " + json;
    }
  }

  /** Every component schema an operation of the merged spec answers with as JSON. */
  static List<String> responseSchemas() {
    Set<String> names = new TreeSet<>();
    for (JsonNode pathItem : MergedSpec.root().path("paths")) {
      for (JsonNode operation : pathItem) {
        for (JsonNode response : operation.path("responses")) {
          String ref = response.path("content").path("application/json").path("schema").path("$ref").asText("");
          if (!ref.isEmpty()) {
            names.add(ref.substring(ref.lastIndexOf('/') + 1));
          }
        }
      }
    }
    return new ArrayList<>(names);
  }

  @Provide
  Arbitrary<List<Body>> oneBodyPerResponseSchema() {
    List<Arbitrary<Body>> bodies = new ArrayList<>();
    for (String schema : responseSchemas()) {
      bodies.add(ARBITRARIES.component(schema).map(json -> new Body(schema, json)));
    }
    return Combinators.combine(bodies).as(list -> list);
  }

  @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
  void validBodies_decodeEquallyAndReEncodeWithoutLoss(@ForAll("oneBodyPerResponseSchema") List<Body> bodies) {
    assertTrue(bodies.size() >= 40, "response schemas found: " + bodies.size());
    for (Body body : bodies) {
      Class<?> type = MergedSpec.javaClass(body.schema);
      String text = body.json.toString();
      Object gson = JsonRoundTrip.decode(Library.GSON, text, type);
      Object moshi = JsonRoundTrip.decode(Library.MOSHI, text, type);
      assertEquals(gson, moshi, () -> "Gson and Moshi decode " + body.schema + " differently");
      String gsonJson = JsonRoundTrip.encode(Library.GSON, gson);
      String moshiJson = JsonRoundTrip.encode(Library.MOSHI, moshi);
      JsonRoundTrip.assertSameJson(body.json, gsonJson, "Gson re-encoding " + body.schema);
      if (!moshiJson.equals(gsonJson)) { // the same text needs no second parse
        JsonRoundTrip.assertSameJson(body.json, moshiJson, "Moshi re-encoding " + body.schema);
      }
    }
  }

  enum Mutation { WRONG_TYPE, PROPERTY_REMOVED, TRUNCATED, HUGE_STRING, HUGE_NUMBER, DEEP_ARRAYS, DEEP_OBJECTS }

  @Provide
  Arbitrary<String> mutatedBody() {
    List<Arbitrary<String>> perSchema = new ArrayList<>();
    for (String schema : responseSchemas()) {
      perSchema.add(Combinators.combine(ARBITRARIES.component(schema), Arbitraries.of(Mutation.class),
          Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, Integer.MAX_VALUE))
          .as((json, mutation, where, variant) -> schema + "\n" + mutation + "\n" + mutate(json, mutation, where, variant)));
    }
    return Arbitraries.oneOf(perSchema);
  }

  // No edge cases: jqwik would spend most tries on the first and last mutation and on index 0.
  @Property(tries = 2000, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void mutatedBodies_giveOnlyTypedOutcomes(@ForAll("mutatedBody") String mutated) {
    String[] parts = mutated.split("\n", 3);
    Class<?> type = MergedSpec.javaClass(parts[0]);
    String gson = outcome(Library.GSON, parts[2], type);
    String moshi = outcome(Library.MOSHI, parts[2], type);
    assertEquals(gson, moshi, () -> "Gson and Moshi disagree on " + parts[0] + " after " + parts[1]);
    Statistics.label("outcome").collect(gson.startsWith("decoded") ? "decoded" : "JsonDecodingException");
    Statistics.label("mutation").collect(parts[1]);
  }

  /** "decoded" or "JsonDecodingException at <path>"; any other throwable fails the property. */
  private static String outcome(Library library, String text, Class<?> type) {
    try {
      Object decoded = decodeAsTheConverterDoes(library, text, type);
      return "decoded " + (decoded == null ? "null" : decoded.getClass().getSimpleName());
    } catch (JsonDecodingException e) {
      assertTrue(e.path().startsWith("$"), e::getMessage);
      return "JsonDecodingException at " + e.path();
    }
  }

  /**
   * Decodes through the type adapter, as Retrofit's converters do: {@code Gson.fromJson} would add
   * its own handling of empty documents and {@code JsonAdapter.fromJson(String)} its check for
   * trailing content, neither of which is on the SDK's path.
   */
  private static @Nullable Object decodeAsTheConverterDoes(Library library, String text, Class<?> type) {
    try {
      if (library == Library.GSON) {
        return JsonRoundTrip.GSON.getAdapter(type).read(JsonRoundTrip.GSON.newJsonReader(new StringReader(text)));
      }
      return JsonRoundTrip.MOSHI.adapter(type).fromJson(new Buffer().writeUtf8(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies {@code mutation} to the node (or text position) that {@code where} picks. */
  static String mutate(JsonNode valid, Mutation mutation, int where, int variant) {
    JsonNode json = valid.deepCopy();
    if (mutation == Mutation.TRUNCATED) {
      String text = json.toString();
      return text.substring(0, where % text.length());
    }
    List<Slot> slots = new ArrayList<>();
    collect(json, slots, mutation == Mutation.PROPERTY_REMOVED);
    if (slots.isEmpty()) {
      return json.toString().isEmpty() ? "" : json.toString().substring(1);
    }
    Slot slot = slots.get(where % slots.size());
    switch (mutation) {
      case PROPERTY_REMOVED:
        ((ObjectNode) slot.parent).remove(slot.name);
        return json.toString();
      case WRONG_TYPE:
        slot.set(otherKind(slot.get(), variant));
        return json.toString();
      case HUGE_STRING:
        slot.set(NODES.textNode("x".repeat(200_000 + variant % 1000)));
        return json.toString();
      case HUGE_NUMBER:
        slot.set(NODES.textNode(PLACEHOLDER));
        return json.toString().replace("\"" + PLACEHOLDER + "\"", variant % 2 == 0 ? "9".repeat(400) : "1e" + "9".repeat(12));
      default:
        slot.set(NODES.textNode(PLACEHOLDER));
        int depth = 2_000 + variant % 8_000;
        String open = mutation == Mutation.DEEP_ARRAYS ? "[" : "{\"a\":";
        String close = mutation == Mutation.DEEP_ARRAYS ? "]" : "}";
        return json.toString().replace("\"" + PLACEHOLDER + "\"", open.repeat(depth) + "1" + close.repeat(depth));
    }
  }

  /** A place holding a value: a property of an object or an element of an array. */
  private static final class Slot {
    final JsonNode parent;
    final String name;
    final int index;

    Slot(JsonNode parent, String name, int index) {
      this.parent = parent;
      this.name = name;
      this.index = index;
    }

    JsonNode get() {
      return parent.isObject() ? parent.get(name) : parent.get(index);
    }

    void set(JsonNode value) {
      if (parent.isObject()) {
        ((ObjectNode) parent).set(name, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  private static void collect(JsonNode node, List<Slot> slots, boolean propertiesOnly) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        slots.add(new Slot(node, property.getKey(), -1));
        collect(property.getValue(), slots, propertiesOnly);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (!propertiesOnly) {
          slots.add(new Slot(node, null, i));
        }
        collect(node.get(i), slots, propertiesOnly);
      }
    }
  }

  private static JsonNode otherKind(JsonNode value, int variant) {
    List<JsonNode> others = new ArrayList<>();
    for (JsonNode candidate : List.of(NODES.textNode("wrong"), NODES.numberNode(7), NODES.numberNode(2.5),
        NODES.booleanNode(true), NODES.objectNode().put("wrong", 1), NODES.arrayNode().add(1), NODES.nullNode())) {
      if (candidate.getNodeType() != value.getNodeType()
          || candidate.isIntegralNumber() != value.isIntegralNumber()) {
        others.add(candidate);
      }
    }
    return others.get(variant % others.size());
  }
}
