package ai.heymilo.model;

import static ai.heymilo.model.JsonRoundTrip.assertNoUnknownProperties;
import static ai.heymilo.model.JsonRoundTrip.assertRoundTrip;
import static java.util.stream.Collectors.toList;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.heymilo.model.JsonRoundTrip.Library;
import ai.heymilo.spec.diff.SpecSurface;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One instance of every component schema of the merged spec, with every property set, decodes
 * into its generated class with Gson and with Moshi — every property declared, none captured as
 * unknown — and encodes back to the same JSON.
 */
class EverySchemaRoundTripTest {

  static Stream<Arguments> schemasAndLibraries() {
    return MergedSpec.schemaNames().stream()
        .flatMap(name -> Stream.of(Arguments.of(name, Library.GSON), Arguments.of(name, Library.MOSHI)));
  }

  @Test
  void mergedSpec_hasTheCommittedSchemas() {
    // Guards against round-tripping nothing; spec/api-surface.txt lists the schemas, and its diff what changed.
    assertEquals(SpecSurface.committed().schemas(), MergedSpec.schemaNames().stream().sorted().collect(toList()));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("schemasAndLibraries")
  void everySchema_roundTripsExactly(String schemaName, Library library) {
    JsonNode instance = SchemaInstances.instance(schemaName);
    Object decoded = assertRoundTrip(library, instance, MergedSpec.javaClass(schemaName));
    assertNoUnknownProperties(decoded, schemaName);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemaNames")
  void gsonAndMoshi_decodeToEqualModels(String schemaName) {
    String json = SchemaInstances.instance(schemaName).toString();
    Class<?> type = MergedSpec.javaClass(schemaName);
    assertEquals(JsonRoundTrip.decode(Library.GSON, json, type), JsonRoundTrip.decode(Library.MOSHI, json, type));
  }

  static List<String> schemaNames() {
    return MergedSpec.schemaNames();
  }
}
