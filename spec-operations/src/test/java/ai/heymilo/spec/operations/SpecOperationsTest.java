package ai.heymilo.spec.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader lists operations with their routes, parameters, statuses and schemas, and matches request paths. */
class SpecOperationsTest {
  static final SpecOperations MINI = SpecOperations.parse(resource("mini.openapi.json"));

  @Test
  void operations_inDocumentOrder_withMethodPathTagAndStatuses() {
    List<String> routes = new ArrayList<>();
    for (Operation op : MINI.operations()) {
      routes.add(op.method() + " " + op.path() + " " + op.operationId() + " " + op.statuses());
    }

    assertEquals(List.of("GET /items listItems [200, 422]", "POST /items createItem [201, 422]",
        "GET /items/list listItemSummaries [200]", "GET /items/{item_id} getItem [200, 404]"), routes);
    assertEquals("Items", MINI.operation("listItems").orElseThrow().tag().orElseThrow());
    assertEquals(201, MINI.operation("createItem").orElseThrow().successStatus());
  }

  @Test
  void parametersAndSchemas_carryTheirPointers() {
    Operation list = MINI.operation("listItems").orElseThrow();
    Parameter limit = list.parameter("query", "limit").orElseThrow();
    Operation create = MINI.operation("createItem").orElseThrow();

    assertEquals("/paths/~1items/get/parameters/0/schema", limit.schemaPointer());
    assertTrue(list.parameter("header", "x-trace").orElseThrow().required(), "header names ignore case");
    assertEquals("CreateItem", create.requestSchemaName().orElseThrow());
    assertEquals("/paths/~1items/post/requestBody/content/application~1json/schema",
        create.requestSchemaPointer("application/json").orElseThrow());
    assertEquals("ItemList", list.responseSchemaName(200).orElseThrow());
    assertTrue(create.requestBodyRequired());
  }

  @Test
  void match_literalSegmentBeatsParameter_andDecodesValues() {
    assertEquals("listItemSummaries", MINI.match("GET", "/items/list").orElseThrow().operation().operationId());
    OperationMatch get = MINI.match("get", "/items/a%20b").orElseThrow();
    assertEquals("getItem", get.operation().operationId());
    assertEquals(Map.of("item_id", "a b"), get.pathParameters());
    assertTrue(MINI.match("DELETE", "/items/1").isEmpty());
    assertTrue(MINI.match("GET", "/items/").isEmpty(), "an empty segment is no id");
  }

  @Test
  void parse_notJsonOrWithoutOperationId_throwsNamingTheProblem() {
    SpecException notJson = assertThrows(SpecException.class, () -> SpecOperations.parse("{"));
    SpecException noId = assertThrows(SpecException.class,
        () -> SpecOperations.parse("{\"paths\": {\"/x\": {\"get\": {\"responses\": {}}}}}"));

    assertTrue(notJson.getMessage().startsWith("the OpenAPI document is not valid JSON: "), notJson.getMessage());
    assertEquals("the OpenAPI document: GET /x has no operationId; every operation needs one", noId.getMessage());
  }

  @Test
  void schemas_validateAgainstAnyPointer() {
    List<SchemaViolation> violations = MINI.schemas().validate("/components/schemas/FormStep",
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "form").put("knockout", "yes"));

    assertEquals(1, violations.size(), violations::toString);
    assertEquals("$.knockout = \"yes\": string found, boolean expected", violations.get(0).toString());
  }

  static String resource(String name) {
    try (InputStream in = SpecOperationsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
