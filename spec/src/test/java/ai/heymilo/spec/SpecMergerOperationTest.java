package ai.heymilo.spec;

import static ai.heymilo.spec.Fixtures.failureMessage;
import static ai.heymilo.spec.Fixtures.json;
import static ai.heymilo.spec.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link SpecMerger} unites paths and unifies operations, including the schemas inline in them. */
class SpecMergerOperationTest {
  private static final String LIST_PETS = "{\"operationId\": \"listPets\", \"summary\": \"List pets\","
      + " \"responses\": {\"200\": {\"description\": \"OK\"}}}";
  private static final String CREATE_PET = "{\"operationId\": \"createPet\","
      + " \"responses\": {\"201\": {\"description\": \"Created\"}}}";

  @Test
  void merge_differentPaths_unitesThem() {
    MergeResult result = Fixtures.merge(
        source("a.json", "{\"/pets\": {\"get\": " + LIST_PETS + "}}", "{}"),
        source("b.json", "{\"/owners\": {\"get\": " + LIST_PETS.replace("listPets", "listOwners") + "}}", "{}"));

    assertEquals(List.of("/owners", "/pets"), names(result.spec().path("paths")));
    assertEquals(new SpecStats(2, 2, 0), result.report().result());
    assertTrue(result.report().operations().isEmpty());
  }

  @Test
  void merge_samePathDifferentMethods_joinsOnePathItem() {
    MergeResult result = Fixtures.merge(
        source("a.json", "{\"/pets\": {\"post\": " + CREATE_PET + "}}", "{}"),
        source("b.json", "{\"/pets\": {\"get\": " + LIST_PETS + "}}", "{}"));

    JsonNode pets = result.spec().path("paths").path("/pets");
    assertEquals(List.of("get", "post"), names(pets), "methods in the OpenAPI order");
    assertEquals(json(LIST_PETS), pets.get("get"));
    assertEquals(json(CREATE_PET), pets.get("post"));
  }

  @Test
  void merge_sameOperationInTwoSources_unifiesItAndReportsIt() {
    MergeResult result = Fixtures.merge(
        source("a.json", "{\"/pets\": {\"get\": " + LIST_PETS + ", \"post\": " + CREATE_PET + "}}", "{}"),
        source("b.json", "{\"/pets\": {\"get\": " + LIST_PETS + "}}", "{}"));

    assertEquals(json(LIST_PETS), result.spec().path("paths").path("/pets").get("get"));
    MergeReport.Shared shared = result.report().operations().get(0);
    assertEquals("GET /pets", shared.name());
    assertEquals(List.of("a.json", "b.json"), shared.sources());
    assertEquals(MergedEntry.Outcome.IDENTICAL, shared.outcome());
    assertEquals(1, result.report().operations().size());
  }

  @Test
  void merge_operationSummariesDiffer_keepsTheRicher() {
    MergeResult result = Fixtures.merge(
        source("a.json", "{\"/pets\": {\"get\": " + LIST_PETS + "}}", "{}"),
        source("b.json", "{\"/pets\": {\"get\": " + LIST_PETS.replace("List pets", "List all pets") + "}}", "{}"));

    assertEquals("List all pets", result.spec().path("paths").path("/pets").path("get").path("summary").asText());
    assertEquals(MergedEntry.Outcome.ANNOTATIONS_DIFFER, result.report().operations().get(0).outcome());
  }

  @Test
  void merge_operationIdsDiffer_fails() {
    String message = failureMessage(() -> Fixtures.merge(
        source("a.json", "{\"/pets\": {\"get\": " + LIST_PETS + "}}", "{}"),
        source("b.json", "{\"/pets\": {\"get\": " + LIST_PETS.replace("listPets", "getPets") + "}}", "{}")));

    assertEquals("Cannot merge operation GET /pets at operationId: a.json has \"listPets\", b.json has \"getPets\".",
        message);
  }

  @Test
  void merge_responseCodeInOneSourceOnly_fails() {
    String withNotFound = LIST_PETS.replace("}}}", "}, \"404\": {\"description\": \"Not found\"}}}");

    String message = failureMessage(() -> Fixtures.merge(
        source("a.json", "{\"/pets\": {\"get\": " + LIST_PETS + "}}", "{}"),
        source("b.json", "{\"/pets\": {\"get\": " + withNotFound + "}}", "{}")));

    assertEquals("Cannot merge operation GET /pets at responses/404: a.json has nothing,"
        + " b.json has {\"description\":\"Not found\"}.", message);
  }

  @Test
  void merge_inlineResponseSchemaConflict_failsNamingOperationAndPath() {
    String message = failureMessage(() -> Fixtures.merge(
        source("a.json", "{\"/pets\": {\"get\": " + withJsonResponse("{\"type\": \"string\"}") + "}}", "{}"),
        source("b.json", "{\"/pets\": {\"get\": " + withJsonResponse("{\"type\": \"integer\"}") + "}}", "{}")));

    assertEquals("Cannot merge operation GET /pets at responses/200/content/application~1json/schema/properties/id"
        + "/type: a.json has \"string\", b.json has \"integer\".", message);
  }

