package ai.heymilo.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.CandidateResponse;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.QueueItemStatus;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.ApiException;
import ai.heymilo.sdk.errors.AuthenticationException;
import ai.heymilo.sdk.errors.BadRequestException;
import ai.heymilo.sdk.errors.FieldError;
import ai.heymilo.sdk.errors.InternalServerException;
import ai.heymilo.sdk.errors.NotFoundException;
import ai.heymilo.sdk.errors.RateLimitException;
import ai.heymilo.sdk.errors.UnprocessableEntityException;
import ai.heymilo.sdk.errors.WaitTimeoutException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox through the SDK: starting, the status selection rules, the polling scenarios, reset. */
class HeyMiloSandboxTest {
  static final WaitOptions FAST = WaitOptions.builder().initialDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(20)).build();

  private static HeyMiloSandbox sandbox;
  private static HeyMiloClient client;
  // HTTP/1.1: an HTTP/2 connection kept from a stopped sandbox whose port was reused answers GOAWAY.
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
  void start_onAFreePortTwiceInARow_servesEachTime() {
    for (int i = 0; i < 2; i++) {
      try (HeyMiloSandbox own = HeyMiloSandbox.start(); HeyMiloClient ownClient = own.client()) {
        assertTrue(own.port() > 0);
        assertEquals("http://127.0.0.1:" + own.port(), own.baseUrl());
        assertEquals("ok", ownClient.health().check().get("status"));
      }
    }
  }

  @Test
  void start_onAGivenPort_listensThere() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (HeyMiloSandbox own = HeyMiloSandbox.start(port)) {
      assertEquals(port, own.port());
      assertEquals(200, http("GET", own.baseUrl() + "/health", Map.of()).statusCode());
      SandboxException taken = assertThrows(SandboxException.class, () -> HeyMiloSandbox.start(port));
      assertTrue(taken.getMessage().contains("127.0.0.1:" + port), taken.getMessage());
    }
  }

  @Test
  void start_portOutOfRange_throwsNamingTheRule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeyMiloSandbox.start(70000));
    assertEquals("port must be between 0 (any free port) and 65535, but was 70000", e.getMessage());
  }

  @Test
  void success_onTheFixtureIds_andWithAnyOrdinaryKey() {
    assertEquals("Customer Service Representative", client.postings().get(SandboxData.POSTING_ID).getTitle());
    assertEquals(SandboxData.POSTING_ID, client.questions().get(SandboxData.POSTING_ID, SandboxData.QUESTION_ID).getPostingId());
    try (HeyMiloClient other = sandbox.clientBuilder().apiKey("hm_live_some_other_key").build()) {
      assertEquals(SandboxData.WEBHOOK_ID, other.webhooks().get(SandboxData.WEBHOOK_ID).getWebhookId());
    }
  }

  @Test
  void invalidApiKey_answers401OnEveryOperation() {
    try (HeyMiloClient invalid = sandbox.clientBuilder().apiKey(HeyMiloSandbox.INVALID_API_KEY).maxRetries(0).build()) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> invalid.postings().get(SandboxData.POSTING_ID));
      assertEquals("invalid_api_key", e.code());
      assertEquals(401, e.statusCode());
      assertThrows(AuthenticationException.class, () -> invalid.interviews().getData(SandboxData.INTERVIEW_ID));
      assertThrows(AuthenticationException.class, () -> invalid.webhooks().list().stream().count());
    }
    try (HeyMiloClient bearer = HeyMiloClient.builder().bearerToken(HeyMiloSandbox.INVALID_API_KEY).baseUrl(sandbox.baseUrl())
        .maxRetries(0).build()) {
      assertEquals("invalid_token", assertThrows(AuthenticationException.class, () -> bearer.voices().get(SandboxData.VOICE_ID)).code());
    }
  }

  @Test
  void missingCredentials_answer401() throws Exception {
    HttpResponse<String> response = http("GET", sandbox.baseUrl() + "/api/v2/postings/" + SandboxData.POSTING_ID, Map.of());
    assertEquals(401, response.statusCode());
    assertEquals("missing_api_key", SandboxJson.parse(response.body()).path("error").path("code").asText());
  }

  @Test
  void rateLimitedApiKey_answers429WithRetryAfterOneSecond() {
    try (HeyMiloClient limited = sandbox.clientBuilder().apiKey(HeyMiloSandbox.RATE_LIMITED_API_KEY).maxRetries(0).build()) {
      RateLimitException e = assertThrows(RateLimitException.class, () -> limited.postings().list().stream().count());
      assertEquals(Duration.ofSeconds(1), e.retryAfter());
      assertEquals("rate_limit_exceeded", e.code());
      assertThrows(RateLimitException.class, () -> limited.interviews().getMetadata(SandboxData.INTERVIEW_ID));
    }
  }

  @Test
  void idsStartingWithMissing_answer404() {
    NotFoundException posting = assertThrows(NotFoundException.class, () -> client.postings().get(SandboxData.MISSING_ID));
    assertEquals("posting_not_found", posting.code());
    assertEquals("posting_id", posting.param());
    assertEquals("interview_not_found",
        assertThrows(NotFoundException.class, () -> client.interviews().getData("missing_iv")).code());
    assertEquals("question_not_found",
        assertThrows(NotFoundException.class, () -> client.questions().get(SandboxData.POSTING_ID, "missing_q")).code());
    assertEquals("posting_not_found",
        assertThrows(NotFoundException.class, () -> client.questions().get("missing_posting", SandboxData.QUESTION_ID)).code());
  }

  @Test
  void statusHeader_forcesAnyDocumentedStatus() {
    try (HeyMiloClient forced422 = forcing("422"); HeyMiloClient forced400 = forcing("400"); HeyMiloClient forced404 = forcing("404")) {
      UnprocessableEntityException invalid = assertThrows(UnprocessableEntityException.class,
          () -> forced422.postings().create(new CreatePostingRequest().title("Customer Service Representative")));
      assertEquals(List.of("body.title"), fields(invalid));
      BadRequestException unsupported = assertThrows(BadRequestException.class, forced400.ats()::listConnections);
      assertEquals("ats_not_connected", unsupported.code());
      assertEquals("workspace_not_found", assertThrows(NotFoundException.class, () -> forced404.postings().list().stream().count()).code());
      // A special key loses to the header.
      try (HeyMiloClient forced404Invalid = forcing("404", HeyMiloSandbox.INVALID_API_KEY)) {
        assertThrows(NotFoundException.class, () -> forced404Invalid.webhooks().get(SandboxData.WEBHOOK_ID));
      }
    }
  }

  @Test
  void statusHeader_successOrUndocumented500_inTheApiErrorShape() {
    try (HeyMiloClient forced200 = forcing("200", HeyMiloSandbox.INVALID_API_KEY); HeyMiloClient forced500 = forcing("500")) {
      assertEquals(SandboxData.POSTING_ID, forced200.postings().get(SandboxData.POSTING_ID).getId());
      InternalServerException undocumented = assertThrows(InternalServerException.class,
          () -> forced500.postings().get(SandboxData.POSTING_ID));
      assertEquals(500, undocumented.statusCode());
      assertEquals("api_error", undocumented.type());
      assertEquals("internal_server_error", undocumented.code());
      assertTrue(undocumented.apiMessage().contains("GET /api/v2/postings/" + SandboxData.POSTING_ID), undocumented.apiMessage());
    }
  }

  @Test
  void statusHeader_notAStatus_answers400NamingTheHeader() throws Exception {
    HttpResponse<String> response = http("GET", sandbox.baseUrl() + "/api/v2/postings/" + SandboxData.POSTING_ID,
        Map.of("X-API-KEY", HeyMiloSandbox.API_KEY, HeyMiloSandbox.STATUS_HEADER, "teapot"));

    assertEquals(400, response.statusCode());
    assertEquals("X-Sandbox-Status must be an HTTP status from 200 to 599, such as 500, but was 'teapot'.",
        SandboxJson.parse(response.body()).path("error").path("message").asText());
  }

  @Test
  void realistic422s_limitOutOfRangeAndMissingBodyField() throws Exception {
    Map<String, String> key = Map.of("X-API-KEY", HeyMiloSandbox.API_KEY);
    for (String limit : List.of("0", "101", "5000")) {
      HttpResponse<String> response = http("GET", sandbox.baseUrl() + "/api/v2/voices?limit=" + limit, key);
      assertEquals(422, response.statusCode(), limit);
      assertEquals("limit", SandboxJson.parse(response.body()).path("detail").path(0).path("loc").path(1).asText());
    }
    assertEquals(200, http("GET", sandbox.baseUrl() + "/api/v2/voices?limit=100", key).statusCode());
    // The SDK refuses a body without its required title before sending; a client that does not gets the 422.
    HttpResponse<String> noTitle = http("POST", sandbox.baseUrl() + "/api/v2/postings", key, "{\"description\": \"No title\"}");
    assertEquals(422, noTitle.statusCode());
    assertEquals("title", SandboxJson.parse(noTitle.body()).path("detail").path(0).path("loc").path(1).asText());
  }

  @Test
  void unknownRoute_answers404InTheErrorShape() throws Exception {
    HttpResponse<String> response = http("GET", sandbox.baseUrl() + "/api/v2/nothing-here", Map.of("X-API-KEY", HeyMiloSandbox.API_KEY));
    assertEquals(404, response.statusCode());
    JsonNode error = SandboxJson.parse(response.body()).path("error");
    assertEquals("route_not_found", error.path("code").asText());
    assertTrue(error.path("message").asText().contains("GET /api/v2/nothing-here"), error.toString());
  }

  @Test
  void awaitData_interviewScenario_endsCompletedAfterNotReadyAndEvaluating() {
    List<String> seen = new ArrayList<>();
    InterviewDataResponse data = client.interviews().awaitData(SandboxData.INTERVIEW_ID,
        FAST.toBuilder().listener(progress -> seen.add(progress.status())).build());
    assertEquals("completed", data.getStatus());
    assertEquals(List.of("not_ready", "evaluating", "completed"), seen);
    assertEquals(5, data.getWebInterview().getScorecard().size());
    // It stays completed.
    assertEquals("completed", client.interviews().getData(SandboxData.INTERVIEW_ID).getStatus());
  }

  @Test
  void awaitData_knockedOutScenario_endsKnockedOut() {
    InterviewDataResponse data = client.interviews().awaitData(SandboxData.KNOCKED_OUT_INTERVIEW_ID, FAST);
    assertEquals("knocked_out", data.getStatus());
    assertEquals(Boolean.FALSE, data.getResume().getIsEligible());
  }

  @Test
  void awaitData_pendingInterview_timesOut() {
    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> client.interviews().awaitData(SandboxData.PENDING_INTERVIEW_ID,
        FAST.toBuilder().timeout(Duration.ofMillis(200)).build()));
    assertEquals("not_ready", e.lastStatus());
  }

  @Test
  void ivAfterN_completesOnTheNthPoll_countedPerId() {
    String id = SandboxData.interviewCompletingAfter(3, "x");
    assertEquals("iv_after3_x", id);
    assertEquals("not_ready", client.interviews().getData(id).getStatus());
    assertEquals("not_ready", client.interviews().getData("iv_after3_y").getStatus());
    InterviewDataResponse second = client.interviews().getData(id);
    assertEquals("not_ready", second.getStatus());
    assertEquals(id, second.getInterviewId());
    InterviewDataResponse third = client.interviews().getData(id);
    assertEquals("completed", third.getStatus());
    assertEquals(id, third.getInterviewId());
    assertEquals(id, third.getWebInterview().getInterviewId());
    assertEquals("completed", client.interviews().getData(id).getStatus());
    assertEquals("not_ready", client.interviews().getData("iv_after3_y").getStatus(), "y has been polled twice");
    assertEquals("completed", client.interviews().awaitData("iv_after4_z", FAST).getStatus());
    assertEquals(4, sandbox.wireMock().findAll(getRequestedFor(urlPathEqualTo("/api/v2/interviews/iv_after4_z/data"))).size());
  }

  @Test
  void awaitPushStatus_queuedProcessingCompleted() {
    List<String> seen = new ArrayList<>();
    QueueItemStatus status = client.ats().awaitPushStatus(SandboxData.PUSH_ITEM_ID,
        FAST.toBuilder().listener(progress -> seen.add(progress.status())).build());
    assertEquals("completed", status.getStatus());
    assertEquals(List.of("queued", "processing", "completed"), seen);
  }

  @Test
  void reset_restartsScenariosAndCounters_andRemovesAddedStubs() {
    assertEquals("completed", client.interviews().awaitData(SandboxData.INTERVIEW_ID, FAST).getStatus());
    assertEquals("completed", client.interviews().getData("iv_after1_r").getStatus());
    assertEquals("not_ready", client.interviews().getData("iv_after2_r").getStatus());
    sandbox.wireMock().stubFor(get(urlPathEqualTo("/api/v2/workspaces")).atPriority(1).willReturn(aResponse().withStatus(503)));
    int stubs = sandbox.wireMock().getStubMappings().size();

    sandbox.reset();

    assertEquals(stubs - 1, sandbox.wireMock().getStubMappings().size());
    assertEquals("not_ready", client.interviews().getData(SandboxData.INTERVIEW_ID).getStatus());
    assertEquals("not_ready", client.interviews().getData("iv_after2_r").getStatus());
    assertEquals(1, client.workspaces().list().stream().count());
  }

  @Test
  void voicePreview_audioDirectlyOrThroughARedirect() throws Exception {
    byte[] audio = client.voices().getPreview(SandboxData.VOICE_ID);
    assertArrayEquals(recordedPreview(), audio);
    assertEquals('I', audio[0]);
    assertArrayEquals(audio, client.voices().getPreview(SandboxData.REDIRECTING_VOICE_ID));
    HttpResponse<String> redirect = http("GET", sandbox.baseUrl() + "/api/v2/voices/" + SandboxData.REDIRECTING_VOICE_ID + "/preview",
        Map.of("X-API-KEY", HeyMiloSandbox.API_KEY));
    assertEquals(302, redirect.statusCode());
    assertEquals("/cdn/voice-previews/" + SandboxData.REDIRECTING_VOICE_ID + ".mp3", redirect.headers().firstValue("Location").orElse(""));
  }

  @Test
  void listCandidates_autoPagesOverTwoPages() {
    List<String> ids = new ArrayList<>();
    for (CandidateResponse candidate : client.candidates().list(SandboxData.POSTING_ID)) {
      ids.add(candidate.getInterviewId());
    }
    assertEquals(List.of(SandboxData.INTERVIEW_ID, SandboxData.KNOCKED_OUT_INTERVIEW_ID, SandboxData.PENDING_INTERVIEW_ID), ids);
  }

  @Test
  void flow_idsAreConsistentAcrossOperations() {
    var posting = client.postings().get(SandboxData.POSTING_ID);
    assertEquals(SandboxData.VOICE_ID, posting.getWorkflow().get(1).getConfig().get("voice_id"));
    assertEquals(SandboxData.EMAIL_TEMPLATE_GROUP_ID, posting.getEmailTemplateGroupId());
    assertEquals(SandboxData.POSTING_ID, client.webhooks().get(SandboxData.WEBHOOK_ID).getPostingId());
    String ingested = client.candidates().ingest(SandboxData.POSTING_ID,
        new ai.heymilo.model.CandidateIngestRequest().name("Ada Lovelace").email("ada@example.com")).getInterviewId();
    assertTrue(ingested.matches("[0-9A-F]{16}"), ingested);
    assertEquals("Ada Lovelace", client.interviews().getData(ingested).getName());
    Map<String, String> metadata = client.interviews().getMetadata(SandboxData.INTERVIEW_ID);
    assertEquals(metadata, client.interviews().awaitData(SandboxData.INTERVIEW_ID, FAST).getMetadata());
    assertNotEquals(0, client.questions().list(SandboxData.POSTING_ID).stream()
        .filter(q -> q.getId().equals(SandboxData.QUESTION_ID)).count());
  }

  // ---------------------------------------------------------------- helpers

  /** The audio the recordings serve for every voice preview. */
  static byte[] recordedPreview() throws IOException {
    try (java.io.InputStream in = HeyMiloSandboxTest.class.getResourceAsStream(
        "/" + HeyMiloSandbox.RECORDINGS + "/__files/" + HeyMiloSandbox.VOICE_PREVIEW_FILE)) {
      return in.readAllBytes();
    }
  }

  /** A client that sends X-Sandbox-Status: status on every request. */
  private static HeyMiloClient forcing(String status) {
    return forcing(status, HeyMiloSandbox.API_KEY);
  }

  private static HeyMiloClient forcing(String status, String key) {
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header(HeyMiloSandbox.STATUS_HEADER, status).build()))
        .build();
    return sandbox.clientBuilder().apiKey(key).okHttpClient(http).maxRetries(0).build();
  }

  private static List<String> fields(ApiException e) {
    List<String> fields = new ArrayList<>();
    for (FieldError error : e.fieldErrors()) {
      fields.add(error.field());
    }
    return fields;
  }

  static HttpResponse<String> http(String method, String url, Map<String, String> headers) throws IOException, InterruptedException {
    return http(method, url, headers, null);
  }

  static HttpResponse<String> http(String method, String url, Map<String, String> headers, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
