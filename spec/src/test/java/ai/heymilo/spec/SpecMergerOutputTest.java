package ai.heymilo.spec;

import static ai.heymilo.spec.Fixtures.failureMessage;
import static ai.heymilo.spec.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merged document is in one canonical order, reproducible to the byte, and its references resolve. */
class SpecMergerOutputTest {
  private static final String PATHS = "{"
      + "\"/zoo\": {\"post\": {\"responses\": {\"default\": {\"description\": \"d\"},"
      + " \"201\": {\"description\": \"c\"}, \"4XX\": {\"description\": \"e\"}}},"
      + " \"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}},"
      + " \"/animals\": {\"delete\": {\"responses\": {\"204\": {\"description\": \"gone\"}}}}}";
  private static final String SCHEMAS = "{"
      + "\"Zebra\": {\"type\": \"object\","
      + " \"properties\": {\"z\": {\"type\": \"string\"}, \"a\": {\"type\": \"string\"}}},"
      + " \"Ant\": {\"$ref\": \"#/components/schemas/Zebra\"}}";

  @Test
  void merge_ordersTopLevelPathsMethodsResponsesAndComponents() {
    String shuffled = "{\"components\": {\"securitySchemes\": {\"Key\": {\"type\": \"apiKey\", \"in\": \"header\","
        + " \"name\": \"k\"}}, \"schemas\": " + SCHEMAS + "}, \"x-internal\": true, \"paths\": " + PATHS + ","
        + " \"tags\": [{\"name\": \"Zoo\"}], \"security\": [{\"Key\": []}],"
        + " \"servers\": [{\"url\": \"https://api.example.com\"}], \"info\": {\"title\": \"T\", \"version\": \"1\"},"
        + " \"openapi\": \"3.1.0\"}";

    ObjectNode spec = Fixtures.merge(SpecLoader.parse("a.json", shuffled)).spec();

    assertEquals(List.of("openapi", "info", "servers", "security", "tags", "paths", "components", "x-internal"),
        names(spec));
    assertEquals(List.of("/animals", "/zoo"), names(spec.get("paths")));
    assertEquals(List.of("get", "post"), names(spec.at("/paths/~1zoo")));
    assertEquals(List.of("201", "4XX", "default"), names(spec.at("/paths/~1zoo/post/responses")));
    assertEquals(List.of("schemas", "securitySchemes"), names(spec.get("components")));
    assertEquals(List.of("Ant", "Zebra"), names(spec.at("/components/schemas")));
    assertEquals(List.of("z", "a"), names(spec.at("/components/schemas/Zebra/properties")),
        "properties keep their source order");
  }

  @Test
  void merge_twoRuns_writeByteIdenticalOutput() {
    String first = SpecJson.write(mergeSample().spec());
    String second = SpecJson.write(mergeSample().spec());

    assertEquals(first, second);
  }

  @Test
  void merge_referenceDanglingAfterMerge_fails() {
    // Sources built directly skip the loader's checks; the merged document is checked again regardless.
    ObjectNode unchecked = SpecJson.parseDocument("a.json",
        Fixtures.document("{}", "{\"Pet\": {\"$ref\": \"#/components/schemas/Missing\"}}"));

    String message = failureMessage(() -> SpecMerger.merge(List.of(new SpecSource("a.json", unchecked))));

    assertEquals("merged spec: $ref at /components/schemas/Pet/$ref points to #/components/schemas/Missing,"
        + " which does not exist in this document.", message);
  }

  @Test
  void merge_noSources_fails() {
    assertEquals("No OpenAPI sources to merge.", failureMessage(() -> SpecMerger.merge(List.of())));
  }

  @Test
  void merge_twoSourcesWithTheSameName_fails() {
    SpecSource pets = source("pets.json", "{}", "{}");

    assertEquals("Two sources are both named pets.json; source names must be unique.",
        failureMessage(() -> Fixtures.merge(pets, pets)));
  }

  private static MergeResult mergeSample() {
    return Fixtures.merge(
        source("a.json", PATHS, SCHEMAS),
        source("b.json", "{\"/zoo\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok!\"}}}}}",
            "{\"Zebra\": {\"type\": \"object\", \"properties\": {\"z\": {\"type\": \"string\"},"
                + " \"n\": {\"type\": \"number\", \"examples\": [1739715600.0]}}}}"));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
