package ai.heymilo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreateWebhookRequest;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.WaitProgress;
import ai.heymilo.sdk.errors.InvalidWebhookException;
import ai.heymilo.sdk.webhooks.WebhookDispatcher;
import ai.heymilo.sdk.webhooks.WebhookEvent;
import ai.heymilo.sdk.webhooks.WebhookEventType;
import ai.heymilo.sdk.webhooks.WebhookHandler;
import ai.heymilo.sdk.webhooks.WebhookReceiver;
import ai.heymilo.sdk.webhooks.WebhookRequest;
import ai.heymilo.sdk.webhooks.WebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end on loopback: the sandbox sends the events of an interview to a {@link WebhookReceiver}, whose
 * dispatcher is wired to the client, and the client's pending wait ends on the event, before its next poll.
 */
class WebhooksEndToEndTest {
  private static final String SECRET = "e2e-secret-3f9a1c7b5d";
  /** The fallback poll interval with events wired; the event must end the wait well before it. */
  private static final Duration FALLBACK = Duration.ofSeconds(5);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private HeyMiloSandbox sandbox;
  private HeyMiloClient client;
  private WebhookDispatcher dispatcher;
  private WebhookHandler handler;
  private WebhookReceiver receiver;
  private WebhookDispatcher.Subscription wired;
  private final List<WebhookEvent> received = new CopyOnWriteArrayList<>();
  private final List<WaitProgress> polls = new CopyOnWriteArrayList<>();
  private String interviewId;

  @BeforeEach
  void start() {
    sandbox = HeyMiloSandbox.builder().webhookRetryDelays(Duration.ofMillis(20), Duration.ofMillis(50)).start();
    client = sandbox.client();
    dispatcher = WebhookDispatcher.create();
    dispatcher.onAny(received::add);
    handler = WebhookHandler.builder()
        .verifier(WebhookVerifier.sharedSecretQueryParameter("token", SECRET))
        .dispatcher(dispatcher)
        .maxBodyBytes(4096)
        .build();
    receiver = WebhookReceiver.builder().handler(handler).port(0).path("/heymilo").start();
    wired = dispatcher.completeWaitsOf(client);

    String postingId = client.postings().create(new CreatePostingRequest().title("Barista")).getId();
    client.webhooks().create(new CreateWebhookRequest().postingId(postingId)
        .webhookUrl(receiver.uri() + "?token=" + SECRET).eventType(WebhookEventType.REPORT_AVAILABLE.value()));
    interviewId = client.candidates().ingest(postingId, new CandidateIngestRequest().name("Ada Lovelace").email("ada@example.com"))
        .getInterviewId();
  }

  @AfterEach
  void stop() {
    wired.close();
    receiver.close();
    client.close();
    sandbox.close();
  }

  private WaitOptions options() {
    return WaitOptions.builder().timeout(Duration.ofMinutes(1)).eventFallbackDelay(FALLBACK).listener(polls::add).build();
  }

  @Test
  void theInterviewCompletes_theEventArrives_andEndsThePendingAsyncWaitBeforeItsNextPoll() throws Exception {
    CompletableFuture<InterviewDataResponse> wait = client.interviews().awaitDataAsync(interviewId, options());
    awaitPolls(1);
    assertEquals("not_ready", polls.get(0).status());
    Duration nextPoll = polls.get(0).nextDelay();
    assertNotNull(nextPoll);
    assertTrue(nextPoll.compareTo(FALLBACK) >= 0, "with events wired the next poll is the fallback, " + nextPoll);

    long moved = System.nanoTime();
    // The first poll moved the interview on to evaluating; now the report comes out, and report_available is sent.
    assertEquals("completed", sandbox.advanceInterview(interviewId));
    InterviewDataResponse data = wait.get(FALLBACK.toMillis(), TimeUnit.MILLISECONDS);
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - moved);

    assertEquals("completed", data.getStatus());
    assertEquals(interviewId, data.getInterviewId());
    assertEquals(2, polls.size(), "the first poll and the one the event triggered: " + polls);
    assertTrue(tookMillis < nextPoll.toMillis(), "ended " + tookMillis + " ms after the move, before the next poll at " + nextPoll);
    assertEquals(1, received.size());
    WebhookEvent event = received.get(0);
    assertEquals(WebhookEventType.REPORT_AVAILABLE, event.type());
    assertEquals(interviewId, event.interviewId());
    assertFalse(event.timestamps().isEmpty(), "the sandbox's event carries its timestamp");

