package ai.heymilo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreatePostingResponse;
import ai.heymilo.model.CreateQuestion;
import ai.heymilo.model.CreateQuestionRequest;
import ai.heymilo.model.CreateWebhookRequest;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.PostingResponse;
import ai.heymilo.model.QuestionResponse;
import ai.heymilo.model.ReorderQuestionsRequest;
import ai.heymilo.model.ScorecardQuestion;
import ai.heymilo.model.UpdatePostingRequest;
import ai.heymilo.model.UpdateQuestionRequest;
import ai.heymilo.model.WebInterviewConfig;
import ai.heymilo.model.WebInterviewStep;
import ai.heymilo.model.WebhookResponse;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.errors.FieldError;
import ai.heymilo.sdk.errors.NotFoundException;
import ai.heymilo.sdk.errors.UnprocessableEntityException;
import ai.heymilo.spec.operations.SpecOperations;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stateful sandbox behaves like the API: what is created, updated, reordered or deleted is what reads and lists
 * return; lists filter and page over stored objects; invalid requests answer the API's 422 naming the field.
 * Filters and paging go over plain HTTP, as any client sends them.
 */
class StatefulSandboxTest {
  // HTTP/1.1: an HTTP/2 connection kept from a stopped sandbox whose port was reused answers GOAWAY.
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static HeyMiloSandbox sandbox;
  private static HeyMiloClient client;

