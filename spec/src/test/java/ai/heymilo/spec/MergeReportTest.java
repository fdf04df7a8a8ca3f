package ai.heymilo.spec;

import static ai.heymilo.spec.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MergeReportTest {

  @Test
  void render_listsSourcesResultSharedPartsAndAgreement() {
    String getPet = "{\"/pets\": {\"get\": {\"operationId\": \"listPets\","
        + " \"responses\": {\"200\": {\"description\": \"OK\"}}}}}";
    MergeResult result = Fixtures.merge(
        source("full.json", getPet,
            "{\"Pet\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"},"
                + " \"tag\": {\"type\": \"string\"}}},"
                + " \"Error\": {\"type\": \"string\"}, \"Id\": {\"type\": \"string\"}}"),
        source("small.json", getPet,
            "{\"Pet\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}},"
                + " \"Error\": {\"type\": \"string\", \"description\": \"An error.\"},"
                + " \"Id\": {\"type\": \"string\"}}"));

    assertEquals(""
        + "Spec merge: 2 sources\n"
        + "  full.json     1 paths    1 operations    3 schemas\n"
        + "  small.json    1 paths    1 operations    3 schemas\n"
        + "Result: 1 paths, 1 operations, 3 schemas\n"
        + "Operations in several sources, unified: 1\n"
        + "  identical (1): GET /pets\n"
        + "Schemas in several sources, unified: 3\n"
        + "  identical (1): Id\n"
        + "  annotations differ, richer kept (1): Error\n"
        + "  property union (1): Pet (+tag from full.json)\n"
        + "Agreed in all sources: openapi, info, servers, security\n"
        + "Other components united by name: securitySchemes (Key)\n"
        + "Conflicts: none\n", result.report().render());
  }

  @Test
  void render_manySharedSchemas_staysOnOneScreen() {
    StringBuilder schemas = new StringBuilder("{");
    for (int i = 0; i < 200; i++) {
      schemas.append(i == 0 ? "" : ", ").append("\"SomeRatherLongSchemaName").append(i).append("\": {}");
    }
    String shared = schemas.append("}").toString();

    String rendered = Fixtures.merge(source("a.json", "{}", shared), source("b.json", "{}", shared)).report().render();

    assertTrue(rendered.lines().count() <= 30, rendered);
    assertTrue(rendered.contains(", ... and 188 more\n"), rendered);
  }
}