  @Test
  void merge_inlineResponseSchemasWithExtraOptionalProperty_unitesThem() {
    String withTag = "{\"type\": \"string\"}, \"tag\": {\"type\": \"string\", \"description\": \"A tag.\"}";

    MergeResult result = Fixtures.merge(
        source("a.json", "{\"/pets\": {\"get\": " + withJsonResponse("{\"type\": \"string\"}") + "}}", "{}"),
        source("b.json", "{\"/pets\": {\"get\": " + withJsonResponse(withTag) + "}}", "{}"));

    JsonNode schema = result.spec().at("/paths/~1pets/get/responses/200/content/application~1json/schema");
    assertEquals(List.of("id", "tag"), names(schema.path("properties")));
    assertEquals(List.of(new MergeNotes.AddedProperty(
            "responses/200/content/application~1json/schema/properties/tag", "b.json")),
        result.report().operations().get(0).added());
  }

  @Test
  void merge_parametersInAnotherOrder_matchesThemByLocationAndName() {
    String limit = "{\"in\": \"query\", \"name\": \"limit\", \"schema\": {\"type\": \"integer\"}}";
    String key = "{\"in\": \"header\", \"name\": \"X-API-KEY\", \"schema\": {\"type\": \"string\"}}";
    String keyDocumented = key.replace("}}", "}, \"description\": \"Your key.\"}");

    MergeResult result = Fixtures.merge(
        source("a.json", "{\"/pets\": {\"get\": " + withParameters(limit, key) + "}}", "{}"),
        source("b.json", "{\"/pets\": {\"get\": " + withParameters(keyDocumented, limit) + "}}", "{}"));

    JsonNode parameters = result.spec().at("/paths/~1pets/get/parameters");
    assertEquals(json(limit), parameters.get(0));
    assertEquals(json(keyDocumented), parameters.get(1));
  }

  @Test
  void merge_parameterSchemaConflict_namesTheParameter() {
    String limit = "{\"in\": \"query\", \"name\": \"limit\", \"schema\": {\"type\": \"integer\"}}";

    String message = failureMessage(() -> Fixtures.merge(
        source("a.json", "{\"/pets\": {\"get\": " + withParameters(limit) + "}}", "{}"),
        source("b.json", "{\"/pets\": {\"get\": " + withParameters(limit.replace("integer", "string")) + "}}",
            "{}")));

    assertEquals("Cannot merge operation GET /pets at parameters/query:limit/schema/type: a.json has \"integer\","
        + " b.json has \"string\".", message);
  }

  @Test
  void merge_parameterInOneSourceOnly_fails() {
    String limit = "{\"in\": \"query\", \"name\": \"limit\", \"schema\": {\"type\": \"integer\"}}";
    String cursor = "{\"in\": \"query\", \"name\": \"cursor\", \"schema\": {\"type\": \"string\"}}";

    String message = failureMessage(() -> Fixtures.merge(
        source("a.json", "{\"/pets\": {\"get\": " + withParameters(limit) + "}}", "{}"),
        source("b.json", "{\"/pets\": {\"get\": " + withParameters(limit, cursor) + "}}", "{}")));

    assertTrue(message.startsWith(
        "Cannot merge operation GET /pets at parameters/query:cursor: a.json has nothing, b.json has {"), message);
  }

  @Test
  void merge_pathLevelParametersDiffer_failsNamingThePathItem() {
    String id = "{\"in\": \"path\", \"name\": \"id\", \"required\": true, \"schema\": {\"type\": \"string\"}}";

    String message = failureMessage(() -> Fixtures.merge(
        source("a.json", "{\"/pets/{id}\": {\"parameters\": [" + id + "], \"get\": " + LIST_PETS + "}}", "{}"),
        source("b.json", "{\"/pets/{id}\": {\"parameters\": [" + id.replace("true", "false") + "]}}", "{}")));

    assertEquals("Cannot merge path item '/pets/{id}' at parameters/path:id/required: a.json has true,"
        + " b.json has false.", message);
  }

  private static String withJsonResponse(String idSchema) {
    return "{\"operationId\": \"listPets\", \"responses\": {\"200\": {\"description\": \"OK\", \"content\":"
        + " {\"application/json\": {\"schema\": {\"type\": \"object\", \"properties\": {\"id\": " + idSchema
        + "}}}}}}}";
  }

  private static String withParameters(String... parameters) {
    return "{\"operationId\": \"listPets\", \"parameters\": [" + String.join(", ", parameters) + "],"
        + " \"responses\": {\"200\": {\"description\": \"OK\"}}}";
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
