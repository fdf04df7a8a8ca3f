package ai.heymilo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.PostingResponse;
import ai.heymilo.model.PostingStatsResponse;
import ai.heymilo.model.QuestionResponse;
import ai.heymilo.model.ScorecardQuestion;
import ai.heymilo.model.WorkflowStep;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ApiTimeoutException;
import ai.heymilo.sdk.errors.RateLimitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faults per operation, seeds from a user's JSON, and fixtures whose ids, weights and scores agree. */
class SandboxControlTest {
  @Test
  void inject_delay_makesAShortReadTimeoutFire() {
    try (HeyMiloSandbox sandbox = HeyMiloSandbox.start();
         HeyMiloClient impatient = sandbox.clientBuilder().readTimeout(Duration.ofSeconds(1)).maxRetries(0).build()) {
      // A second of read timeout, so that the untouched operation answers in time even on a loaded machine.
      sandbox.inject("getPosting", SandboxFault.delay(Duration.ofSeconds(3)));

      assertThrows(ApiTimeoutException.class, () -> impatient.postings().get(SandboxData.POSTING_ID));
      assertEquals(SandboxData.WEBHOOK_ID, impatient.webhooks().get(SandboxData.WEBHOOK_ID).getWebhookId(), "other operations are untouched");
    }
  }

  @Test
  void inject_connectionResetOnce_thenAnswers() {
    try (HeyMiloSandbox sandbox = HeyMiloSandbox.start(); HeyMiloClient client = sandbox.clientBuilder().maxRetries(0).build()) {
      sandbox.inject("getPosting", SandboxFault.connectionReset().times(1));

      assertThrows(ApiConnectionException.class, () -> client.postings().get(SandboxData.POSTING_ID));
      assertEquals(SandboxData.POSTING_ID, client.postings().get(SandboxData.POSTING_ID).getId());
    }
  }

  @Test
  void inject_rateLimitStorm_answers429ThenRecovers() {
    try (HeyMiloSandbox sandbox = HeyMiloSandbox.start(); HeyMiloClient client = sandbox.clientBuilder().maxRetries(0).build()) {
      sandbox.inject("getPosting", SandboxFault.rateLimited(Duration.ofSeconds(2)).times(3));

      for (int i = 0; i < 3; i++) {
        RateLimitException limited = assertThrows(RateLimitException.class, () -> client.postings().get(SandboxData.POSTING_ID));
        assertEquals(Duration.ofSeconds(2), limited.retryAfter());
        assertEquals("rate_limit_exceeded", limited.code());
      }
      assertEquals(SandboxData.POSTING_ID, client.postings().get(SandboxData.POSTING_ID).getId());
      sandbox.inject("listPostings", SandboxFault.rateLimited());
      sandbox.reset();
      assertEquals(2, client.postings().list().stream().count(), "reset clears faults");
    }
  }

