package ai.heymilo.spec;

import static ai.heymilo.spec.Fixtures.document;
import static ai.heymilo.spec.Fixtures.failureMessage;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** References are found where the document structure allows them, and only there. */
class ReferenceCheckerTest {

  @Test
  void check_refLookalikesInLiteralData_areIgnored() {
    String schemas = "{\"Link\": {\"type\": \"object\","
        + " \"examples\": [{\"$ref\": \"#/not/a/reference\"}],"
        + " \"default\": {\"$ref\": \"nowhere\"},"
        + " \"enum\": [{\"$ref\": \"#/nope\"}]}}";
    String paths = "{\"/links\": {\"get\": {\"responses\": {\"200\": {\"description\": \"OK\", \"content\":"
        + " {\"application/json\": {\"example\": {\"$ref\": \"#/nope\"},"
        + " \"examples\": {\"one\": {\"value\": {\"$ref\": \"#/nope\"}}}}}}}}}}";

    assertDoesNotThrow(() -> check(document(paths, schemas)));
  }

  @Test
  void check_propertyNamedRef_isASchemaWhoseReferencesAreChecked() {
    String schemas = "{\"Odd\": {\"type\": \"object\", \"properties\": {\"$ref\":"
        + " {\"$ref\": \"#/components/schemas/Missing\"}}}}";

    assertEquals("test.json: $ref at /components/schemas/Odd/properties/$ref/$ref points to"
            + " #/components/schemas/Missing, which does not exist in this document.",
        failureMessage(() -> check(document("{}", schemas))));
  }

  @Test
  void check_propertyNamedExamples_isASchemaWhoseReferencesAreChecked() {
    String schemas = "{\"Odd\": {\"type\": \"object\", \"properties\": {\"examples\":"
        + " {\"type\": \"array\", \"items\": {\"$ref\": \"#/components/schemas/Missing\"}}}}}";

    assertEquals("test.json: $ref at /components/schemas/Odd/properties/examples/items/$ref points to"
            + " #/components/schemas/Missing, which does not exist in this document.",
        failureMessage(() -> check(document("{}", schemas))));
  }

  @Test
  void check_refsInParametersAndExtensions_areChecked() {
    String paths = "{\"/pets\": {\"parameters\": [{\"$ref\": \"#/components/parameters/Limit\"}],"
        + " \"get\": {\"responses\": {\"200\": {\"description\": \"OK\"}}}}}";

    assertEquals("test.json: $ref at /paths/~1pets/parameters/0/$ref points to #/components/parameters/Limit,"
            + " which does not exist in this document.",
        failureMessage(() -> check(document(paths, "{}"))));
  }

  private static void check(String text) {
    ReferenceChecker.check("test.json", SpecJson.parseDocument("test.json", text));
  }
}