    // The same delivery again, as an at-least-once sender may: accepted, and not passed on.
    HttpResponse<String> repeat = post(receiver.uri() + "?token=" + SECRET, event.rawJson(), "application/json");
    assertEquals(204, repeat.statusCode());
    assertEquals(1, received.size(), "the repeat is dropped by the dispatcher");
  }

  @Test
  void aSynchronousWait_endsOnTheEventToo() throws Exception {
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<InterviewDataResponse> wait = caller.submit(() -> client.interviews().awaitData(interviewId, options()));
      awaitPolls(1);
      long moved = System.nanoTime();
      assertEquals("completed", sandbox.completeInterview(interviewId));
      assertEquals("completed", wait.get(FALLBACK.toMillis(), TimeUnit.MILLISECONDS).getStatus());
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - moved) < FALLBACK.toMillis());
      assertEquals(2, polls.size(), polls.toString());
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void badDeliveries_eachGetATypedOutcomeAndTheirStatus() throws Exception {
    String url = receiver.uri() + "?token=" + SECRET;
    String valid = "{\"event_type\":\"report_available\",\"posting_id\":\"AB12CD34\",\"interview_id\":\"" + interviewId + "\"}";

    assertRefused(400, InvalidWebhookException.Reason.MALFORMED_JSON, url, "{\"event_type\": ", "application/json");
    assertRefused(400, InvalidWebhookException.Reason.MISSING_EVENT_TYPE, url, "{\"interview_id\":\"x\"}", "application/json");
    String oversized = "{\"event_type\":\"report_available\",\"pad\":\"" + "x".repeat(5000) + "\"}";
    assertRefused(413, InvalidWebhookException.Reason.BODY_TOO_LARGE, url, oversized, "application/json");
    assertRefused(415, InvalidWebhookException.Reason.UNSUPPORTED_MEDIA_TYPE, url, valid, "text/plain");
    assertRefused(401, InvalidWebhookException.Reason.UNAUTHORIZED, receiver.uri() + "?token=wrong", valid, "application/json");

    HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    assertEquals("POST", get.headers().firstValue("Allow").orElse(""));

    // An event type this SDK does not know is accepted and passed on with its raw name; it ends no wait.
    CompletableFuture<InterviewDataResponse> wait = client.interviews().awaitDataAsync(interviewId, options());
    awaitPolls(1);
    String unknown = "{\"event_type\":\"candidate_archived\",\"interview_id\":\"" + interviewId + "\"}";
    assertEquals(204, post(url, unknown, "application/json").statusCode());
    WebhookEvent event = received.get(received.size() - 1);
    assertEquals(WebhookEventType.Known.UNRECOGNIZED, event.type().known());
    assertEquals("candidate_archived", event.type().value());
    assertEquals(0, client.handleWebhookEvent(event), "an unknown event wakes no wait");
    Thread.sleep(100);
    assertEquals(1, polls.size(), "no poll was triggered");
    assertFalse(wait.isDone());
    assertEquals(1, received.size(), "none of the refused deliveries reached the listeners");
    wait.cancel(true);
  }

  private void assertRefused(int status, InvalidWebhookException.Reason reason, String url, String body, String contentType)
      throws Exception {
    HttpResponse<String> response = post(url, body, contentType);
    assertEquals(status, response.statusCode(), response.body());
    String query = URI.create(url).getRawQuery();
    InvalidWebhookException e = assertThrows(InvalidWebhookException.class, () -> handler.handle(
        WebhookRequest.of(body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", contentType)::get).withQuery(query)));
    assertEquals(reason, e.reason());
    assertEquals(status, e.httpStatus());
    assertFalse(e.getMessage().contains(SECRET), "the secret is never in a message");
  }

  private static HttpResponse<String> post(String url, String body, String contentType) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void awaitPolls(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (polls.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertEquals(count, polls.size(), polls.toString());
  }
}
