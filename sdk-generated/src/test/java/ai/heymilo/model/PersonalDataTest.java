package ai.heymilo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Personal data is masked in toString() by schema and in JSON text by name; toUnmaskedString() shows it. */
class PersonalDataTest {

  @Test
  void toString_masksThePersonalPropertiesOfTheSchema_andNestedModels() {
    InterviewDataResponse data = new InterviewDataResponse().interviewId("iv_1").name("Ada Lovelace").email("ada@example.com")
        .score(78.5).webInterview(new WebInterviewResult().addTranscriptEntry(new TranscriptEntry().speaker("candidate").text("I led a team")));

    assertEquals("InterviewDataResponse{interview_id=iv_1, name=***, email=***, score=78.5,"
        + " web_interview=WebInterviewResult{transcript=***}}", data.toString());
  }

  @Test
  void toUnmaskedString_showsEverything() {
    InterviewDataResponse data = new InterviewDataResponse().interviewId("iv_1").name("Ada Lovelace")
        .webInterview(new WebInterviewResult().addTranscriptEntry(new TranscriptEntry().text("I led a team")));

    assertEquals("InterviewDataResponse{interview_id=iv_1, name=Ada Lovelace,"
        + " web_interview=WebInterviewResult{transcript=[TranscriptEntry{text=I led a team}]}}", data.toUnmaskedString());
  }

  @Test
  void toString_keepsNullsAndNonPersonalNamesOfOtherSchemas() {
    assertEquals("PostingResponse{name=Senior Barista}", new PostingResponse().name("Senior Barista").toString());
    assertEquals("CandidateMatch{email=null}", new CandidateMatch().email(null).toString());
  }

  @Test
  void toString_masksAdditionalPropertiesAndFreeformEntriesWithPersonalNames() {
    CandidateResponse candidate = new CandidateResponse().interviewId("iv_2");
    candidate.putAdditionalProperty("phone", "+1 555 0100");
    candidate.putAdditionalProperty("extra", Map.of("email", "x@example.com"));
    candidate.putAdditionalProperty("tags", List.of("a"));

    assertEquals("CandidateResponse{interview_id=iv_2, phone=***, extra={email=***}, tags=[a]}", candidate.toString());
    assertTrue(candidate.toUnmaskedString().contains("phone=+1 555 0100"), candidate.toUnmaskedString());
  }

  @Test
  void propertyNames_comeFromTheSpec() {
    assertTrue(PersonalData.propertyNames().containsAll(List.of("name", "email", "phone_number", "transcript", "candidate_answer",
        "resume_url", "first_name", "last_name")), PersonalData.propertyNames().toString());
    assertFalse(PersonalData.isPersonal("status"));
    assertFalse(PersonalData.isPersonal("interview_id"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "string | {\"email\": \"ada@example.com\", \"status\": \"completed\"} | {\"email\": \"***\", \"status\": \"completed\"}",
      "nested and compact | {\"data\":{\"name\":\"Ada\",\"score\":1}} | {\"data\":{\"name\":\"***\",\"score\":1}}",
      "array value | {\"transcript\": [{\"text\": \"hi\"}], \"ok\": true} | {\"transcript\": \"***\", \"ok\": true}",
      "number and escapes | {\"phone\": 5550100, \"text\": \"say \\\"hi\\\" \\\\\", \"x\": 1} | {\"phone\": \"***\", \"text\": \"***\", \"x\": 1}",
      "null kept | {\"email\": null} | {\"email\": null}",
      "a value equal to a name | {\"status\": \"email\", \"type\": \"name\"} | {\"status\": \"email\", \"type\": \"name\"}",
      "truncated | {\"name\": \"Ada Lov | {\"name\": \"***\"",
      "not JSON | <html>email: ada@example.com</html> | <html>email: ada@example.com</html>"})
  void mask_replacesPersonalValuesInJsonText(String what, String text, String masked) {
    assertEquals(masked, PersonalData.mask(text));
  }

  @Test
  void mask_ofMultiLineJson_keepsTheLayout() {
    assertEquals("{\n  \"name\" : \"***\",\n  \"status\" : \"completed\"\n}",
        PersonalData.mask("{\n  \"name\" : \"Ada\",\n  \"status\" : \"completed\"\n}"));
  }
}
