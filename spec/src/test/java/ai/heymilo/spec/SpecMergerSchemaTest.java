package ai.heymilo.spec;

import static ai.heymilo.spec.Fixtures.failureMessage;
import static ai.heymilo.spec.Fixtures.json;
import static ai.heymilo.spec.Fixtures.schema;
import static ai.heymilo.spec.Fixtures.schemaVersions;
import static ai.heymilo.spec.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema rules of {@link SpecMerger}, on component schemas. */
class SpecMergerSchemaTest {

  @Test
  void merge_identicalSchemas_keepsOneAndReportsIdentical() {
    String pet = "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}, \"required\": [\"id\"]}";

    MergeResult result = SpecMerger.merge(schemaVersions("Pet", pet, pet));

    assertEquals(json(pet), schema(result, "Pet"));
    MergeReport.Shared shared = result.report().schemas().get(0);
    assertEquals("Pet", shared.name());
    assertEquals(List.of("a.json", "b.json"), shared.sources());
    assertEquals(MergedEntry.Outcome.IDENTICAL, shared.outcome());
  }

  @Test
  void merge_schemasOnlyInOneSource_areAllKept() {
    MergeResult result = Fixtures.merge(
        source("a.json", "{}", "{\"A\": {\"type\": \"string\"}}"),
        source("b.json", "{}", "{\"B\": {\"type\": \"integer\"}}"));

    assertEquals(json("{\"type\": \"string\"}"), schema(result, "A"));
    assertEquals(json("{\"type\": \"integer\"}"), schema(result, "B"));
    assertTrue(result.report().schemas().isEmpty(), "no schema is in several sources");
  }

  @Test
  void merge_annotationPresentInOneSourceOnly_keepsIt() {
    MergeResult result = SpecMerger.merge(schemaVersions("Pet",
        "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}",
        "{\"type\": \"object\", \"description\": \"A pet.\","
            + " \"properties\": {\"id\": {\"type\": \"string\", \"examples\": [\"p_1\"]}}}"));

    assertEquals("A pet.", schema(result, "Pet").path("description").asText());
    assertEquals(json("{\"type\": \"string\", \"examples\": [\"p_1\"]}"),
        schema(result, "Pet").path("properties").path("id"));
    assertEquals(MergedEntry.Outcome.ANNOTATIONS_DIFFER, result.report().schemas().get(0).outcome());
  }

  @Test
  void merge_annotationsDifferInLength_keepsTheLongerFromEitherSource() {
    MergeResult result = SpecMerger.merge(schemaVersions("Pet",
        "{\"type\": \"string\", \"title\": \"Pet identifier\", \"examples\": [\"p_1\"]}",
        "{\"type\": \"string\", \"title\": \"Pet\", \"examples\": [\"p_1\", \"p_2\"]}"));

    assertEquals(json("{\"type\": \"string\", \"title\": \"Pet identifier\", \"examples\": [\"p_1\", \"p_2\"]}"),
        schema(result, "Pet"));
  }

  @Test
  void merge_annotationsOfEqualLength_keepsTheFirstSource() {
    MergeResult result = SpecMerger.merge(schemaVersions("Pet",
        "{\"type\": \"string\", \"description\": \"first\", \"example\": \"aa\", \"summary\": \"s1\"}",
        "{\"type\": \"string\", \"description\": \"later\", \"example\": \"bb\", \"summary\": \"s2\"}"));

    assertEquals(json("{\"type\": \"string\", \"description\": \"first\", \"example\": \"aa\", \"summary\": \"s1\"}"),
        schema(result, "Pet"));
  }

  @Test
  void merge_extraOptionalProperties_unitesPropertiesAndIntersectsRequired() {
    MergeResult result = SpecMerger.merge(schemaVersions("Pet",
        "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}, \"name\": {\"type\": \"string\"},"
            + " \"legacy\": {\"type\": \"string\"}}, \"required\": [\"id\", \"name\"]}",
        "{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}, \"id\": {\"type\": \"string\"},"
            + " \"tag\": {\"type\": \"string\"}}, \"required\": [\"name\", \"id\"]}"));

    JsonNode pet = schema(result, "Pet");
    assertEquals(List.of("id", "name", "legacy", "tag"), names(pet.path("properties")),
        "the first source's order, then the properties only later sources have");
    assertEquals(json("{\"r\": [\"id\", \"name\"]}").get("r"), pet.get("required"));
    MergeReport.Shared shared = result.report().schemas().get(0);
    assertEquals(MergedEntry.Outcome.PROPERTIES_ADDED, shared.outcome());
    assertEquals(List.of(
            new MergeNotes.AddedProperty("properties/legacy", "a.json"),
            new MergeNotes.AddedProperty("properties/tag", "b.json")),
        shared.added());
  }

