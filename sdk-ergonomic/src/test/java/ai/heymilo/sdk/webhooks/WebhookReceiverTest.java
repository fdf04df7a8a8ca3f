package ai.heymilo.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.JsonLibrary;
import ai.heymilo.sdk.errors.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The receiver end to end: real HTTP requests over loopback to a WebhookReceiver on the JDK's server. */
class WebhookReceiverTest {
  private static final String SECRET = "3f9a1c7e5b2d4f6a8c0e";
  private static final String PATH = "/heymilo/webhooks";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<WebhookEvent> received = Collections.synchronizedList(new ArrayList<>());
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeReceivers() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  private WebhookReceiver start(WebhookHandler.Builder handler) {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    dispatcher.onAny(received::add);
    WebhookReceiver receiver = WebhookReceiver.builder().handler(handler.dispatcher(dispatcher).build()).path(PATH).start();
    open.add(receiver);
    return receiver;
  }

  private WebhookReceiver start() {
    return start(WebhookHandler.builder());
  }

  private HttpResponse<String> post(URI uri, String contentType, BodyPublisher body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).POST(body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> post(WebhookReceiver receiver, String body) throws Exception {
    return post(receiver.uri(), "application/json", BodyPublishers.ofString(body));
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void post_event_answers204AndTheListenerGetsIt(JsonLibrary library) throws Exception {
    WebhookReceiver receiver = start(WebhookHandler.builder().jsonLibrary(library));

    HttpResponse<String> response = post(receiver, Json.REPORT);

    assertEquals(204, response.statusCode());
    assertEquals("", response.body());
    assertEquals(1, received.size());
    assertEquals(WebhookEventType.REPORT_AVAILABLE, received.get(0).type());
    assertEquals("iv_1", received.get(0).interviewId());
    assertEquals(Json.REPORT, received.get(0).rawJson());
  }

  @Test
  void post_unknownEventType_acceptedAndDelivered() throws Exception {
    WebhookReceiver receiver = start();

    HttpResponse<String> response = post(receiver, Json.event("candidate_ingested", "iv_3"));

    assertEquals(204, response.statusCode());
    assertEquals("candidate_ingested", received.get(0).type().value());
  }

  @Test
  void post_sameEventTwice_bothAcknowledgedDeliveredOnce() throws Exception {
    WebhookReceiver receiver = start();

    assertEquals(204, post(receiver, Json.REPORT).statusCode());
    assertEquals(204, post(receiver, Json.REPORT).statusCode());
    assertEquals(204, post(receiver, Json.event("report_available", "iv_2")).statusCode());

    assertEquals(Arrays.asList("iv_1", "iv_2"), Arrays.asList(received.get(0).interviewId(), received.get(1).interviewId()));
    assertEquals(2, received.size());
  }

  @Test
  void post_malformedJson_answers400WithTheReason() throws Exception {
    WebhookReceiver receiver = start();

    HttpResponse<String> response = post(receiver, "{\"event_type\":");

    assertEquals(400, response.statusCode());
    assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(response.body().startsWith("The webhook body is not valid JSON ("), response.body());
    assertTrue(received.isEmpty());
  }

  @Test
  void post_notAnEvent_answers400() throws Exception {
    WebhookReceiver receiver = start();

    HttpResponse<String> response = post(receiver, "{\"interview_id\":\"iv_1\"}");

    assertEquals(400, response.statusCode());
    assertTrue(response.body().startsWith("The webhook body has no event_type"), response.body());
  }

  @Test
  void post_oversizedWithContentLength_answers413WithoutReadingIt() throws Exception {
    WebhookReceiver receiver = start(WebhookHandler.builder().maxBodyBytes(1024));
    byte[] body = new byte[4096];
    Arrays.fill(body, (byte) ' ');

    HttpResponse<String> response = post(receiver.uri(), "application/json", BodyPublishers.ofByteArray(body));

    assertEquals(413, response.statusCode());
    assertEquals("The webhook body has 4096 bytes (Content-Length), more than the limit of 1024; if HeyMilo's events "
        + "are this large, raise it with WebhookHandler.builder().maxBodyBytes(...).", response.body());
    assertTrue(received.isEmpty());
  }

  @Test
  void post_oversizedChunked_answers413AfterReadingOnlyTheLimit() throws Exception {
    WebhookReceiver receiver = start(WebhookHandler.builder().maxBodyBytes(1024));
    byte[] body = new byte[4096];
    Arrays.fill(body, (byte) ' ');

    // An input-stream publisher has no length, so the client sends the body chunked, without Content-Length.
    HttpResponse<String> response = post(receiver.uri(), "application/json",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertEquals(413, response.statusCode());
    assertEquals("The webhook body has more than 1024 bytes, more than the limit of 1024; if HeyMilo's events are "
        + "this large, raise it with WebhookHandler.builder().maxBodyBytes(...).", response.body());
  }

  @Test
  void post_chunkedWithinTheLimit_accepted() throws Exception {
    WebhookReceiver receiver = start();

    HttpResponse<String> response = post(receiver.uri(), "application/json",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(Json.REPORT.getBytes(StandardCharsets.UTF_8))));

    assertEquals(204, response.statusCode());
    assertEquals(1, received.size());
  }

  @Test
  void get_answers405WithAllowPost() throws Exception {
    WebhookReceiver receiver = start();

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(receiver.uri()).GET().build(), BodyHandlers.ofString());

    assertEquals(405, response.statusCode());
    assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
    assertEquals("The webhook endpoint accepts POST, not GET; register the webhook with POST, HeyMilo's default.",
        response.body());
  }

  @Test
  void put_answers405() throws Exception {
    WebhookReceiver receiver = start();

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(receiver.uri())
        .method("PUT", BodyPublishers.ofString(Json.REPORT)).build(), BodyHandlers.ofString());

    assertEquals(405, response.statusCode());
    assertTrue(received.isEmpty());
  }

