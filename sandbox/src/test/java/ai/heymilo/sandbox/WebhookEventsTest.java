package ai.heymilo.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreateWebhookRequest;
import ai.heymilo.sdk.HeyMiloClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox POSTs webhook events to the URLs registered through createWebhook, and retries failed deliveries. */
class WebhookEventsTest {
  private WireMockServer receiver;
  private HeyMiloSandbox sandbox;
  private HeyMiloClient client;

  @BeforeEach
  void start() {
    receiver = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    receiver.start();
    receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
    sandbox = HeyMiloSandbox.builder().webhookRetryDelays(Duration.ofMillis(10), Duration.ofMillis(20)).start();
    client = sandbox.client();
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
    receiver.stop();
  }

  @Test
  void advanceInterview_sendsTheEventsOfEachMove_toTheWebhooksOfThatPostingAndType() throws Exception {
    String posting = client.postings().create(new CreatePostingRequest().title("Barista")).getId();
    String other = client.postings().create(new CreatePostingRequest().title("Cook")).getId();
    for (String type : List.of("interview_started", "interview_completed", "report_available")) {
      register(posting, type, "/hooks?token=s3cr3t-" + type);
    }
    register(other, "report_available", "/hooks?token=other-posting");
    String interview = ingest(posting);

    assertEquals("evaluating", sandbox.advanceInterview(interview));
    List<JsonNode> first = awaitEvents(2);
    assertEquals(List.of("interview_started", "interview_completed"), types(first));
    assertEquals("completed", sandbox.advanceInterview(interview));
    List<JsonNode> all = awaitEvents(3);
    JsonNode report = all.get(2);
    assertEquals("report_available", report.path("event_type").asText());
    assertEquals(posting, report.path("posting_id").asText());
    assertEquals(interview, report.path("interview_id").asText());
    assertEquals("completed", report.path("status").asText());
    Instant at = Instant.parse(report.path("timestamp").asText());
    assertTrue(Duration.between(at, Instant.now()).abs().getSeconds() < 60, "the time of the move: " + at);
    assertTrue(requests().get(2).getUrl().endsWith("token=s3cr3t-report_available"), "each webhook gets its own type");
    assertEquals("application/json", requests().get(2).getHeader("Content-Type"));

    assertEquals("completed", sandbox.advanceInterview(interview), "the last state stays");
    assertEquals("completed", client.interviews().getData(interview).getStatus(), "what the next poll sees");
    Thread.sleep(200);
    assertEquals(3, requests().size(), "each event once; the other posting's webhook got none: " + types(events()));
  }

  @Test
  void polls_moveTheInterviewOn_andSendTheSameEventsOnce() throws Exception {
    String posting = client.postings().create(new CreatePostingRequest().title("Barista")).getId();
    register(posting, "report_available", "/hooks");
    register(posting, "interview_completed", "/hooks");
    String interview = ingest(posting);

    assertEquals("not_ready", client.interviews().getData(interview).getStatus());
    assertEquals("evaluating", client.interviews().getData(interview).getStatus());
    assertEquals(List.of("interview_completed"), types(awaitEvents(1)));
    assertEquals("completed", client.interviews().getData(interview).getStatus());
    assertEquals("completed", client.interviews().getData(interview).getStatus());
    assertEquals(List.of("interview_completed", "report_available"), types(awaitEvents(2)));
    Thread.sleep(200);
    assertEquals(2, requests().size());
  }

  @Test
  void completeInterview_knockedOut_sendsReportAvailable_andTheFixtureWebhooksGetNothing() throws Exception {
    register(SandboxData.POSTING_ID, "report_available", "/hooks");
    assertEquals("knocked_out", sandbox.completeInterview(SandboxData.KNOCKED_OUT_INTERVIEW_ID));
    JsonNode event = awaitEvents(1).get(0);
    assertEquals("report_available", event.path("event_type").asText());
    assertEquals("knocked_out", event.path("status").asText());
    assertEquals("completed", sandbox.completeInterview(SandboxData.INTERVIEW_ID));
    assertEquals(2, awaitEvents(2).size(), "only the registered webhook; the recorded fixture webhook points elsewhere");
  }

