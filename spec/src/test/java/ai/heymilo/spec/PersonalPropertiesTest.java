package ai.heymilo.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which properties the codegen view marks {@code x-heymilo-personal}: the name rule and the overlay's exceptions. */
class PersonalPropertiesTest {
  private static final String PERSONAL = "x-heymilo-personal";
  private static final Path OVERLAY = Path.of(System.getProperty("basedir", ".")).resolve("overlay/sdk-overlay.json");

  private static JsonNode property(ObjectNode view, String schema, String property) {
    return view.path("components").path("schemas").path(schema).path("properties").path(property);
  }

  private static boolean personal(ObjectNode view, String schema, String property) {
    return property(view, schema, property).path(PERSONAL).asBoolean(false);
  }

  @ParameterizedTest(name = "{0} personal: {1}")
  @CsvSource({
      "email, true", "email2, true", "first_name, true", "last_name, true", "full_name, true", "phone, true",
      "phone_number, true", "transcript, true", "candidate_answer, true", "answer_text, true", "response_text, true",
      "resume_url, true", "resume_link, true", "address, true", "linkedin_url, true", "video_recording_url, true",
      "audio_recording_link, true",
      "email_prefix, false", "status, false", "score, false", "question_text, false", "interviewer_name, false",
      "display_name, false", "answer, false", "phone_calls_enabled, false", "email_report_to_candidate, false"})
  void nameRule_marksContactDetailsTranscriptsAnswersAndResumes(String property, boolean expected) {
    ObjectNode view = ModelHintsTest.withSchemas(
        "{'C': {'type': 'object', 'properties': {'" + property + "': {'type': 'string'}}}}");
    ModelHints.apply(view);

    assertEquals(expected, personal(view, "C", property));
  }

  @Test
  void name_isPersonalBesideAContactDetail_only() {
    ObjectNode view = ModelHintsTest.withSchemas("{'Candidate': {'type': 'object', 'properties': {'name': {'type': 'string'},"
        + " 'email': {'anyOf': [{'type': 'string'}, {'type': 'null'}]}}},"
        + " 'Posting': {'type': 'object', 'properties': {'name': {'type': 'string'}}}}");
    ModelHints.apply(view);

    assertTrue(personal(view, "Candidate", "name"));
    assertTrue(personal(view, "Candidate", "email"));
    assertTrue(property(view, "Candidate", "email").path("anyOf").get(0).path(PERSONAL).asBoolean(), "the non-null branch too");
    assertFalse(personal(view, "Posting", "name"));
  }

  @Test
  void aModelValuedProperty_isJudgedByItsOwnProperties() {
    ObjectNode view = ModelHintsTest.withSchemas("{'Data': {'type': 'object', 'properties': {"
        + "'resume': {'anyOf': [{'$ref': '#/components/schemas/Resume'}, {'type': 'null'}]}}},"
        + " 'Resume': {'type': 'object', 'properties': {'resume_url': {'type': 'string'}, 'score': {'type': 'number'}}}}");
    ModelHints.apply(view);

    assertFalse(personal(view, "Data", "resume"), "the score inside stays visible");
    assertTrue(personal(view, "Resume", "resume_url"));
    assertFalse(personal(view, "Resume", "score"));
  }

  @Test
  void overlay_marksAndUnmarksProperties() {
    SdkOverlay overlay = SdkOverlay.parse("overlay.json", "{'properties': {'Entry.text': {'personal': true},"
        .replace('\'', '"') + "\"Sender.full_email\": {\"personal\": false}}}");
    ObjectNode view = CodegenView.transform(ModelHintsTest.withSchemas("{'Entry': {'type': 'object', 'properties': {'text': {'type': 'string'}}},"
        + " 'Sender': {'type': 'object', 'properties': {'full_email': {'type': 'string'}}}}"), overlay);

    assertTrue(personal(view, "Entry", "text"));
    assertFalse(personal(view, "Sender", "full_email"));
  }

  @Test
  void overlayEntry_namingNoProperty_failsNamingWhatExists() {
    SdkOverlay overlay = SdkOverlay.parse("overlay.json", "{\"properties\": {\"Entry.txt\": {\"personal\": true}}}");

    SpecMergeException error = assertThrows(SpecMergeException.class, () -> CodegenView.transform(
        ModelHintsTest.withSchemas("{'Entry': {'type': 'object', 'properties': {'text': {'type': 'string'}, 'speaker': {'type': 'string'}}}}"),
        overlay));

    assertEquals("overlay.json: properties names property 'Entry.txt', which the spec does not have; known: speaker, text."
        + " Fix or remove the entry.", error.getMessage());
  }

  @Test
  void overlayPersonal_mustBeABoolean() {
    SpecMergeException error = assertThrows(SpecMergeException.class, () -> SdkOverlay.parse("overlay.json",
        "{\"properties\": {\"Entry.text\": {\"personal\": \"yes\"}}}"));

    assertEquals("overlay.json: properties.Entry.text.personal must be true or false", error.getMessage());
  }

  @Test
  void heyMiloSpec_marksCandidateDataAndNothingOperational() {
    ObjectNode view = CodegenView.transform(SpecMerger.merge(SpecLoader.loadDirectory(Path.of("sources"))).spec(),
        SdkOverlay.load(OVERLAY));

    for (String[] marked : new String[][] {{"InterviewDataResponse", "name"}, {"InterviewDataResponse", "email"},
        {"CandidateResponse", "name"}, {"CandidateIngestRequest", "phone_number"}, {"CandidateMatch", "email3"},
        {"PushCandidatePayload", "phone"}, {"WebInterviewResult", "transcript"}, {"TranscriptEntry", "text"},
        {"FormQuestionResult", "candidate_answer"}, {"ResumeResult", "resume_url"}, {"LLMDetectedSegment", "segment_text"}}) {
      assertTrue(personal(view, marked[0], marked[1]), marked[0] + "." + marked[1]);
    }
    for (String[] operational : new String[][] {{"PostingResponse", "name"}, {"InterviewDataResponse", "resume"},
        {"InterviewDataResponse", "status"}, {"SenderEmailResponse", "full_email"}, {"PhoneNumberResponse", "phone_number"},
        {"QuestionResponse", "text"}, {"CreateQuestion", "answer"}}) {
      assertFalse(personal(view, operational[0], operational[1]), operational[0] + "." + operational[1]);
    }
  }
}