  @Test
  void post_wrongContentType_answers415() throws Exception {
    WebhookReceiver receiver = start();

    HttpResponse<String> response = post(receiver.uri(), "application/x-www-form-urlencoded",
        BodyPublishers.ofString("event_type=report_available"));

    assertEquals(415, response.statusCode());
    assertEquals("The webhook's Content-Type is application/x-www-form-urlencoded; HeyMilo events are JSON, sent as "
        + "application/json.", response.body());
  }

  @Test
  void post_withoutContentType_acceptedAsJson() throws Exception {
    WebhookReceiver receiver = start();

    HttpResponse<String> response = post(receiver.uri(), null, BodyPublishers.ofString(Json.REPORT));

    assertEquals(204, response.statusCode());
  }

  @Test
  void post_otherPath_answers404() throws Exception {
    WebhookReceiver receiver = start();

    HttpResponse<String> response = post(receiver.uri().resolve("/heymilo/webhooks-other"), "application/json",
        BodyPublishers.ofString(Json.REPORT));
    HttpResponse<String> below = post(receiver.uri().resolve("/heymilo/webhooks/x"), "application/json",
        BodyPublishers.ofString(Json.REPORT));

    assertEquals(404, response.statusCode());
    assertEquals(404, below.statusCode());
    assertTrue(received.isEmpty());
  }

  @Test
  void sharedSecretOn_withoutOrWithWrongSecret_answers401AndWithIt204() throws Exception {
    WebhookReceiver receiver = start(WebhookHandler.builder()
        .verifier(WebhookVerifier.sharedSecretQueryParameter("token", SECRET)));

    HttpResponse<String> without = post(receiver, Json.REPORT);
    HttpResponse<String> wrong = post(URI.create(receiver.uri() + "?token=0000000000000000000"), "application/json",
        BodyPublishers.ofString(Json.REPORT));
    HttpResponse<String> right = post(URI.create(receiver.uri() + "?token=" + SECRET), "application/json",
        BodyPublishers.ofString(Json.REPORT));

    assertEquals(401, without.statusCode());
    assertEquals("The webhook delivery has no token query parameter, which must carry the shared secret; register the "
        + "webhook URL with ?token=<your secret>.", without.body());
    assertEquals(401, wrong.statusCode());
    assertEquals(204, right.statusCode());
    assertEquals(1, received.size());
  }

  @Test
  void sharedSecretOff_anyCallerWithAnEventIsAccepted() throws Exception {
    WebhookReceiver receiver = start();

    assertEquals(204, post(URI.create(receiver.uri() + "?token=anything"), "application/json",
        BodyPublishers.ofString(Json.REPORT)).statusCode());
  }

  @Test
  void sharedSecretHeader_checkedOnTheRealHeader() throws Exception {
    WebhookReceiver receiver = start(WebhookHandler.builder()
        .verifier(WebhookVerifier.sharedSecretHeader("X-HeyMilo-Secret", SECRET)));

    HttpResponse<String> right = http.send(HttpRequest.newBuilder(receiver.uri())
        .header("Content-Type", "application/json").header("x-heymilo-secret", SECRET)
        .POST(BodyPublishers.ofString(Json.REPORT)).build(), BodyHandlers.ofString());

    assertEquals(204, right.statusCode());
    assertEquals(401, post(receiver, Json.REPORT).statusCode());
  }

