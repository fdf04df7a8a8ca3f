package ai.heymilo.model;

import static ai.heymilo.model.JsonRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.heymilo.model.JsonRoundTrip.Library;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The example response published with GET /api/v2/interviews/{interview_id}/data. */
class SeedExampleTest {

  private static JsonNode example() throws IOException {
    try (InputStream in = SeedExampleTest.class.getResourceAsStream("/examples/get-interview-data-200.json")) {
      return MergedSpec.MAPPER.readTree(in);
    }
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void interviewDataExample_decodesTypedAndRoundTrips(Library library) throws IOException {
    SingleResponseInterviewDataResponse envelope =
        assertRoundTrip(library, example(), SingleResponseInterviewDataResponse.class);

    InterviewDataResponse data = envelope.getData();
    assertEquals("interview_data", data.getObject());
    assertEquals("cand_def456", data.getCandidateId());
    assertEquals(78.5, data.getScore());
    assertEquals(1739713800L, data.getWorkflow().getSteps().get(0).getLastUpdatedAt());
    ScorecardQuestion question = data.getWebInterview().getScorecard().get(0);
    assertEquals(5L, question.getScoreWeight());
    assertEquals(Boolean.FALSE, question.getNotScored());
    assertEquals(3.5, data.getWebInterview().getSpeechScore());
    assertEquals(List.of("<string>"), data.getWebInterview().getHighlights());
    assertEquals(1708012800L, data.getSms().getTranscript().get(0).getTimestamp());
    assertEquals("yes", data.getForm().getQuestions().get(0).getCandidateAnswer());
    assertEquals(Map.of("external_id", "interview_abc"), data.getMetadata());
    assertEquals(Map.of(), envelope.getMeta());
    assertNull(data.getResume().getScoreCriteria().get(0).getAdditionalProperty("anything"));
  }
}
