package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.ResolveCandidateRequest;
import ai.heymilo.sdk.errors.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Candidates' personal data stays out of logs, exception messages and toString() by default. */
class PersonalDataTest {
  private static final String CONFLICT = "{\"candidate\": {\"interview_id\": \"iv_7\", \"name\": \"Grace Hopper\","
      + " \"email\": \"grace@example.com\", \"phone_number\": \"+1 555 0100\"}}";

  private final TestServer test = new TestServer();

  @AfterEach
  void close() throws Exception {
    test.close();
  }

  @Test
  void bodyLogs_maskPersonalFields_keepTheRest() {
    try (HeyMiloClient client = test.clientBuilder().logLevel(LogLevel.BODY).build()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

      client.interviews().getData("iv_1");

      String log = String.join("\n", test.logLines);
      assertFalse(log.contains("Ada Lovelace"), log);
      assertFalse(log.contains("ada@example.com"), log);
      assertTrue(log.contains("\"name\": \"***\", \"email\": \"***\", \"status\": \"completed\", \"score\": 78.5"), log);
    }
  }

  @Test
  void exceptionMessageAndBody_maskPersonalFields() {
    try (HeyMiloClient client = test.client()) {
      test.enqueue(409, CONFLICT);

      ConflictException e = assertThrows(ConflictException.class, () -> client.interviews().getData("iv_1"));

      assertEquals("HTTP 409: {\"candidate\": {\"interview_id\": \"iv_7\", \"name\": \"***\", \"email\": \"***\","
          + " \"phone_number\": \"***\"}}", e.getMessage());
      assertFalse(e.body().contains("grace@example.com"), e.body());
    }
  }

  @Test
  void modelToString_masksPersonalFields() {
    try (HeyMiloClient client = test.client()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

      InterviewDataResponse data = client.interviews().getData("iv_1");

      assertEquals("Ada Lovelace", data.getName(), "the model itself holds the real value");
      assertEquals("InterviewDataResponse{object=interview_data, interview_id=iv_1, posting_id=13D77095, name=***, email=***,"
          + " score=78.5, status=completed}", data.toString());
    }
  }

  @Test
  void revealPersonalData_showsThemInLogsAndExceptions() {
    try (HeyMiloClient client = test.clientBuilder().logLevel(LogLevel.BODY).revealPersonalData(true).build()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
      test.enqueue(409, CONFLICT);

      InterviewDataResponse data = client.interviews().getData("iv_1");
      ConflictException e = assertThrows(ConflictException.class, () -> client.interviews().getData("iv_1"));

      String log = String.join("\n", test.logLines);
      assertTrue(log.contains("\"name\": \"Ada Lovelace\", \"email\": \"ada@example.com\""), log);
      assertEquals("HTTP 409: " + CONFLICT, e.getMessage());
      assertEquals(CONFLICT, e.body());
      assertTrue(data.toString().contains("email=***"), "toString() masks whatever the client: " + data);
      assertTrue(data.toUnmaskedString().contains("email=ada@example.com"), data.toUnmaskedString());
    }
  }

  @Test
  void requestBodies_areMaskedInLogsToo() {
    try (HeyMiloClient client = test.clientBuilder().logLevel(LogLevel.BODY).build()) {
      test.enqueue(200, "{\"data\": {\"email\": \"grace@example.com\", \"matches\": []}, \"meta\": {}}");

      client.ats().resolveCandidate(new ResolveCandidateRequest().atsName("bullhorn").email("grace@example.com"));

      String log = String.join("\n", test.logLines);
      assertFalse(log.contains("grace@example.com"), log);
      assertTrue(log.contains("\"ats_name\":\"bullhorn\",\"email\":\"***\""), log);
    }
  }
}