  @Test
  void aFailedDelivery_isRetried_untilA2xx() throws Exception {
    receiver.stubFor(post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
    receiver.stubFor(post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("failed once")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
    receiver.stubFor(post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("failed twice")
        .willReturn(aResponse().withStatus(200)));
    register(SandboxData.POSTING_ID, "report_available", "/flaky");

    sandbox.completeInterview(SandboxData.INTERVIEW_ID);
    List<JsonNode> attempts = awaitEvents(3);
    assertEquals(attempts.get(0), attempts.get(2), "every attempt sends the same body, so a receiver can drop repeats");
    Thread.sleep(200);
    assertEquals(3, requests().size(), "two failures, one success, nothing after");
  }

  @Test
  void aDeliveryNeverAnswered2xx_stopsAfterTheSchedule() throws Exception {
    receiver.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(502)));
    register(SandboxData.POSTING_ID, "report_available", "/down");

    sandbox.completeInterview(SandboxData.INTERVIEW_ID);
    awaitEvents(3);
    Thread.sleep(300);
    assertEquals(3, requests().size(), "one attempt and the two retries of webhookRetryDelays(10 ms, 20 ms)");
  }

  @Test
  void aRefusedConnection_isRetriedToo_andResetForgetsTheWebhooks() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    client.webhooks().create(new CreateWebhookRequest().postingId(SandboxData.POSTING_ID)
        .webhookUrl("http://127.0.0.1:" + closedPort + "/nobody").eventType("report_available"));
    sandbox.completeInterview(SandboxData.INTERVIEW_ID); // three refused attempts, then it gives up: nothing to assert but no hang

    sandbox.reset();
    register(SandboxData.POSTING_ID, "interview_completed", "/hooks");
    sandbox.reset();
    sandbox.completeInterview(SandboxData.INTERVIEW_ID);
    Thread.sleep(200);
    assertEquals(0, requests().size(), "reset() removes the registered webhooks");
  }

  @Test
  void advanceInterview_unknownInterview_orReplayMode_isRefused() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> sandbox.advanceInterview("nope"));
    assertTrue(unknown.getMessage().startsWith("The sandbox has no interview 'nope'; ingest a candidate first"), unknown.getMessage());
    try (HeyMiloSandbox replay = HeyMiloSandbox.builder().mode(SandboxMode.REPLAY).start()) {
      SandboxException e = assertThrows(SandboxException.class, () -> replay.completeInterview(SandboxData.INTERVIEW_ID));
      assertTrue(e.getMessage().contains("need SandboxMode.STATEFUL"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> HeyMiloSandbox.builder().webhookRetryDelays(Duration.ofMillis(-1)));
  }

  @Test
  void webhookUrlsAreLoggedWithoutTheirQuery() {
    assertEquals("https://hooks.example.com/heymilo", WebhookDeliveries.withoutQuery("https://hooks.example.com/heymilo?token=s3cr3t"));
    assertEquals("http://127.0.0.1:8080/h", WebhookDeliveries.withoutQuery("http://user:pw@127.0.0.1:8080/h?x=1#f"));
  }

  private void register(String postingId, String eventType, String pathAndQuery) {
    client.webhooks().create(new CreateWebhookRequest().postingId(postingId)
        .webhookUrl(receiver.baseUrl() + pathAndQuery).eventType(eventType));
  }

  private String ingest(String postingId) {
    return client.candidates().ingest(postingId, new CandidateIngestRequest().name("Ada Lovelace").email("ada@example.com"))
        .getInterviewId();
  }

  private List<LoggedRequest> requests() {
    return receiver.findAll(postRequestedFor(anyUrl())); // in arrival order
  }

  private List<JsonNode> events() {
    List<JsonNode> events = new ArrayList<>();
    for (LoggedRequest request : requests()) {
      events.add(SandboxJson.parse(request.getBodyAsString()));
    }
    return events;
  }

  /** Waits (at most 5 s) until at least {@code count} deliveries arrived; returns them in arrival order. */
  private List<JsonNode> awaitEvents(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (requests().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    List<JsonNode> events = events();
    assertTrue(events.size() >= count, "expected " + count + " deliveries, got " + types(events));
    return events;
  }

  private static List<String> types(List<JsonNode> events) {
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.path("event_type").asText()));
    return types;
  }
}
