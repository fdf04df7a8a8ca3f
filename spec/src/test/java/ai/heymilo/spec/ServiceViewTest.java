package ai.heymilo.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service view's rules and the SDK overlay's checks, on small documents and on the real sources. */
class ServiceViewTest {
  private static final Path SOURCES = Path.of(System.getProperty("basedir", ".")).resolve("sources");
  private static final Path OVERLAY = Path.of(System.getProperty("basedir", ".")).resolve("overlay/sdk-overlay.json");

  /** A document with one tag's operations: GET/POST /api/v2/widgets and GET/PATCH/DELETE /api/v2/widgets/{widget_id}. */
  private static ObjectNode widgets() {
    String single = "{'type': 'object', 'properties': {'data': {'$ref': '#/components/schemas/Widget'}, 'meta': {}}}";
    String list = "{'type': 'object', 'properties': {'data': {'type': 'array', 'items': {'$ref': '#/components/schemas/Widget'}},"
        + " 'pagination': {}}}";
    String ok = "{'200': {'content': {'application/json': {'schema': {'$ref': '#/components/schemas/SingleWidget'}}}}}";
    String page = "{'200': {'content': {'application/json': {'schema': {'$ref': '#/components/schemas/ListWidget'}}}}}";
    String id = "{'name': 'widget_id', 'in': 'path', 'required': true, 'schema': {'type': 'string'}}";
    String json = "{'openapi': '3.1.0', 'tags': [{'name': 'Widget Parts', 'description': 'Widgets and their parts.'}], 'paths': {"
        + "'/api/v2/widgets': {"
        + "  'get': {'operationId': 'listWidgetParts', 'tags': ['Widget Parts'], 'parameters': ["
        + "    {'name': 'limit', 'in': 'query', 'schema': {'type': 'integer', 'minimum': 1, 'maximum': 100}},"
        + "    {'name': 'starting_after', 'in': 'query', 'schema': {'anyOf': [{'type': 'string'}, {'type': 'null'}]}},"
        + "    {'name': 'X-Trace-Level', 'in': 'header', 'schema': {'type': 'string'}}], 'responses': " + page + "},"
        + "  'post': {'operationId': 'createWidgetPart', 'tags': ['Widget Parts'], 'requestBody': {'content': {'application/json':"
        + "    {'schema': {'$ref': '#/components/schemas/Widget'}}}}, 'responses': " + ok + "}},"
        + "'/api/v2/widgets/{widget_id}': {"
        + "  'get': {'operationId': 'getWidgetPart', 'tags': ['Widget Parts'], 'parameters': [" + id + "], 'responses': " + ok + "},"
        + "  'patch': {'operationId': 'renameWidgetPart', 'tags': ['Widget Parts'], 'parameters': [" + id + "], 'responses': " + ok + "},"
        + "  'delete': {'operationId': 'deleteWidgetPart', 'tags': ['Widget Parts'], 'parameters': [" + id + "], 'responses': " + ok + "}}},"
        + "'components': {'schemas': {"
        + "  'Widget': {'type': 'object', 'properties': {'id': {'type': 'string'}, 'status': {'type': 'string'}}},"
        + "  'SingleWidget': " + single + ", 'ListWidget': " + list + "}}}";
    return SpecJson.parseDocument("widgets.json", json.replace('\'', '"'));
  }

  private static JsonNode operation(ObjectNode view, String path, String method) {
    return view.path("paths").path(path).path(method);
  }

