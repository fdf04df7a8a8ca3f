package ai.heymilo.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelHintsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A document whose components are {@code schemas} (single quotes for double). */
  static ObjectNode withSchemas(String schemas) {
    try {
      return (ObjectNode) MAPPER.readTree(("{'openapi': '3.1.0', 'paths': {}, 'components': {'schemas': " + schemas + "}}")
          .replace('\'', '"'));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode hinted(String schemas) {
    ObjectNode view = withSchemas(schemas);
    ModelHints.apply(view);
    return view;
  }

  private static JsonNode property(ObjectNode view, String schema, String property) {
    return view.path("components").path("schemas").path(schema).path("properties").path(property);
  }

  private static String failure(String schemas) {
    return assertThrows(SpecMergeException.class, () -> ModelHints.apply(withSchemas(schemas))).getMessage();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "questions, question", "criteria, criterion", "eligibility_criteria, eligibility_criterion",
      "criteria_failed, criterion_failed", "llm_detected_segments, llm_detected_segment", "matches, match",
      "categories, category", "statuses, status", "addresses, address", "boxes, box", "file_types, file_type",
      "loc, loc", "data, data", "order, order"})
  void itemName_singularisesThePropertyName(String property, String item) {
    assertEquals(item, ModelHints.itemName(property, MAPPER.createObjectNode()));
  }

  @ParameterizedTest(name = "{0} of {1} -> {2}")
  @CsvSource({
      "scorecard, ScorecardQuestion, scorecard_question", "transcript, SMSMessage, sms_message",
      "data, PostingResponse, posting", "workflow, CreateWorkflowStep, workflow_step",
      "detail, ValidationError, validation_error", "data, BulkIngestCandidateResponseItem, bulk_ingest_candidate"})
  void itemName_ofANonPlural_comesFromTheItemSchema(String property, String schema, String item) {
    ObjectNode items = MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + schema);

    assertEquals(item, ModelHints.itemName(property, items));
  }

  @Test
  void arrayProperty_getsItsItemName_onThePropertyAndTheNonNullBranch() {
    ObjectNode view = hinted("{'Q': {'type': 'object', 'properties': {"
        + "'questions': {'anyOf': [{'type': 'array', 'items': {'type': 'string'}}, {'type': 'null'}]},"
        + "'tags': {'type': 'array', 'items': {'type': 'string'}}}}}");

    JsonNode questions = property(view, "Q", "questions");
    assertEquals("question", questions.path(ModelHints.ITEM_NAME).asText());
    assertEquals("question", questions.path("anyOf").get(0).path(ModelHints.ITEM_NAME).asText());
    assertEquals("tag", property(view, "Q", "tags").path(ModelHints.ITEM_NAME).asText());
  }

  @Test
  void itemNameFromTheOverlay_isRespected() {
    ObjectNode view = hinted("{'P': {'type': 'object', 'properties': {"
        + "'workflow': {'type': 'array', 'items': {'type': 'string'}, 'x-heymilo-item-name': 'step'}}}}");

    assertEquals("step", property(view, "P", "workflow").path(ModelHints.ITEM_NAME).asText());
  }

  @Test
  void twoListsWithTheSameItemName_failNamingBoth() {
    String message = failure("{'P': {'type': 'object', 'properties': {"
        + "'steps': {'type': 'array', 'items': {'type': 'string'}},"
        + "'workflow': {'type': 'array', 'items': {'type': 'string'}, 'x-heymilo-item-name': 'step'}}}}");

    assertEquals("Codegen view: schema P: the lists 'steps' and 'workflow' would both get the adder for items named 'step';"
        + " set x-heymilo-item-name on one of them in the SDK overlay", message);
  }

  @Test
  void unixTimestamps_areMarkedByNameOrDescription_numbersOnly() {
    ObjectNode view = hinted("{'T': {'type': 'object', 'properties': {"
        + "'created_at': {'anyOf': [{'type': 'number'}, {'type': 'null'}]},"
        + "'deadline': {'type': 'integer', 'description': 'Unix timestamp deadline for the posting.'},"
        + "'timestamp': {'type': 'number', 'description': 'Seconds into the interview.'},"
        + "'started_at': {'type': 'string'}}}}");

    assertTrue(property(view, "T", "created_at").path(ModelHints.EPOCH_SECONDS).asBoolean());
    assertTrue(property(view, "T", "created_at").path("anyOf").get(0).path(ModelHints.EPOCH_SECONDS).asBoolean());
    assertTrue(property(view, "T", "deadline").path(ModelHints.EPOCH_SECONDS).asBoolean());
    assertFalse(property(view, "T", "timestamp").has(ModelHints.EPOCH_SECONDS));
    assertFalse(property(view, "T", "started_at").has(ModelHints.EPOCH_SECONDS));
  }

  @Test
  void rules_areReadThroughTheNullableBranch_forTheTypeTheyApplyTo() throws IOException {
    ObjectNode view = hinted("{'R': {'type': 'object', 'properties': {"
        + "'title': {'type': 'string', 'minLength': 3, 'maxLength': 200},"
        + "'weight': {'anyOf': [{'type': 'integer', 'minimum': 0.0, 'maximum': 5.0}, {'type': 'null'}]},"
        + "'price': {'type': 'number', 'exclusiveMinimum': 0},"
        + "'legacy': {'type': 'number', 'minimum': 1, 'exclusiveMinimum': true},"
        + "'items': {'type': 'array', 'items': {'type': 'string'}, 'minItems': 1},"
        + "'label': {'type': 'string', 'minimum': 3}}}}");

    assertEquals(MAPPER.readTree("[{\"rule\":\"minLength\",\"value\":\"3\"},{\"rule\":\"maxLength\",\"value\":\"200\"}]"),
        property(view, "R", "title").get(ModelHints.RULES));
    assertEquals(MAPPER.readTree("[{\"rule\":\"minimum\",\"value\":\"0.0\"},{\"rule\":\"maximum\",\"value\":\"5.0\"}]"),
        property(view, "R", "weight").get(ModelHints.RULES));
    assertEquals(MAPPER.readTree("[{\"rule\":\"exclusiveMinimum\",\"value\":\"0.0\"}]"), property(view, "R", "price").get(ModelHints.RULES));
    assertEquals(MAPPER.readTree("[{\"rule\":\"exclusiveMinimum\",\"value\":\"1.0\"}]"), property(view, "R", "legacy").get(ModelHints.RULES));
    assertEquals(MAPPER.readTree("[{\"rule\":\"minItems\",\"value\":\"1\"}]"), property(view, "R", "items").get(ModelHints.RULES));
    assertNull(property(view, "R", "label").get(ModelHints.RULES), "minimum does not apply to a string");
  }

  @Test
  void limitsOnAMap_becomeRules() throws IOException {
    ObjectNode view = hinted("{'M': {'type': 'object', 'properties': {'metadata': {'anyOf': [{'type': 'object',"
        + " 'additionalProperties': {'type': 'string'}}, {'type': 'null'}],"
        + " 'x-heymilo-limits': {'maxEntries': 50, 'maxKeyLength': 40, 'maxValueLength': 500}}}}}");

    assertEquals(MAPPER.readTree("[{\"rule\":\"maxEntries\",\"value\":\"50\"},{\"rule\":\"maxKeyLength\",\"value\":\"40\"},"
        + "{\"rule\":\"maxValueLength\",\"value\":\"500\"}]"), property(view, "M", "metadata").get(ModelHints.RULES));
  }

  @Test
  void malformedLimits_failNamingTheProperty() {
    assertEquals("Codegen view: schema M, property metadata: x-heymilo-limits has 'maxKeys': 50; its keys are"
            + " [maxEntries, maxKeyLength, maxValueLength], each a non-negative integer",
        failure("{'M': {'type': 'object', 'properties': {'metadata': {'type': 'object', 'additionalProperties': {'type': 'string'},"
            + " 'x-heymilo-limits': {'maxKeys': 50}}}}}"));
    assertEquals("Codegen view: schema M, property title: x-heymilo-limits must be an object of"
            + " [maxEntries, maxKeyLength, maxValueLength] on a map property (an object with additionalProperties),"
            + " but was {\"maxEntries\":5} on a string",
        failure("{'M': {'type': 'object', 'properties': {'title': {'type': 'string', 'x-heymilo-limits': {'maxEntries': 5}}}}}"));
    assertTrue(failure("{'M': {'type': 'object', 'properties': {'metadata': {'type': 'object', 'additionalProperties': {},"
        + " 'x-heymilo-limits': {'maxEntries': -1}}}}}").contains("'maxEntries': -1"));
  }

  @Test
  void undiscriminatedUnion_failsNamingSchemaPropertyAndBranches() {
    assertEquals("Codegen view: schema Pet, property owner is a anyOf of 2 alternatives [Person, Company] without a"
            + " discriminator, which the generated models cannot decode without losing data; give each branch a const on"
            + " one shared property (a discriminated union), or reduce it to one type or to {} (any value) in the codegen view.",
        failure("{'Person': {'type': 'object'}, 'Company': {'type': 'object'}, 'Pet': {'type': 'object', 'properties': {"
            + "'owner': {'anyOf': [{'$ref': '#/components/schemas/Person'}, {'$ref': '#/components/schemas/Company'},"
            + " {'type': 'null'}]}}}}"));
  }

  @Test
  void unsupportedShapes_failNamingWhereTheyAre() {
    assertTrue(failure("{'A': {'type': 'object', 'properties': {'v': {'type': ['string', 'integer']}}}}")
        .startsWith("Codegen view: schema A, property v is a type array of [string, integer]"));
    assertTrue(failure("{'A': {'type': 'object', 'properties': {'v': {'allOf': [{'type': 'object'}, {'type': 'object'}]}}}}")
        .startsWith("Codegen view: schema A, property v is an allOf of 2 schemas"));
    assertTrue(failure("{'A': {'type': 'object', 'properties': {'v': {'type': 'integer', 'enum': [1, 2]}}}}")
        .startsWith("Codegen view: schema A, property v is an enum of integer values [1,2]"));
    assertTrue(failure("{'A': {'type': 'object', 'properties': {'v': {'type': 'array', 'prefixItems': [{'type': 'string'}]}}}}")
        .startsWith("Codegen view: schema A, property v is a tuple (prefixItems)"));
    assertTrue(failure("{'A': {'type': 'object', 'properties': {'v': {'type': 'number', 'format': 'decimal'}}}}")
        .startsWith("Codegen view: schema A, property v is a number of format 'decimal'"));
    assertTrue(failure("{'A': {'type': 'object', 'properties': {'v': {'type': 'array', 'items': {'oneOf': [{'type': 'string'},"
        + " {'type': 'object'}]}}}}}").startsWith("Codegen view: schema A, property v[] is a oneOf of 2 alternatives [string, object]"));
    assertTrue(failure("{'Level': {'type': 'integer', 'enum': [1, 2, 3]}}")
        .startsWith("Codegen view: schema Level is an enum of integer values [1,2,3]"));
  }

  @Test
  void codegenView_failsForAnUnsupportedShape_afterItsOwnTransforms() {
    ObjectNode merged = withSchemas("{'A': {'type': 'object', 'properties': {"
        + "'loc': {'type': 'array', 'items': {'anyOf': [{'type': 'string'}, {'type': 'integer'}]}},"
        + "'v': {'oneOf': [{'type': 'object'}, {'type': 'array'}]}}}}");

    SpecMergeException error = assertThrows(SpecMergeException.class, () -> CodegenView.transform(merged));

    // loc is an untyped union the view relaxes to {}; v is left for the check to refuse.
    assertTrue(error.getMessage().startsWith("Codegen view: schema A, property v is a oneOf of 2 alternatives [object, array]"),
        error.getMessage());
  }

  @Test
  void supportedShapes_pass() {
    hinted("{'A': {'type': 'object', 'properties': {"
        + "'when': {'anyOf': [{'type': 'string', 'format': 'date-time'}, {'type': 'null'}]},"
        + "'day': {'type': ['string', 'null'], 'format': 'date'}, 'id': {'type': 'string', 'format': 'uuid'},"
        + "'n': {'type': 'integer', 'format': 'int32'}, 'x': {'type': 'number', 'format': 'float'},"
        + "'any': {}, 'free': {'type': 'object'}, 'map': {'type': 'object', 'additionalProperties': {'type': 'integer'}},"
        + "'kind': {'type': 'string', 'enum': ['a', 'b', null]}, 'wrapped': {'allOf': [{'$ref': '#/components/schemas/B'}]},"
        + "'nested': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': 'string'}}}}}},"
        + " 'B': {'type': 'object'}}");
  }

  @Test
  void inlineObjects_haveTheirPropertiesAnnotatedToo() {
    ObjectNode view = hinted("{'A': {'type': 'object', 'properties': {'nested': {'type': 'object', 'properties': {"
        + "'tags': {'type': 'array', 'items': {'type': 'string'}}}}}}}");

    assertEquals("tag", property(view, "A", "nested").path("properties").path("tags").path(ModelHints.ITEM_NAME).asText());
  }

  @Test
  void heyMiloSpec_passesAndIsAnnotated() {
    ObjectNode view = CodegenView.transform(SpecMerger.merge(SpecLoader.loadDirectory(Path.of("sources"))).spec());

    assertEquals("workflow_step", property(view, "CreatePostingRequest", "workflow").path(ModelHints.ITEM_NAME).asText());
    assertEquals("question", property(view, "_WebInterviewStep", "questions").path(ModelHints.ITEM_NAME).asText());
    assertEquals("criterion", property(view, "SMSResult", "criteria").path(ModelHints.ITEM_NAME).asText());
    assertTrue(property(view, "CreatePostingResponse", "created_at").path(ModelHints.EPOCH_SECONDS).asBoolean());
    assertTrue(property(view, "PostingResponse", "deadline").path(ModelHints.EPOCH_SECONDS).asBoolean());
    assertEquals(2, property(view, "CreateQuestion", "score_weight").path(ModelHints.RULES).size());
    assertEquals(1, property(view, "BulkCandidateIngestRequest", "data").path(ModelHints.RULES).size());
  }
}
