package ai.heymilo.spec.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of invalid request is reported as the API reports it: location, message, type and context. */
class RequestValidatorTest {
  private static final SpecOperations SPEC = SpecOperationsTest.MINI;
  private static final RequestValidator VALIDATOR = new RequestValidator(SPEC);
  private static final Map<String, List<String>> TRACE = Map.of("x-trace", List.of("t1"));
  private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

  @Test
  void validRequests_haveNoViolations() {
    assertEquals(List.of(), get("/items", "limit=100&modality=voice"));
    assertEquals(List.of(), post("{\"title\": \"Barista\", \"score_weight\": null, \"steps\": [{\"type\": \"video\", \"num_questions\": 3}]}"));
  }

  @Test
  void queryInteger_notANumberOrOutOfRange() {
    assertEquals(List.of("query.limit: Input should be a valid integer, unable to parse string as an integer (int_parsing)"),
        strings(get("/items", "limit=ten")));
    List<Violation> zero = get("/items", "limit=0");
    assertEquals(List.of("query.limit: Input should be greater than or equal to 1 (greater_than_equal)"), strings(zero));
    assertEquals(Map.of("ge", 1L), zero.get(0).ctx());
    assertEquals(List.of("query.limit: Input should be less than or equal to 100 (less_than_equal)"), strings(get("/items", "limit=101")));
  }

  @Test
  void queryEnum_nullableUnion_reportsTheEnumOnly() {
    assertEquals(List.of("query.modality: Input should be 'voice', 'sms' or 'form' (enum)"), strings(get("/items", "modality=vioce")));
  }

  @Test
  void requiredHeaderAndBody_missing() {
    OperationMatch list = SPEC.match("GET", "/items").orElseThrow();
    OperationMatch create = SPEC.match("POST", "/items").orElseThrow();

    assertEquals(List.of("header.x-trace: Field required (missing)"), strings(VALIDATOR.validate(list, "", Map.of(), new byte[0])));
    assertEquals(List.of("body: Field required (missing)"), strings(VALIDATOR.validate(create, "", JSON, new byte[0])));
  }

  @Test
  void body_requiredFieldTypesLengthsAndRanges() {
    assertEquals(List.of("body.title: Field required (missing)"), strings(post("{}")));
    assertEquals(List.of("body.title: String should have at least 3 characters (string_too_short)"), strings(post("{\"title\": \"ab\"}")));
    assertEquals(List.of("body.title: Input should be a valid string (string_type)"), strings(post("{\"title\": 5}")));
    assertEquals(List.of("body.score_weight: Input should be less than or equal to 10 (less_than_equal)"),
        strings(post("{\"title\": \"Barista\", \"score_weight\": 99}")));
    assertEquals(List.of("body.score_weight: Input should be a valid integer, got a number with a fractional part (int_from_float)"),
        strings(post("{\"title\": \"Barista\", \"score_weight\": 2.5}")));
    assertEquals(List.of("body.tags: List should have at least 1 item after validation, not 0 (too_short)"),
        strings(post("{\"title\": \"Barista\", \"tags\": []}")));
    assertEquals(List.of("body.metadata.stage: Input should be a valid string (string_type)"),
        strings(post("{\"title\": \"Barista\", \"metadata\": {\"stage\": 2}}")));
  }

  @Test
  void taggedUnion_unknownTag_isUnionTagInvalidAtTheItem() {
    List<Violation> violations = post("{\"title\": \"Barista\", \"steps\": [{\"type\": \"bogus_type\"}]}");

    assertEquals(List.of("body.steps.0: Input tag 'bogus_type' found using 'type' does not match any of the expected tags: 'video', "
        + "'form' (union_tag_invalid)"), strings(violations));
    assertEquals(List.of("body", "steps", 0), violations.get(0).loc());
  }

  @Test
  void taggedUnion_knownTag_reportsOnlyThatMember_withTheTagInTheLocation() {
    List<Violation> violations = post("{\"title\": \"Barista\", \"steps\": [{\"type\": \"form\"}, {\"type\": \"video\", \"num_questions\": 0}]}");

    assertEquals(List.of("body.steps.1.video.num_questions: Input should be greater than or equal to 1 (greater_than_equal)"),
        strings(violations));
  }

  @Test
  void body_notJson_isJsonInvalid() {
    List<Violation> violations = post("{\"title\": ");

    assertEquals(1, violations.size());
    assertEquals("json_invalid", violations.get(0).type());
    assertEquals("JSON decode error", violations.get(0).msg());
    assertEquals("body", violations.get(0).loc().get(0));
  }

  @Test
  void everyProblem_isReportedAtOnce() {
    List<Violation> violations = VALIDATOR.validate(SPEC.match("POST", "/items").orElseThrow(), "", JSON,
        "{\"title\": \"ab\", \"score_weight\": 0}".getBytes(StandardCharsets.UTF_8));

    assertEquals(List.of("body.title", "body.score_weight"), fields(violations));
  }

  private static List<Violation> get(String path, String query) {
    return VALIDATOR.validate(SPEC.match("GET", path).orElseThrow(), query, TRACE, new byte[0]);
  }

  private static List<Violation> post(String body) {
    return VALIDATOR.validate(SPEC.match("POST", "/items").orElseThrow(), "", JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> strings(List<Violation> violations) {
    List<String> strings = new ArrayList<>();
    violations.forEach(v -> strings.add(v.toString()));
    return strings;
  }

  private static List<String> fields(List<Violation> violations) {
    List<String> fields = new ArrayList<>();
    violations.forEach(v -> fields.add(v.field()));
    return fields;
  }
}