  @Test
  void rules_nameTheResourceMethodRetryClassAndResult() {
    ObjectNode view = ServiceView.transform(widgets(), SdkOverlay.empty());

    JsonNode list = operation(view, "/api/v2/widgets", "get");
    assertEquals("widgetParts", list.path("x-heymilo-resource").asText());
    assertEquals("WidgetPartsService", list.path("x-heymilo-service").asText());
    assertEquals("list", list.path("x-heymilo-method").asText(), "the resource's noun is left out");
    assertEquals("page", list.path("x-heymilo-kind").asText(), "a list envelope with starting_after pages");
    assertEquals("PagedIterable<Widget>", list.path("x-heymilo-result-type").asText());
    assertEquals("getId", list.path("x-heymilo-cursor-getter").asText());
    assertEquals("ListWidgetPartsParams", list.path("x-heymilo-params-class").asText());
    assertTrue(list.path("x-heymilo-idempotent").asBoolean());
    assertEquals("[\"WidgetParts\"]", list.path("tags").toString(), "one generated service per resource");

    JsonNode create = operation(view, "/api/v2/widgets", "post");
    assertEquals("create", create.path("x-heymilo-method").asText());
    assertFalse(create.path("x-heymilo-idempotent").asBoolean(), "a POST is not repeated unless the overlay says so");
    assertEquals("Widget request", create.path("x-heymilo-args-decl").asText());
    assertEquals("Widget", create.path("x-heymilo-result-type").asText(), "a {data, meta} envelope returns its data");

    assertEquals("rename", operation(view, "/api/v2/widgets/{widget_id}", "patch").path("x-heymilo-method").asText());
    assertFalse(operation(view, "/api/v2/widgets/{widget_id}", "patch").path("x-heymilo-idempotent").asBoolean());
    assertTrue(operation(view, "/api/v2/widgets/{widget_id}", "delete").path("x-heymilo-idempotent").asBoolean());
    assertEquals("String widgetId", operation(view, "/api/v2/widgets/{widget_id}", "get").path("x-heymilo-args-decl").asText());
  }

  @Test
  void paramsSchema_holdsExactlyTheQueryAndHeaderParameters() {
    ObjectNode view = ServiceView.transform(widgets(), SdkOverlay.empty());

    JsonNode params = view.at("/components/schemas/ListWidgetPartsParams");
    assertEquals("listWidgetParts", params.at("/x-heymilo-params/operation").asText());
    assertEquals("[\"limit\",\"starting_after\",\"trace_level\"]", fieldNames(params.path("properties")));
    assertEquals("X-Trace-Level", params.at("/properties/trace_level/x-heymilo-wire-name").asText());
    assertEquals("traceLevel", params.at("/properties/trace_level/x-heymilo-setter").asText(), "X- is dropped from header names");
    assertEquals("long", params.at("/properties/limit/x-heymilo-primitive").asText());
    assertTrue(params.at("/properties/starting_after/anyOf/0/x-heymilo-cursor").asBoolean(),
        "marks reach the non-null branch the generator reads");
  }

  @Test
  void overlay_overridesNameRetryAndCursor() {
    SdkOverlay overlay = SdkOverlay.parse("overlay.json", ("{'resources': {'Widget Parts': 'parts'}, 'operations': {"
        + "'renameWidgetPart': {'method': 'rename', 'retry': 'safe'}}}").replace('\'', '"'));

    ObjectNode view = ServiceView.transform(widgets(), overlay);

    JsonNode rename = operation(view, "/api/v2/widgets/{widget_id}", "patch");
    assertEquals("parts", rename.path("x-heymilo-resource").asText());
    assertEquals("PartsService", rename.path("x-heymilo-service").asText());
    assertTrue(rename.path("x-heymilo-idempotent").asBoolean());
  }

  @Test
  void overlayEntry_namingNothing_failsNamingIt() {
    SdkOverlay overlay = SdkOverlay.parse("overlay.json", "{\"operations\": {\"renameWidget\": {\"retry\": \"safe\"}}}");

    SpecMergeException error = assertThrows(SpecMergeException.class, () -> ServiceView.transform(widgets(), overlay));

    assertEquals("overlay.json: operations names operation 'renameWidget', which the spec does not have; known: "
        + "createWidgetPart, deleteWidgetPart, getWidgetPart, listWidgetParts, renameWidgetPart. Fix or remove the entry.",
        error.getMessage());
  }

  @Test
  void overlayEntry_unknownKey_failsNamingTheAllowedOnes() {
    SpecMergeException error = assertThrows(SpecMergeException.class, () -> SdkOverlay.parse("overlay.json",
        "{\"operations\": {\"getWidgetPart\": {\"retries\": \"safe\"}}}"));

    assertEquals("overlay.json: unknown key 'retries' in operations.getWidgetPart; allowed: body, cursor, method, retry, returns",
        error.getMessage());
  }

