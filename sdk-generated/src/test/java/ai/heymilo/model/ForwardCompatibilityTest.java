package ai.heymilo.model;

import static ai.heymilo.model.JsonRoundTrip.assertRoundTrip;
import static ai.heymilo.model.JsonRoundTrip.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.JsonRoundTrip.Library;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a newer server may send must decode, stay readable and encode back unchanged. */
class ForwardCompatibilityTest {

  private static JsonNode json(String text) {
    try {
      return MergedSpec.MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void unknownProperties_areKeptAtEveryLevel(Library library) {
    JsonNode body = json("{'data': {'interview_id': 'iv_1', 'new_top': {'a': [1, 2.5, null]},"
        + " 'web_interview': {'match_score': 80, 'new_nested': 'x'}}, 'meta': null, 'new_envelope': true}");

    SingleResponseInterviewDataResponse decoded = assertRoundTrip(library, body, SingleResponseInterviewDataResponse.class);

    assertEquals(Map.of("a", Arrays.asList(1L, 2.5, null)), decoded.getData().getAdditionalProperty("new_top"));
    assertEquals("x", decoded.getData().getWebInterview().getAdditionalProperty("new_nested"));
    assertEquals(true, decoded.getAdditionalProperty("new_envelope"));
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void explicitNulls_areKeptAndReported(Library library) {
    JsonNode body = json("{'interview_id': 'iv_1', 'score': null, 'web_interview': null, 'metadata': {}}");

    InterviewDataResponse decoded = assertRoundTrip(library, body, InterviewDataResponse.class);

    assertNull(decoded.getScore());
    assertTrue(decoded.isExplicitNull("score"));
    assertTrue(decoded.isExplicitNull("web_interview"));
    assertFalse(decoded.isExplicitNull("resume"), "absent is not an explicit null");
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void unknownEnumValue_staysReadableAndRoundTrips(Library library) {
    JsonNode body = json("{'id': 'q1', 'response_format': 'audio_clip'}");

    QuestionResponse decoded = assertRoundTrip(library, body, QuestionResponse.class);

    assertEquals("audio_clip", decoded.getResponseFormat().value());
    assertFalse(decoded.getResponseFormat().isKnown());
    assertEquals(QuestionResponse.ResponseFormatEnum.Known.UNRECOGNIZED, decoded.getResponseFormat().known());
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void knownEnumValue_isTheConstant(Library library) {
    QuestionResponse decoded = decode(library, "{\"response_format\": \"date\"}", QuestionResponse.class);

    assertEquals(QuestionResponse.ResponseFormatEnum.DATE, decoded.getResponseFormat());
    assertEquals(QuestionResponse.ResponseFormatEnum.Known.DATE, decoded.getResponseFormat().known());
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void unexpectedObjectTag_decodes(Library library) {
    JsonNode body = json("{'object': 'interview_data_v3', 'interview_id': 'iv_1'}");

    InterviewDataResponse decoded = assertRoundTrip(library, body, InterviewDataResponse.class);

    assertEquals("interview_data_v3", decoded.getObject());
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void validationErrorLocation_keepsStringsAndIntegers(Library library) {
    JsonNode body = json("{'detail': [{'loc': ['body', 'workflow', 0, 'config'], 'msg': 'Field required', 'type': 'missing',"
        + " 'input': {'limit': 5}, 'ctx': {'ge': 1}}]}");

    HTTPValidationError decoded = assertRoundTrip(library, body, HTTPValidationError.class);

    ValidationError error = decoded.getDetail().get(0);
    assertEquals(List.of("body", "workflow", 0L, "config"), error.getLoc());
    assertEquals(Map.of("limit", 5L), error.getAdditionalProperty("input"));
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void freeformMaps_decodeIntegersAsLongAndFractionsAsDouble(Library library) {
    JsonNode body = json("{'item_id': 'i1', 'status': 'done', 'success_details': {'attempts': 3, 'ratio': 0.25, 'big': 12345678901234,"
        + " 'whole_float': 2.0, 'nested': [{'n': 1}]}}");

    QueueItemStatus decoded = assertRoundTrip(library, body, QueueItemStatus.class);

    Map<String, Object> details = decoded.getSuccessDetails();
    assertEquals(3L, details.get("attempts"));
    assertEquals(0.25, details.get("ratio"));
    assertEquals(12345678901234L, details.get("big"));
    assertEquals(2.0, details.get("whole_float"));
    assertEquals(List.of(Map.of("n", 1L)), details.get("nested"));
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void wrongTypeForADeclaredProperty_failsNamingThePath(Library library) {
    RuntimeException error = assertThrows(RuntimeException.class,
        () -> decode(library, "{\"data\": {\"interview_id\": \"iv_1\", \"workflow\": {\"steps\": \"not-a-list\"}}}",
            SingleResponseInterviewDataResponse.class));

    assertTrue(error.getMessage().contains("$.data.workflow.steps"), error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void wrongShapeForAFreeformProperty_failsNamingThePath(Library library) {
    RuntimeException error = assertThrows(RuntimeException.class,
        () -> decode(library, "{\"item_id\": \"i1\", \"success_details\": [1, 2]}", QueueItemStatus.class));

    assertTrue(error.getMessage().contains("Expected an object but was an array at path $.success_details"), error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void textWhereANumberBelongs_failsNamingThePath(Library library) {
    RuntimeException error = assertThrows(RuntimeException.class,
        () -> decode(library, "{\"interview_id\": \"iv_1\", \"score\": \"high\"}", InterviewDataResponse.class));

    assertTrue(error.getMessage().contains("path $.score"), error.getMessage());
  }
}