  @Test
  void inject_unknownOperation_namesSimilarOnes() {
    try (HeyMiloSandbox sandbox = HeyMiloSandbox.start()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> sandbox.inject("getPostings", SandboxFault.connectionReset()));
      assertTrue(e.getMessage().startsWith("The spec has no operation 'getPostings'; use an operationId such as getPosting"), e.getMessage());
      assertTrue(e.getMessage().contains("getPosting"), e.getMessage());
    }
  }

  @Test
  void seed_fromAUsersJson_isTheStartingState_andCompletedFromTheRecordings() {
    String seed = "{\"postings\": [{\"id\": \"AB12CD34\", \"title\": \"Barista\", \"status\": \"draft\"}],"
        + " \"questions\": [{\"posting_id\": \"AB12CD34\", \"modality\": \"voice\", \"text\": \"Latte or flat white?\", \"score_weight\": 4}],"
        + " \"candidates\": [{\"posting_id\": \"AB12CD34\", \"interview_id\": \"00000000000000AA\", \"name\": \"Ada\","
        + " \"email\": \"ada@example.com\", \"status\": \"completed\"}]}";
    try (HeyMiloSandbox sandbox = HeyMiloSandbox.builder().builtInFixtures(false).seed(seed).start();
         HeyMiloClient client = sandbox.client()) {
      client.postings().create(new CreatePostingRequest().title("Added later"));
      sandbox.reset();

      List<PostingResponse> postings = client.postings().list().stream().collect(java.util.stream.Collectors.toList());
      assertEquals(1, postings.size(), "only the seed, after reset too");
      assertEquals("Barista", postings.get(0).getTitle());
      assertEquals("draft", postings.get(0).getStatus());
      assertEquals(SandboxData.WORKSPACE_ID, postings.get(0).getCompanyId(), "not seeded: the recording's value");
      InterviewDataResponse data = client.interviews().getData("00000000000000AA");
      assertEquals("completed", data.getStatus());
      assertEquals("Ada", data.getName());
      assertEquals("Latte or flat white?", data.getWebInterview().getScorecard().get(0).getQuestionText());
      assertEquals(4L, data.getWebInterview().getScorecard().get(0).getScoreWeight());
    }
  }

  @Test
  void seed_invalid_namesTheObjectAndTheField() {
    SandboxException unknownPosting = assertThrows(SandboxException.class, () -> HeyMiloSandbox.builder()
        .seed("{\"questions\": [{\"posting_id\": \"NOPE\", \"text\": \"Hi\"}]}").start());
    SandboxException wrongType = assertThrows(SandboxException.class, () -> HeyMiloSandbox.builder()
        .seed("{\"postings\": [{\"id\": \"AB12CD34\", \"title\": \"Barista\", \"archived\": \"no\"}]}").start());
    SandboxException replay = assertThrows(SandboxException.class, () -> HeyMiloSandbox.builder().mode(SandboxMode.REPLAY)
        .seed("{}").start());

    assertTrue(unknownPosting.getMessage().startsWith("seed #1 questions[0] needs a posting_id of a posting in the sandbox"),
        unknownPosting.getMessage());
    assertTrue(wrongType.getMessage().startsWith("seed #1 postings[0] is not a valid PostingResponse: [$.archived = \"no\""),
        wrongType.getMessage());
    assertEquals("seed(...) and builtInFixtures(false) need SandboxMode.STATEFUL; a replay sandbox answers only its recordings",
        replay.getMessage());
  }

  @Test
  void fixtures_postingQuestionsCandidateAndResultsAgree() {
    try (HeyMiloSandbox sandbox = HeyMiloSandbox.start(); HeyMiloClient client = sandbox.client()) {
      PostingResponse posting = client.postings().get(SandboxData.POSTING_ID);
      List<QuestionResponse> voice = new ArrayList<>();
      for (QuestionResponse q : client.questions().list(SandboxData.POSTING_ID)) {
        if ("voice".equals(q.getModality())) {
          voice.add(q);
        }
      }
      InterviewDataResponse results = client.interviews().awaitData(SandboxData.INTERVIEW_ID, HeyMiloSandboxTest.FAST);
      List<ScorecardQuestion> scorecard = results.getWebInterview().getScorecard();

      WorkflowStep interview = posting.getWorkflow().stream().filter(s -> "web_interview".equals(s.getType())).findFirst().orElseThrow();
      assertEquals(((Number) interview.getConfig().get("num_questions")).intValue(), voice.size(), "num_questions = voice questions");
      assertEquals(voice.size(), scorecard.size(), "one scorecard entry per voice question");
      long weighted = 0;
      long weights = 0;
      for (int i = 0; i < voice.size(); i++) {
        assertEquals(voice.get(i).getId(), scorecard.get(i).getQuestionId());
        assertEquals(voice.get(i).getText(), scorecard.get(i).getQuestionText());
        assertEquals(voice.get(i).getScoreWeight(), scorecard.get(i).getScoreWeight());
        assertEquals(voice.get(i).getRank(), scorecard.get(i).getRank());
        weighted += scorecard.get(i).getScore() * scorecard.get(i).getScoreWeight();
        weights += scorecard.get(i).getScoreWeight();
      }
      long score = StatefulApi.matchScore(weighted, weights);
      assertEquals(score, results.getWebInterview().getMatchScore());
      assertEquals(score, results.getScore().longValue());
      List<String> stepIds = new ArrayList<>();
      posting.getWorkflow().forEach(step -> stepIds.add(step.getId()));
      List<String> progressIds = new ArrayList<>();
      results.getWorkflow().getSteps().forEach(step -> progressIds.add(step.getStepId()));
      assertEquals(stepIds, progressIds, "the interview's steps are the posting's");
      assertEquals(SandboxData.FORM_QUESTION_ID, results.getForm().getQuestions().get(0).getQuestionId());
      var jane = client.candidates().list(SandboxData.POSTING_ID).stream()
          .filter(c -> SandboxData.INTERVIEW_ID.equals(c.getInterviewId())).findFirst().orElseThrow();
      assertEquals(results.getScore().doubleValue(), jane.getScore().doubleValue(), 0.0);
      assertEquals(results.getCandidateId(), jane.getCandidateId());
      PostingStatsResponse stats = client.postings().getStats(SandboxData.POSTING_ID);
      assertEquals(3L, stats.getTotalCandidates());
      assertEquals(1L, stats.getCompletedInterviews());
      assertEquals(results.getScore().doubleValue(), stats.getAverageInterviewScore().doubleValue(), 0.0);
    }
  }
}