  @Test
  void verifierThatFailsUnexpectedly_answers500SoTheSenderRetries() throws Exception {
    WebhookReceiver receiver = start(WebhookHandler.builder().verifier(request -> {
      throw new IllegalStateException("key store unavailable");
    }));

    HttpResponse<String> response = post(receiver, Json.REPORT);

    assertEquals(500, response.statusCode());
    assertEquals("The webhook could not be processed; retry later.", response.body());
    assertTrue(received.isEmpty());
  }

  @Test
  void listenerThatThrows_deliveryStillAnswered204() throws Exception {
    WebhookDispatcher dispatcher = WebhookDispatcher.builder().onListenerError((event, error) -> { }).build();
    dispatcher.onAny(event -> {
      throw new IllegalStateException("bug in listener");
    });
    WebhookReceiver receiver = WebhookReceiver.builder()
        .handler(WebhookHandler.builder().dispatcher(dispatcher).build()).path(PATH).start();
    open.add(receiver);

    assertEquals(204, post(receiver, Json.REPORT).statusCode());
  }

  @Test
  void close_letsADeliveryInProgressFinishAndRefusesNewOnes() throws Exception {
    CountDownLatch inListener = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    dispatcher.onAny(event -> {
      if ("iv_1".equals(event.interviewId())) {
        inListener.countDown();
        await(release);
      }
    });
    WebhookReceiver receiver = WebhookReceiver.builder()
        .handler(WebhookHandler.builder().dispatcher(dispatcher).build())
        .path(PATH)
        .stopTimeout(Duration.ofSeconds(10))
        .start();
    CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(receiver.uri())
        .POST(BodyPublishers.ofString(Json.REPORT)).build(), BodyHandlers.ofString());
    assertTrue(inListener.await(10, TimeUnit.SECONDS));

    CompletableFuture<Void> closing = CompletableFuture.runAsync(receiver::close);
    HttpResponse<String> during = waitForStopping(receiver);
    release.countDown();
    closing.get(10, TimeUnit.SECONDS);

    assertEquals(503, during.statusCode());
    assertEquals("The webhook receiver is stopping; retry later.", during.body());
    assertEquals(204, inFlight.get(10, TimeUnit.SECONDS).statusCode());
    assertThrows(IOException.class, () -> post(receiver, Json.REPORT));
    assertTrue(receiver.toString().endsWith(", stopped}"), receiver.toString());
  }

  @Test
  void close_whenIdle_isQuickAndIdempotent() {
    WebhookReceiver receiver = start();
    long started = System.nanoTime();

    receiver.close();
    receiver.close();

    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3), "close took too long");
  }

  @Test
  void uri_isTheLoopbackAddressPortAndPath() {
    WebhookReceiver receiver = start();

    assertEquals("http://127.0.0.1:" + receiver.port() + PATH, receiver.uri().toString());
    assertTrue(receiver.port() > 0);
  }

  @Test
  void start_portInUse_refusedNamingTheAddress() {
    WebhookReceiver first = start();

    ConfigurationException e = assertThrows(ConfigurationException.class, () -> WebhookReceiver.builder()
        .handler(WebhookHandler.builder().build()).port(first.port()).start());

    assertTrue(e.getMessage().startsWith("The webhook receiver cannot listen on 127.0.0.1:" + first.port() + " ("),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("); choose another port, or port(0) for any free one."), e.getMessage());
  }

  @Test
  void builder_withoutHandler_orWithABadPath_refused() {
    assertEquals("handler is required but was not set; call handler(WebhookHandler.builder()...build())",
        assertThrows(ConfigurationException.class, () -> WebhookReceiver.builder().start()).getMessage());
    assertEquals("path must start with '/', such as \"/heymilo/webhooks\", but was \"hooks\"",
        assertThrows(IllegalArgumentException.class, () -> WebhookReceiver.builder().path("hooks")).getMessage());
    assertEquals("path may hold only letters, digits and / - . _ ~ (put a secret in the query with "
        + "WebhookVerifier.sharedSecretQueryParameter), but has '?' at position 6",
        assertThrows(IllegalArgumentException.class, () -> WebhookReceiver.builder().path("/hooks?token=x")).getMessage());
  }

  /** Posts until the receiver answers as stopping (close() runs on another thread). */
  private HttpResponse<String> waitForStopping(WebhookReceiver receiver) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      HttpResponse<String> response = post(receiver, Json.event("report_available", "iv_" + System.nanoTime()));
      if (response.statusCode() == 503 || System.nanoTime() > deadline) {
        return response;
      }
      Thread.sleep(10);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
