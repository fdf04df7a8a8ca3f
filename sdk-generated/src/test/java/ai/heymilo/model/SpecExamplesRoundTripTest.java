package ai.heymilo.model;

import static ai.heymilo.model.JsonRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.JsonRoundTrip.Library;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code examples} value in the schemas that responses use decodes with Gson and Moshi and
 * encodes back without losing anything: schema-level examples as a whole, property-level examples
 * placed into an otherwise complete instance of the owning schema.
 */
class SpecExamplesRoundTripTest {

  /** (schema, instance) pairs: one per example value found in a response schema. */
  static Stream<Arguments> responseExamples() {
    List<Arguments> cases = new ArrayList<>();
    for (String schemaName : responseSchemaNames()) {
      JsonNode schema = MergedSpec.schema(schemaName);
      for (JsonNode example : schema.path("examples")) {
        cases.add(Arguments.of(schemaName, "(schema example)", example));
      }
      for (Map.Entry<String, JsonNode> property : MergedSpec.fields(schema.path("properties"))) {
        for (JsonNode example : examplesOf(property.getValue())) {
          ObjectNode instance = (ObjectNode) SchemaInstances.instance(schemaName).deepCopy();
          instance.set(property.getKey(), example);
          cases.add(Arguments.of(schemaName, property.getKey(), instance));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}.{1} with Gson")
  @MethodSource("responseExamples")
  void example_roundTripsWithGson(String schemaName, String property, JsonNode instance) {
    assertRoundTrip(Library.GSON, instance, MergedSpec.javaClass(schemaName));
  }

  @ParameterizedTest(name = "{0}.{1} with Moshi")
  @MethodSource("responseExamples")
  void example_roundTripsWithMoshi(String schemaName, String property, JsonNode instance) {
    assertRoundTrip(Library.MOSHI, instance, MergedSpec.javaClass(schemaName));
  }

  @Test
  void responseSchemas_haveExamplesToTest() {
    assertTrue(responseExamples().count() > 100, "expected the spec's response schemas to carry examples");
  }

  /** Examples of a property, looking into {@code anyOf} branches ({@code anyOf [T, null]}). */
  private static List<JsonNode> examplesOf(JsonNode property) {
    List<JsonNode> examples = new ArrayList<>();
    property.path("examples").forEach(examples::add);
    for (JsonNode branch : property.path("anyOf")) {
      branch.path("examples").forEach(examples::add);
    }
    return examples;
  }

  /** Component schemas reachable from any operation's response. */
  static Set<String> responseSchemaNames() {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode pathItem : MergedSpec.root().path("paths")) {
      for (JsonNode operation : pathItem) {
        for (JsonNode response : operation.path("responses")) {
          for (JsonNode media : response.path("content")) {
            collectRefs(media.path("schema"), names);
          }
        }
      }
    }
    return names;
  }

  private static void collectRefs(JsonNode node, Set<String> names) {
    if (node.isObject() && node.has("$ref")) {
      String name = node.get("$ref").asText().replace("#/components/schemas/", "");
      if (names.add(name)) {
        collectRefs(MergedSpec.schema(name), names);
      }
      return;
    }
    for (JsonNode child : node) {
      collectRefs(child, names);
    }
  }
}
