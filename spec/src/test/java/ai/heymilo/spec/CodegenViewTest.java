package ai.heymilo.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CodegenViewTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ObjectNode doc(String json) {
    return (ObjectNode) node(json);
  }

  private static JsonNode node(String json) {
    try {
      return MAPPER.readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode withSchemas(String schemas) {
    return doc("{'openapi': '3.1.0', 'paths': {}, 'components': {'schemas': " + schemas + "}}");
  }

  @Test
  void transform_leavesTheMergedSpecUntouched() {
    ObjectNode merged = withSchemas("{'A': {'type': 'object', 'properties': {'object': {'type': 'string', 'const': 'a'}}}}");
    ObjectNode before = merged.deepCopy();

    CodegenView.transform(merged);

    assertEquals(before, merged);
  }

  @Test
  void credentialHeaders_areRemovedOtherHeadersKept() {
    ObjectNode spec = doc("{'paths': {'/x': {'get': {'parameters': ["
        + "{'name': 'X-API-KEY', 'in': 'header'}, {'name': 'authorization', 'in': 'header'},"
        + "{'name': 'X-Workspace-Id', 'in': 'header'}, {'name': 'X-Health-Detail', 'in': 'header'},"
        + "{'name': 'limit', 'in': 'query'}]}}}}");

    CodegenView.removeAuthHeaderParameters(spec);

    assertEquals(node("[{'name': 'X-Health-Detail', 'in': 'header'}, {'name': 'limit', 'in': 'query'}]"),
        spec.at("/paths/~1x/get/parameters"));
  }

  @Test
  void frameworkOperationIds_areShortened_othersKept() {
    ObjectNode spec = doc("{'paths': {"
        + "'/health': {'get': {'operationId': 'health_check_health_get'}},"
        + "'/api/v2/schemas/question-types': {'get': {'operationId': 'list_question_types_api_v2_schemas_question_types_get'}},"
        + "'/api/v2/postings': {'get': {'operationId': 'listPostings'}}}}");

    CodegenView.shortenFrameworkOperationIds(spec);

    assertEquals("healthCheck", spec.at("/paths/~1health/get/operationId").asText());
    assertEquals("listQuestionTypes", spec.at("/paths/~1api~1v2~1schemas~1question-types/get/operationId").asText());
    assertEquals("listPostings", spec.at("/paths/~1api~1v2~1postings/get/operationId").asText());
  }

  @Test
  void constDiscriminatedOneOf_becomesNamedUnionWithDiscriminator() {
    ObjectNode spec = withSchemas("{"
        + "'CreatePostingRequest': {'type': 'object', 'properties': {'workflow': {'anyOf': [{'type': 'array', 'items': {'oneOf': ["
        + "  {'$ref': '#/components/schemas/_A'}, {'$ref': '#/components/schemas/_B'}]}}, {'type': 'null'}]}}},"
        + "'_A': {'type': 'object', 'properties': {'type': {'type': 'string', 'const': 'a'}}},"
        + "'_B': {'type': 'object', 'properties': {'type': {'type': 'string', 'const': 'b'}}}}");

    ObjectNode view = CodegenView.transform(spec);

    assertEquals("#/components/schemas/CreateWorkflowStep",
        view.at("/components/schemas/CreatePostingRequest/properties/workflow/anyOf/0/items/$ref").asText());
    JsonNode union = view.at("/components/schemas/CreateWorkflowStep");
    assertEquals(doc("{'propertyName': 'type', 'mapping': {'a': '#/components/schemas/_A', 'b': '#/components/schemas/_B'}}"),
        union.get("discriminator"));
    assertEquals(doc("{'type': 'string', 'x-heymilo-discriminator-value': 'a'}"), view.at("/components/schemas/_A/properties/type"));
  }

  @Test
  void oneOfWithoutSharedConst_isLeftAlone() {
    ObjectNode spec = withSchemas("{"
        + "'R': {'type': 'object', 'properties': {'p': {'oneOf': [{'$ref': '#/components/schemas/A'}, {'type': 'string'}]}}},"
        + "'A': {'type': 'object', 'properties': {'type': {'type': 'string', 'const': 'a'}}}}");

    CodegenView.nameDiscriminatedUnions(spec);

    assertTrue(spec.at("/components/schemas/R/properties/p").has("oneOf"));
  }

  @Test
  void const_becomesPlainStringWithMarker() {
    ObjectNode spec = withSchemas("{'A': {'type': 'object', 'properties': {'object': {'type': 'string', 'const': 'posting', 'default': 'posting'}}}}");

    CodegenView.replaceConstWithMarker(spec);

    assertEquals(doc("{'type': 'string', 'default': 'posting', 'x-heymilo-const': 'posting'}"),
        spec.at("/components/schemas/A/properties/object"));
  }

  @Test
  void untypedUnions_becomeAnyValue() {
    ObjectNode spec = withSchemas("{'A': {'type': 'object', 'properties': {"
        + "'answer': {'anyOf': [{}, {'type': 'null'}], 'title': 'Answer'},"
        + "'loc': {'type': 'array', 'items': {'anyOf': [{'type': 'string'}, {'type': 'integer'}]}},"
        + "'name': {'anyOf': [{'type': 'string'}, {'type': 'null'}]}}}}");

    CodegenView.relaxUntypedUnions(spec);

    assertEquals(doc("{'title': 'Answer'}"), spec.at("/components/schemas/A/properties/answer"));
    assertEquals(doc("{}"), spec.at("/components/schemas/A/properties/loc/items"));
    assertTrue(spec.at("/components/schemas/A/properties/name").has("anyOf"), "a nullable string stays as it is");
  }

  @Test
  void audioResponse_becomesBinary() {
    ObjectNode spec = doc("{'paths': {'/p': {'get': {'responses': {"
        + "'200': {'content': {'application/json': {'schema': {}}, 'audio/mpeg': {}}},"
        + "'404': {'content': {'application/json': {'schema': {'$ref': '#/x'}}}}}}}}}");

    CodegenView.declareBinaryResponses(spec);

    assertEquals(doc("{'audio/mpeg': {'schema': {'type': 'string', 'format': 'binary'}}}"), spec.at("/paths/~1p/get/responses/200/content"));
    assertEquals("#/x", spec.at("/paths/~1p/get/responses/404/content/application~1json/schema/$ref").asText());
  }

  @Test
  void envelopes_implementTheSharedInterfaces() {
    ObjectNode spec = withSchemas("{"
        + "'ListResponse_PostingResponse_': {'properties': {'data': {'type': 'array', 'items': {'$ref': '#/components/schemas/PostingResponse'}},"
        + "  'pagination': {'$ref': '#/components/schemas/PaginationMeta'}}},"
        + "'SingleResponse_list_Item__': {'properties': {'data': {'type': 'array', 'items': {'$ref': '#/components/schemas/Item'}},"
        + "  'meta': {'type': 'object'}}},"
        + "'Other': {'properties': {'data': {'type': 'string'}}}}");

    CodegenView.markEnvelopes(spec);

    assertEquals("ai.heymilo.model.ListEnvelope<PostingResponse>",
        spec.at("/components/schemas/ListResponse_PostingResponse_/x-implements/0").asText());
    assertEquals("ai.heymilo.model.SingleEnvelope<java.util.List<Item>>",
        spec.at("/components/schemas/SingleResponse_list_Item__/x-implements/0").asText());
    assertFalse(spec.at("/components/schemas/Other").has("x-implements"));
  }

  @Test
  void fullDocument_viewHasNoCredentialHeadersConstOrUntypedUnions() throws IOException {
    ObjectNode full = (ObjectNode) MAPPER.readTree(new File("sources/heymilo-public-api-v2.openapi.json"));

    ObjectNode viewTree = CodegenView.transform(full);
    String view = viewTree.toString();

    assertFalse(viewTree.get("paths").toString().contains("\"X-API-KEY\""));
    assertFalse(view.contains("\"const\""));
    assertFalse(view.contains("{\"anyOf\":[{},"));
    assertTrue(view.contains("\"CreateWorkflowStep\""));
  }
}