  @BeforeAll
  static void start() {
    sandbox = HeyMiloSandbox.start();
    client = sandbox.clientBuilder().maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  @Test
  void createPosting_thenGetAndList_returnWhatWasSent() throws Exception {
    CreatePostingResponse created = client.postings().create(new CreatePostingRequest().title("Night Shift Barista")
        .description("Make coffee for the night owls.")
        .addStep(new WebInterviewStep().config(new WebInterviewConfig().video(false).numQuestions(1L))
            .addQuestion(new CreateQuestion().modality("voice").text("Why nights?").scoreWeight(5L))));

    PostingResponse posting = client.postings().get(created.getId());
    assertTrue(created.getId().matches("[0-9A-F]{8}"), created.getId());
    assertEquals("Night Shift Barista", posting.getTitle());
    assertEquals("Make coffee for the night owls.", posting.getDescription());
    assertEquals(1, posting.getWorkflow().size(), "one step sent, one step stored");
    assertEquals("web_interview", posting.getWorkflow().get(0).getType());
    assertEquals(Boolean.FALSE, posting.getWorkflow().get(0).getConfig().get("video"));
    assertNull(posting.getPhoneNumberId(), "not sent, not stored");
    List<QuestionResponse> questions = client.questions().list(created.getId()).stream().collect(java.util.stream.Collectors.toList());
    assertEquals(1, questions.size());
    assertEquals("Why nights?", questions.get(0).getText());
    assertEquals(5L, questions.get(0).getScoreWeight());
    JsonNode listed = get("/api/v2/postings");
    assertEquals(3, listed.path("pagination").path("total_count").asInt());
    assertEquals(created.getId(), listed.path("data").path(2).path("id").asText(), "new postings come after the fixtures");
    assertEquals(List.of(), SpecOperations.load().schemas().validate("/components/schemas/PostingResponse",
        listed.path("data").path(2)), "a stored posting has the recorded shape");
  }

  @Test
  void updateReorderAndDelete_areReflected() {
    client.postings().update(SandboxData.POSTING_ID, new UpdatePostingRequest().title("Senior Support Rep"));
    QuestionResponse updated = client.questions().update(SandboxData.POSTING_ID, SandboxData.QUESTION_2_ID,
        new UpdateQuestionRequest().scoreWeight(7L));
    List<QuestionResponse> reordered = client.questions().reorder(SandboxData.POSTING_ID, new ReorderQuestionsRequest()
        .modality(ReorderQuestionsRequest.ModalityEnum.fromValue("voice"))
        .order(List.of(SandboxData.QUESTION_5_ID, SandboxData.QUESTION_4_ID, SandboxData.QUESTION_3_ID, SandboxData.QUESTION_2_ID,
            SandboxData.QUESTION_ID)));
    QuestionResponse deleted = client.questions().delete(SandboxData.POSTING_ID, SandboxData.QUESTION_4_ID);

    assertEquals("Senior Support Rep", client.postings().get(SandboxData.POSTING_ID).getTitle());
    assertEquals(7L, updated.getScoreWeight());
    assertEquals(7L, client.questions().get(SandboxData.POSTING_ID, SandboxData.QUESTION_2_ID).getScoreWeight());
    assertEquals(SandboxData.QUESTION_5_ID, reordered.get(0).getId());
    assertEquals(1L, reordered.get(0).getRank());
    assertEquals(SandboxData.QUESTION_4_ID, deleted.getId());
    assertThrows(NotFoundException.class, () -> client.questions().get(SandboxData.POSTING_ID, SandboxData.QUESTION_4_ID));
    List<String> voice = new ArrayList<>();
    List<Long> ranks = new ArrayList<>();
    for (QuestionResponse q : client.questions().list(SandboxData.POSTING_ID)) {
      if ("voice".equals(q.getModality())) {
        voice.add(q.getId());
        ranks.add(q.getRank());
      }
    }
    assertEquals(List.of(SandboxData.QUESTION_5_ID, SandboxData.QUESTION_3_ID, SandboxData.QUESTION_2_ID, SandboxData.QUESTION_ID), voice);
    assertEquals(List.of(1L, 2L, 3L, 4L), ranks, "ranks close the gap");
  }

  @Test
  void getQuestion_answersTheQuestionAskedFor_andOtherIds404() {
    assertEquals(SandboxData.QUESTION_3_ID, client.questions().get(SandboxData.POSTING_ID, SandboxData.QUESTION_3_ID).getId());
    NotFoundException unknown = assertThrows(NotFoundException.class, () -> client.questions().get(SandboxData.POSTING_ID, "ZZZZZZZZ"));
    assertEquals("question_not_found", unknown.code());
    assertEquals("posting_not_found", assertThrows(NotFoundException.class, () -> client.postings().get("ABCDEF12")).code());
  }

  @Test
  void lists_filterAndPageOverStoredObjects() throws Exception {
    for (String title : List.of("Spanish Tutor", "Barista", "Cook")) {
      client.postings().create(new CreatePostingRequest().title(title));
    }

    JsonNode spanish = get("/api/v2/postings?search=spanish");
    assertEquals(List.of("Bilingual Customer Support Specialist (Spanish)", "Spanish Tutor"), texts(spanish.path("data"), "title"));
    JsonNode first = get("/api/v2/postings?limit=2");
    assertEquals(2, first.path("data").size());
    assertTrue(first.path("pagination").path("has_more").asBoolean());
    assertEquals(5, first.path("pagination").path("total_count").asInt());
    String cursor = first.path("data").path(1).path("id").asText();
    JsonNode second = get("/api/v2/postings?limit=2&starting_after=" + cursor);
    JsonNode third = get("/api/v2/postings?limit=2&starting_after=" + second.path("data").path(1).path("id").asText());
    assertEquals(List.of("Spanish Tutor", "Barista"), texts(second.path("data"), "title"));
    assertEquals(List.of("Cook"), texts(third.path("data"), "title"));
    assertFalse(third.path("pagination").path("has_more").asBoolean());
    JsonNode voice = get("/api/v2/postings/" + SandboxData.POSTING_ID + "/questions?modality=voice");
    assertEquals(5, voice.path("data").size());
    assertEquals(List.of("voice"), new ArrayList<>(new java.util.LinkedHashSet<>(texts(voice.path("data"), "modality"))));
    JsonNode form = get("/api/v2/postings/" + SandboxData.POSTING_ID + "/questions?modality=form");
    assertEquals(List.of(SandboxData.FORM_QUESTION_ID), texts(form.path("data"), "id"));
  }

  @Test
  void candidates_ingestedAndFilteredByCreationTime() throws Exception {
    String id = client.candidates().ingest(SandboxData.POSTING_ID, new CandidateIngestRequest().name("Ada Lovelace")
        .email("ada@example.com").metadata(Map.of("external_id", "wd-1001"))).getInterviewId();

    JsonNode all = get("/api/v2/postings/" + SandboxData.POSTING_ID + "/candidates?limit=100");
    JsonNode recent = get("/api/v2/postings/" + SandboxData.POSTING_ID + "/candidates?created_after=2026-01-01T00:00:00Z");
    JsonNode old = get("/api/v2/postings/" + SandboxData.POSTING_ID + "/candidates?created_before=1739700000");
    assertEquals(4, all.path("data").size());
    assertEquals(List.of(id), texts(recent.path("data"), "interview_id"));
    assertEquals(List.of(SandboxData.INTERVIEW_ID, SandboxData.KNOCKED_OUT_INTERVIEW_ID), texts(old.path("data"), "interview_id"));
    assertEquals("wd-1001", recent.path("data").path(0).path("metadata").path("external_id").asText());
    HttpResponse<String> backwards = http("GET", "/api/v2/postings/" + SandboxData.POSTING_ID
        + "/candidates?created_after=2026-03-31T00:00:00Z&created_before=2026-03-01T00:00:00Z", null);
    assertEquals(400, backwards.statusCode());
    assertEquals("invalid_date_range", SandboxJson.parse(backwards.body()).path("error").path("code").asText());
  }

  @Test
  void metadata_roundTrips_andShowsInTheInterviewData() {
    Map<String, String> sent = new LinkedHashMap<>();
    sent.put("external_id", "wd-1001");
    sent.put("stage", "screen");

    assertEquals(sent, client.interviews().setMetadata(SandboxData.INTERVIEW_ID, sent));
    assertEquals(sent, client.interviews().getMetadata(SandboxData.INTERVIEW_ID));
    assertEquals(sent, client.interviews().getData(SandboxData.INTERVIEW_ID).getMetadata());
    assertEquals(Map.of(), client.interviews().deleteMetadata(SandboxData.INTERVIEW_ID));
    assertEquals(Map.of(), client.interviews().getMetadata(SandboxData.INTERVIEW_ID));
  }

  @Test
  void webhooks_createGetListDelete() {
    WebhookResponse created = client.webhooks().create(new CreateWebhookRequest().postingId(SandboxData.POSTING_ID)
        .webhookUrl("https://hooks.example.com/heymilo").eventType("report_available"));

    assertTrue(created.getWebhookId().matches("[0-9A-F]{32}"), created.getWebhookId());
    assertEquals("https://hooks.example.com/heymilo", client.webhooks().get(created.getWebhookId()).getWebhookUrl());
    assertEquals(3, client.webhooks().list().stream().count());
    assertEquals(Boolean.FALSE, client.webhooks().delete(created.getWebhookId()).getIsActive());
    assertThrows(NotFoundException.class, () -> client.webhooks().get(created.getWebhookId()));
    assertEquals("posting_not_found", assertThrows(NotFoundException.class, () -> client.webhooks().create(new CreateWebhookRequest()
        .postingId("ABCDEF12").webhookUrl("https://hooks.example.com/x").eventType("interview_completed"))).code());
  }

  @Test
  void demoFlow_resultsAgreeWithThePostingsQuestions() {
    CreatePostingResponse created = client.postings().create(new CreatePostingRequest().title("Customer Service Representative")
        .addStep(new WebInterviewStep().config(new WebInterviewConfig().video(true).numQuestions(3L))
            .addQuestion(new CreateQuestion().modality("voice").text("An upset customer?").scoreWeight(3L))
            .addQuestion(new CreateQuestion().modality("voice").text("Several requests at once?").scoreWeight(2L))
            .addQuestion(new CreateQuestion().modality("voice").text("Why customer service?").scoreWeight(1L))));
    String interview = client.candidates().ingest(created.getId(), new CandidateIngestRequest().name("Jane Smith")
        .email("jane.smith@example.com")).getInterviewId();

    InterviewDataResponse results = client.interviews().awaitData(interview, HeyMiloSandboxTest.FAST);
    List<QuestionResponse> questions = client.questions().list(created.getId()).stream().collect(java.util.stream.Collectors.toList());
    List<ScorecardQuestion> scorecard = results.getWebInterview().getScorecard();
    assertEquals("completed", results.getStatus());
    assertEquals(created.getId(), results.getPostingId());
    assertEquals(3, scorecard.size());
    long weighted = 0;
    for (int i = 0; i < 3; i++) {
      assertEquals(questions.get(i).getId(), scorecard.get(i).getQuestionId());
      assertEquals(questions.get(i).getText(), scorecard.get(i).getQuestionText());
      assertEquals(questions.get(i).getScoreWeight(), scorecard.get(i).getScoreWeight());
      weighted += scorecard.get(i).getScore() * scorecard.get(i).getScoreWeight();
    }
    long expected = Math.round(100.0 * weighted / (5 * 6));
    assertEquals(expected, results.getWebInterview().getMatchScore());
    assertEquals(expected, results.getScore().longValue());
    assertEquals("completed", client.candidates().list(created.getId()).stream().findFirst().orElseThrow().getStatus());
  }

  @Test
  void invalidRequests_answer422NamingTheField() throws Exception {
    UnprocessableEntityException bogusStep = assertThrows(UnprocessableEntityException.class, () -> client.postings().create(
        new CreatePostingRequest().title("Barista").addStep(new WebInterviewStep().type("bogus_type"))));
    UnprocessableEntityException typo = assertThrows(UnprocessableEntityException.class, () -> client.questions().create(
        SandboxData.POSTING_ID, new CreateQuestionRequest().modality(CreateQuestionRequest.ModalityEnum.fromValue("vioce")).text("Hi")));
    // The SDK refuses a weight out of range and a missing title before sending; a client that does not gets the 422.
    HttpResponse<String> weight = http("POST", "/api/v2/postings/" + SandboxData.POSTING_ID + "/questions",
        "{\"modality\": \"voice\", \"text\": \"Hi\", \"score_weight\": 99}");
    HttpResponse<String> noTitle = http("POST", "/api/v2/postings", "{\"description\": \"No title\"}");

    assertEquals(List.of("body.workflow.0"), fields(bogusStep));
    assertTrue(bogusStep.fieldErrors().get(0).message().startsWith("Input tag 'bogus_type' found using 'type' does not match"),
        bogusStep.fieldErrors().toString());
    assertEquals(List.of("body.modality"), fields(typo));
    assertEquals("Input should be 'voice', 'sms', 'form', 'resume_eligibility', 'resume_scoring' or 'voice_tags'",
        typo.fieldErrors().get(0).message());
    assertEquals(422, weight.statusCode());
    JsonNode weightDetail = SandboxJson.parse(weight.body()).path("detail").path(0);
    assertEquals("[\"body\",\"score_weight\"]", weightDetail.path("loc").toString());
    assertEquals("Input should be less than or equal to 10", weightDetail.path("msg").asText());
    assertEquals(422, noTitle.statusCode());
    assertEquals("[\"body\",\"title\"]", SandboxJson.parse(noTitle.body()).path("detail").path(0).path("loc").toString());
    assertEquals(2, client.postings().list().stream().count(), "nothing invalid was stored");
    HttpResponse<String> limit = http("GET", "/api/v2/voices?limit=0", null);
    assertEquals(422, limit.statusCode());
    JsonNode detail = SandboxJson.parse(limit.body()).path("detail").path(0);
    assertEquals("[\"query\",\"limit\"]", detail.path("loc").toString());
    assertEquals("greater_than_equal", detail.path("type").asText());
    HttpResponse<String> notJson = http("POST", "/api/v2/webhooks", "{\"posting_id\": ");
    assertEquals("json_invalid", SandboxJson.parse(notJson.body()).path("detail").path(0).path("type").asText());
    assertEquals(List.of(), SpecOperations.load().schemas().validate("/components/schemas/HTTPValidationError",
        SandboxJson.parse(limit.body())), "the 422 has the API's shape");
  }

  @Test
  void reorder_thatDoesNotListEveryQuestion_answers422() throws Exception {
    HttpResponse<String> response = http("POST", "/api/v2/postings/" + SandboxData.POSTING_ID + "/questions/reorder",
        "{\"modality\": \"voice\", \"order\": [\"" + SandboxData.QUESTION_ID + "\", \"" + SandboxData.FORM_QUESTION_ID + "\"]}");

    assertEquals(422, response.statusCode());
    JsonNode detail = SandboxJson.parse(response.body()).path("detail").path(0);
    assertEquals("[\"body\",\"order\"]", detail.path("loc").toString());
    assertTrue(detail.path("msg").asText().contains("not voice questions of the posting: [" + SandboxData.FORM_QUESTION_ID + "]"),
        detail.toString());
  }

  @Test
  void twoSandboxes_haveSeparateState() {
    try (HeyMiloSandbox other = HeyMiloSandbox.start(); HeyMiloClient otherClient = other.client()) {
      String id = client.postings().create(new CreatePostingRequest().title("Only here")).getId();

      assertThrows(NotFoundException.class, () -> otherClient.postings().get(id));
      assertEquals(2, otherClient.postings().list().stream().count());
    }
  }

  @Test
  void reset_returnsToTheFixtures() {
    String id = client.postings().create(new CreatePostingRequest().title("Temporary")).getId();
    client.webhooks().delete(SandboxData.WEBHOOK_ID);

    sandbox.reset();

    assertThrows(NotFoundException.class, () -> client.postings().get(id));
    assertEquals(SandboxData.WEBHOOK_ID, client.webhooks().get(SandboxData.WEBHOOK_ID).getWebhookId());
  }

  @Test
  void replayMode_answersTheRecordingsWhateverWasSent() throws Exception {
    try (HeyMiloSandbox replay = HeyMiloSandbox.builder().mode(SandboxMode.REPLAY).start(); HeyMiloClient replayClient = replay.client()) {
      CreatePostingResponse created = replayClient.postings().create(new CreatePostingRequest().title("Barista"));

      assertEquals(SandboxMode.REPLAY, replay.mode());
      assertEquals(SandboxData.POSTING_ID, created.getId());
      assertEquals("Customer Service Representative", replayClient.postings().get("ANYTHING").getTitle());
      HttpResponse<String> tooShort = HTTP.send(HttpRequest.newBuilder(URI.create(replay.baseUrl() + "/api/v2/postings"))
          .header("X-API-KEY", HeyMiloSandbox.API_KEY).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"ab\"}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(422, tooShort.statusCode(), "replay validates too");
    }
  }

  // ---------------------------------------------------------------- helpers

  static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = http("GET", pathAndQuery, null);
    assertEquals(200, response.statusCode(), response::body);
    return SandboxJson.parse(response.body());
  }

  static HttpResponse<String> http(String method, String pathAndQuery, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
        .header("X-API-KEY", HeyMiloSandbox.API_KEY)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> texts(JsonNode items, String field) {
    List<String> texts = new ArrayList<>();
    items.forEach(item -> texts.add(item.path(field).asText()));
    return texts;
  }

  private static List<String> fields(UnprocessableEntityException e) {
    List<String> fields = new ArrayList<>();
    for (FieldError error : e.fieldErrors()) {
      fields.add(error.field());
    }
    return fields;
  }
}