  @Test
  void merge_extraPropertiesInNestedInlineSchemas_areUnitedToo() {
    MergeResult result = SpecMerger.merge(schemaVersions("Pet",
        "{\"type\": \"object\", \"properties\": {\"owners\": {\"type\": \"array\","
            + " \"items\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}}}}",
        "{\"type\": \"object\", \"properties\": {\"owners\": {\"type\": \"array\","
            + " \"items\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"},"
            + " \"since\": {\"type\": \"string\", \"format\": \"date\"}}}}}}"));

    JsonNode items = schema(result, "Pet").path("properties").path("owners").path("items");
    assertEquals(List.of("id", "since"), names(items.path("properties")));
    assertEquals("properties/owners/items/properties/since", result.report().schemas().get(0).added().get(0).path());
  }

  @Test
  void merge_typeConflict_failsNamingSchemaPathSourcesAndValues() {
    String message = failureMessage(() -> SpecMerger.merge(schemaVersions("Interview",
        "{\"type\": \"object\","
            + " \"properties\": {\"score\": {\"anyOf\": [{\"type\": \"number\"}, {\"type\": \"null\"}]}}}",
        "{\"type\": \"object\","
            + " \"properties\": {\"score\": {\"anyOf\": [{\"type\": \"integer\"}, {\"type\": \"null\"}]}}}")));

    assertEquals("Cannot merge schema 'Interview' at properties/score/anyOf/0/type:"
        + " a.json has \"number\", b.json has \"integer\".", message);
  }

  @Test
  void merge_enumConflict_fails() {
    String message = failureMessage(() -> SpecMerger.merge(schemaVersions("Status",
        "{\"type\": \"string\", \"enum\": [\"open\", \"closed\"]}",
        "{\"type\": \"string\", \"enum\": [\"open\", \"closed\", \"archived\"]}")));

    assertEquals("Cannot merge schema 'Status' at enum: a.json has [\"open\",\"closed\"],"
        + " b.json has [\"open\",\"closed\",\"archived\"].", message);
  }

  @Test
  void merge_constConflict_fails() {
    String message = failureMessage(() -> SpecMerger.merge(schemaVersions("Pet",
        "{\"type\": \"object\", \"properties\": {\"object\": {\"type\": \"string\", \"const\": \"pet\"}}}",
        "{\"type\": \"object\", \"properties\": {\"object\": {\"type\": \"string\", \"const\": \"animal\"}}}")));

    assertEquals("Cannot merge schema 'Pet' at properties/object/const: a.json has \"pet\", b.json has \"animal\".",
        message);
  }

  @Test
  void merge_formatInOneSourceOnly_fails() {
    String message = failureMessage(() -> SpecMerger.merge(schemaVersions("Pet",
        "{\"type\": \"object\", \"properties\": {\"born\": {\"type\": \"string\", \"format\": \"date\"}}}",
        "{\"type\": \"object\", \"properties\": {\"born\": {\"type\": \"string\"}}}")));

    assertEquals("Cannot merge schema 'Pet' at properties/born/format: a.json has \"date\", b.json has nothing.",
        message);
  }

  @Test
  void merge_otherKeywordConflict_fails() {
    String message = failureMessage(() -> SpecMerger.merge(schemaVersions("Name",
        "{\"type\": \"string\", \"maxLength\": 200}",
        "{\"type\": \"string\", \"maxLength\": 100}")));

    assertEquals("Cannot merge schema 'Name' at maxLength: a.json has 200, b.json has 100.", message);
  }

  @Test
  void merge_extraPropertyRequiredInItsSource_fails() {
    String message = failureMessage(() -> SpecMerger.merge(schemaVersions("Pet",
        "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}, \"required\": [\"id\"]}",
        "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}, \"tag\": {\"type\": \"string\"}},"
            + " \"required\": [\"id\", \"tag\"]}")));

    assertEquals("Cannot merge schema 'Pet' at properties/tag: only b.json has property 'tag', and it is required"
        + " there; a property that not every source has must be optional.", message);
  }

  @Test
  void merge_sharedPropertyRequiredInOneSourceOnly_fails() {
    String message = failureMessage(() -> SpecMerger.merge(schemaVersions("Pet",
        "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}",
        "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}, \"required\": [\"id\"]}")));

    assertEquals("Cannot merge schema 'Pet' at required: b.json requires 'id' but a.json does not; a property must"
        + " be required by all sources or by none.", message);
  }

  @Test
  void merge_propertiesNamedLikeKeywords_areSchemasNotKeywords() {
    // "description" here is a property, so a different type is a conflict, not an annotation to pick from.
    String message = failureMessage(() -> SpecMerger.merge(schemaVersions("Odd",
        "{\"type\": \"object\", \"properties\": {\"properties\": {\"type\": \"string\"},"
            + " \"description\": {\"type\": \"string\"}}}",
        "{\"type\": \"object\", \"properties\": {\"properties\": {\"type\": \"string\"},"
            + " \"description\": {\"type\": \"integer\"}}}")));

    assertEquals("Cannot merge schema 'Odd' at properties/description/type: a.json has \"string\","
        + " b.json has \"integer\".", message);
  }

  @Test
  void merge_propertyNamedProperties_unitesItsOwnProperties() {
    MergeResult result = SpecMerger.merge(schemaVersions("Odd",
        "{\"type\": \"object\", \"properties\": {\"properties\": {\"type\": \"object\","
            + " \"properties\": {\"a\": {\"type\": \"string\"}}}}, \"required\": [\"properties\"]}",
        "{\"type\": \"object\", \"properties\": {\"properties\": {\"type\": \"object\","
            + " \"properties\": {\"b\": {\"type\": \"string\"}}}}, \"required\": [\"properties\"]}"));

    JsonNode odd = schema(result, "Odd");
    assertEquals(List.of("a", "b"), names(odd.path("properties").path("properties").path("properties")));
    assertEquals("properties", odd.path("required").get(0).asText());
  }

  @Test
  void merge_conflictInsideAdditionalPropertiesAndAllOf_namesTheFullPath() {
    String message = failureMessage(() -> SpecMerger.merge(schemaVersions("Meta",
        "{\"allOf\": [{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}]}",
        "{\"allOf\": [{\"type\": \"object\", \"additionalProperties\": {\"type\": \"number\"}}]}")));

    assertTrue(message.startsWith("Cannot merge schema 'Meta' at allOf/0/additionalProperties/type:"), message);
  }

  @Test
  void merge_anyOfOfDifferentLength_fails() {
    String message = failureMessage(() -> SpecMerger.merge(schemaVersions("Id",
        "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}]}",
        "{\"anyOf\": [{\"type\": \"string\"}]}")));

    assertEquals("Cannot merge schema 'Id' at anyOf: a.json has [{\"type\":\"string\"},{\"type\":\"null\"}],"
        + " b.json has [{\"type\":\"string\"}].", message);
  }

  @Test
  void merge_threeSources_conflictNamesEverySourceMergedSoFar() {
    String message = failureMessage(() -> Fixtures.merge(
        source("a.json", "{}", "{\"Id\": {\"type\": \"string\"}}"),
        source("b.json", "{}", "{\"Id\": {\"type\": \"string\", \"description\": \"An id.\"}}"),
        source("c.json", "{}", "{\"Id\": {\"type\": \"integer\"}}")));

    assertEquals("Cannot merge schema 'Id' at type: a.json + b.json has \"string\", c.json has \"integer\".",
        message);
  }

  @Test
  void merge_doesNotModifyTheSources() {
    List<SpecSource> sources = schemaVersions("Pet",
        "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}",
        "{\"type\": \"object\", \"properties\": {\"tag\": {\"type\": \"string\"}}, \"description\": \"Pet\"}");
    List<JsonNode> before = new ArrayList<>();
    sources.forEach(source -> before.add(source.document().deepCopy()));

    SpecMerger.merge(sources);

    assertEquals(before.get(0), sources.get(0).document());
    assertEquals(before.get(1), sources.get(1).document());
    assertFalse(sources.get(0).document().path("components").path("schemas").path("Pet").has("description"));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
