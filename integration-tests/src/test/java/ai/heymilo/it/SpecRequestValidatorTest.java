package ai.heymilo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.it.SpecRequestValidator.Result;
import ai.heymilo.it.SpecRequestValidator.SentRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request validator catches what the contract test relies on it to catch, and names operation and field. */
class SpecRequestValidatorTest {
  private static final SpecRequestValidator VALIDATOR = SpecRequestValidator.load();
  private static final Map<String, List<String>> KEY = Map.of("X-API-KEY", List.of("hm_sandbox_key"));
  private static final Map<String, List<String>> KEY_AND_JSON =
      Map.of("X-API-KEY", List.of("hm_sandbox_key"), "Content-Type", List.of("application/json; charset=UTF-8"));

  @Test
  void validList_passes() {
    Result result = validate("GET", "/api/v2/postings?limit=20&starting_after=13D77095&search=service", KEY, "");

    assertEquals(List.of(), result.problems());
    assertEquals("listPostings", result.operation().orElseThrow().operationId());
  }

  @Test
  void literalSegment_beatsPathParameter() {
    assertEquals("listPostingSummaries", validate("GET", "/api/v2/postings/list", KEY, "").operation().orElseThrow().operationId());
    assertEquals("getPosting", validate("GET", "/api/v2/postings/13D77095", KEY, "").operation().orElseThrow().operationId());
  }

  @Test
  void limitBelowMinimum_namesOperationAndParameter() {
    assertEquals(List.of("listPostings (GET /api/v2/postings?limit=0): query parameter 'limit': Input should be greater than or equal to 1"),
        validate("GET", "/api/v2/postings?limit=0", KEY, "").problems());
  }

  @Test
  void limitNotAnInteger_isNamed() {
    assertEquals(List.of("listWebhooks (GET /api/v2/webhooks?limit=ten): query parameter 'limit': Input should be a valid integer, unable to parse "
        + "string as an integer"),
        validate("GET", "/api/v2/webhooks?limit=ten", KEY, "").problems());
  }

  @Test
  void enumOutOfRange_isNamed() {
    List<String> problems = validate("GET", "/api/v2/postings/13D77095/questions?modality=video", KEY, "").problems();

    // anyOf [enum, null]: only the enum is reported, as the API reports it.
    assertEquals(List.of("listQuestions (GET /api/v2/postings/13D77095/questions?modality=video): query parameter 'modality': "
        + "Input should be 'voice', 'sms', 'form', 'resume_eligibility', 'resume_scoring' or 'voice_tags'"), problems);
  }

  @Test
  void undeclaredQueryParameter_isNamed() {
    List<String> problems = validate("GET", "/api/v2/voices?page=2", KEY, "").problems();

    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("listVoices (GET /api/v2/voices?page=2): query parameter 'page': not declared"),
        problems.get(0));
  }

  @Test
  void missingApiKey_isNamed() {
    assertEquals(List.of("getPosting (GET /api/v2/postings/13D77095): security: no credential sent: header X-API-KEY (ApiKeyAuth)"),
        validate("GET", "/api/v2/postings/13D77095", Map.of(), "").problems());
  }

  @Test
  void bodyAgainstRequestSchema_namesTheField() {
    List<String> problems = validate("POST", "/api/v2/webhooks", KEY_AND_JSON,
        "{\"posting_id\": \"13D77095\", \"webhook_url\": 42, \"event_type\": \"interview_completed\"}").problems();

    assertEquals(List.of("createWebhook (POST /api/v2/webhooks): body $.webhook_url: Input should be a valid string"), problems);
  }

  @Test
  void missingRequiredBodyField_isNamed() {
    List<String> problems = validate("POST", "/api/v2/postings", KEY_AND_JSON, "{\"description\": \"no title\"}").problems();

    assertEquals(List.of("createPosting (POST /api/v2/postings): body $.title: Field required"), problems);
  }

  @Test
  void missingRequiredBody_isNamed() {
    assertEquals(List.of("createPosting (POST /api/v2/postings): body: Field required"),
        validate("POST", "/api/v2/postings", KEY, "").problems());
  }

  @Test
  void bodyOnOperationWithoutOne_isNamed() {
    assertEquals(List.of("archivePosting (POST /api/v2/postings/13D77095/archive): body: sent 2 bytes, but the operation takes "
        + "no request body"), validate("POST", "/api/v2/postings/13D77095/archive", KEY_AND_JSON, "{}").problems());
  }

  @Test
  void unknownRouteAndWrongMethod_areNamed() {
    assertEquals(List.of("GET /api/v2/candidates: no operation in the spec has this path"),
        validate("GET", "/api/v2/candidates", KEY, "").problems());
    assertEquals(List.of("PUT /api/v2/postings/13D77095: no PUT operation on this path (the spec has GET /api/v2/postings/{posting_id}, "
        + "PATCH /api/v2/postings/{posting_id})"), validate("PUT", "/api/v2/postings/13D77095", KEY, "").problems());
  }

  private static Result validate(String method, String url, Map<String, List<String>> headers, String body) {
    return VALIDATOR.validate(new SentRequest(method, url, headers, body.getBytes(StandardCharsets.UTF_8)));
  }
}