  @Test
  void overlayCursor_namingNoItemProperty_fails() {
    SdkOverlay overlay = SdkOverlay.parse("overlay.json", "{\"operations\": {\"listWidgetParts\": {\"cursor\": \"part_id\"}}}");

    SpecMergeException error = assertThrows(SpecMergeException.class, () -> ServiceView.transform(widgets(), overlay));

    assertEquals("The items of listWidgetParts (Widget) have no property 'part_id' to page by; set operations.listWidgetParts.cursor "
        + "in the SDK overlay to the property holding the cursor", error.getMessage());
  }

  @Test
  void twoOperationsWithTheSameMethod_failNamingBoth() {
    SdkOverlay overlay = SdkOverlay.parse("overlay.json", "{\"operations\": {\"renameWidgetPart\": {\"method\": \"delete\"}}}");

    SpecMergeException error = assertThrows(SpecMergeException.class, () -> ServiceView.transform(widgets(), overlay));

    assertTrue(error.getMessage().contains("would both be widgetParts().delete(...)"), error.getMessage());
  }

  @Test
  void waitOnAMissingStatusProperty_fails() {
    SdkOverlay overlay = SdkOverlay.parse("overlay.json", ("{'waits': {'getWidgetPart': {'method': 'awaitReady', 'status': 'state',"
        + " 'pending': ['building'], 'describe': 'widget {widget_id}'}}}").replace('\'', '"'));

    SpecMergeException error = assertThrows(SpecMergeException.class, () -> ServiceView.transform(widgets(), overlay));

    assertEquals("waits.getWidgetPart.status in the SDK overlay names 'state', which Widget does not have; known: id, status",
        error.getMessage());
  }

  @Test
  void methodName_rule() {
    assertEquals("listSummaries", ServiceView.methodName("listPostingSummaries", "postings", "Interviewers"));
    assertEquals("updateWorkflowStep", ServiceView.methodName("updateInterviewerWorkflowStep", "postings", "Interviewers"));
    assertEquals("getPushStatus", ServiceView.methodName("getAtsPushStatus", "ats", "ATS"));
    assertEquals("check", ServiceView.methodName("healthCheck", "health", "Health"));
    assertEquals("listAgentTypes", ServiceView.methodName("listAgentTypes", "schemas", "Schema Discovery"));
    assertEquals("postings", ServiceView.methodName("postings", "postings", "Interviewers"), "nothing left: the id itself");
  }

  @Test
  void realSources_everyOperationGetsAServiceMethod(@TempDir Path output) throws Exception {
    SpecPipeline.run(SOURCES, SdkOverlay.load(OVERLAY), output, new PrintStream(new ByteArrayOutputStream()));

    JsonNode view = SpecJson.parseDocument("service.openapi.json", Files.readString(output.resolve(SpecPipeline.SERVICE_SPEC)));
    int operations = 0;
    for (JsonNode pathItem : view.path("paths")) {
      for (JsonNode operation : pathItem) {
        if (operation.has("operationId")) {
          operations++;
          assertTrue(operation.has("x-heymilo-method") && operation.has("x-heymilo-kind"), operation.path("operationId").asText());
        }
      }
    }
    assertEquals(SpecStats.of(view).operations(), operations);
    assertEquals("awaitData", view.at("/paths/~1api~1v2~1interviews~1{interview_id}~1data/get/x-heymilo-wait/method").asText());
    assertEquals("\"interview \" + interviewId + \" data\"",
        view.at("/paths/~1api~1v2~1interviews~1{interview_id}~1data/get/x-heymilo-wait/describe").asText());
  }

  private static String fieldNames(JsonNode node) {
    StringBuilder out = new StringBuilder("[");
    node.fieldNames().forEachRemaining(name -> out.append(out.length() > 1 ? "," : "").append('"').append(name).append('"'));
    return out.append(']').toString();
  }
}
