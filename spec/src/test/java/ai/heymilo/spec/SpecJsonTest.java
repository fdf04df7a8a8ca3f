package ai.heymilo.spec;

import static ai.heymilo.spec.Fixtures.failureMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpecJsonTest {

  @Test
  void write_usesTheCanonicalLayout() {
    String text = "{\"a\": [1, {\"b\": \"é\"}], \"empty\": {}, \"none\": [], \"n\": null}";

    assertEquals("{\n"
        + "  \"a\": [\n"
        + "    1,\n"
        + "    {\n"
        + "      \"b\": \"é\"\n"
        + "    }\n"
        + "  ],\n"
        + "  \"empty\": {},\n"
        + "  \"none\": [],\n"
        + "  \"n\": null\n"
        + "}\n", SpecJson.write(SpecJson.parseDocument("t.json", text)));
  }

  @Test
  void parseThenWrite_keepsNumbersAsWritten() {
    String text = "{\"a\": 1739715600.0, \"b\": 0.10, \"c\": 78.5, \"d\": 12345678901234567890, \"e\": 1e-05}";

    String written = SpecJson.write(SpecJson.parseDocument("t.json", text));

    assertEquals("{\n  \"a\": 1739715600.0,\n  \"b\": 0.10,\n  \"c\": 78.5,\n  \"d\": 12345678901234567890,\n"
        + "  \"e\": 0.00001\n}\n", written);
  }

  @Test
  void parseDocument_syntaxError_namesFileLineAndColumn() {
    String message = failureMessage(() -> SpecJson.parseDocument("broken.json", "{\n  \"a\": 1,\n  \"b\": ]\n}"));

    assertEquals("broken.json is not valid JSON at line 3, column 8: Unexpected character (']' (code 93)):"
        + " expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", message);
  }

  @Test
  void parseDocument_duplicateKey_fails() {
    String message = failureMessage(() -> SpecJson.parseDocument("dup.json", "{\"a\": 1,\n \"a\": 2}"));

    assertEquals("dup.json is not valid JSON at line 2, column 5: Duplicate field 'a'", message);
  }

  @Test
  void parseDocument_trailingContent_fails() {
    String message = failureMessage(() -> SpecJson.parseDocument("two.json", "{}\n{}"));

    assertEquals("two.json is not valid JSON at line 2, column 1: Trailing token (of type START_OBJECT) found after"
        + " value (bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
        + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`", message);
  }

  @Test
  void parseDocument_notAnObject_fails() {
    assertEquals("list.json is not an OpenAPI document: expected a JSON object at the top level but found array.",
        failureMessage(() -> SpecJson.parseDocument("list.json", "[]")));
    assertEquals("blank.json is not an OpenAPI document: expected a JSON object at the top level but found nothing.",
        failureMessage(() -> SpecJson.parseDocument("blank.json", "  ")));
  }
}
