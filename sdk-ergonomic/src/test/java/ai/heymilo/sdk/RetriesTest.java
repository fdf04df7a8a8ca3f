package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.InternalServerException;
import ai.heymilo.sdk.errors.RateLimitException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which failures are retried, how often, after how long — the same for sync and async calls. */
class RetriesTest {
  private final TestServer test = new TestServer();
  private final HeyMiloClient client = test.client();

  @AfterEach
  void close() throws Exception {
    client.close();
    test.close();
  }

  private InterviewDataResponse getData(Mode mode) {
    return mode.call(() -> client.interviews().getData("iv_1"), () -> client.async().interviews().getData("iv_1"));
  }

  private Duration[] pauses(Mode mode) {
    return (mode == Mode.SYNC ? test.sleeper.sleeps() : test.scheduler.delays()).toArray(new Duration[0]);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void get_503ThenSuccess_recovers(Mode mode) {
    test.enqueue(503, "{\"error\": {\"type\": \"api_error\", \"code\": \"unavailable\", \"message\": \"try later\"}}");
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

    assertEquals("completed", getData(mode).getStatus());
    assertEquals(2, test.server.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void get_persistent500_throwsAfterTwoRetriesWithGrowingBackoff(Mode mode) {
    for (int i = 0; i < 3; i++) {
      test.enqueue(500, "{\"error\": {\"type\": \"api_error\", \"code\": \"internal\", \"message\": \"boom\"}}");
    }

    InternalServerException error = assertThrows(InternalServerException.class, () -> getData(mode));

    assertEquals(500, error.statusCode());
    assertEquals(3, test.server.getRequestCount());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), List.of(pauses(mode)));
  }

  @Test
  void post_503_isNotRetried() {
    test.enqueue(503, "{\"error\": {\"type\": \"api_error\", \"code\": \"unavailable\", \"message\": \"try later\"}}");

    assertThrows(InternalServerException.class, () -> client.postings().create(new CreatePostingRequest().title("Barista")));

    assertEquals(1, test.server.getRequestCount());
  }

  @Test
  void post_429WithRetryAfter_isRetriedBecauseTheServerDidNotProcessIt() {
    test.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2")
        .setBody("{\"error\": {\"type\": \"rate_limit_error\", \"code\": \"rate_limited\", \"message\": \"slow down\"}}"));
    test.enqueue(201, "{\"data\": {\"object\": \"posting\", \"id\": \"P1\", \"title\": \"Barista\"}}");

    assertEquals("P1", client.postings().create(new CreatePostingRequest().title("Barista")).getId());

    assertEquals(List.of(Duration.ofSeconds(2)), test.sleeper.sleeps());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retryAfterHttpDate_isHonoured(Mode mode) {
    String inThreeSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.ZonedDateTime.ofInstant(test.sleeper.clock().instant().plusSeconds(3), java.time.ZoneOffset.UTC));
    test.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", inThreeSeconds).setBody("{}"));
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

    getData(mode);

    assertEquals(List.of(Duration.ofSeconds(3)), List.of(pauses(mode)));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retryAfterMs_isHonoured(Mode mode) {
    test.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After-Ms", "250").setBody("{}"));
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

    getData(mode);

    assertEquals(List.of(Duration.ofMillis(250)), List.of(pauses(mode)));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retryAfterBeyondTheCap_throwsRateLimitAtOnceWithoutSleeping(Mode mode) {
    test.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "120")
        .setBody("{\"error\": {\"type\": \"rate_limit_error\", \"code\": \"rate_limited\", \"message\": \"Rate limit exceeded\"}}"));

    RateLimitException error = assertThrows(RateLimitException.class, () -> getData(mode));

    assertEquals(Duration.ofSeconds(120), error.retryAfter());
    assertEquals(1, test.server.getRequestCount());
    assertEquals(0, pauses(mode).length);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void get_connectionReset_isRetried(Mode mode) {
    test.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

    assertEquals("completed", getData(mode).getStatus());
    assertEquals(2, test.server.getRequestCount());
  }

  @Test
  void post_connectionResetAfterSending_isNotRetried() {
    test.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

    ApiConnectionException error = assertThrows(ApiConnectionException.class,
        () -> client.postings().create(new CreatePostingRequest().title("Barista")));

    assertEquals(1, test.server.getRequestCount());
    assertTrue(error.getMessage().startsWith("Connection failed during POST /api/v2/postings"), error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void metadataSet_isAReplaceAndRetriedOn5xx(Mode mode) {
    test.enqueue(502, "<html>bad gateway</html>");
    test.enqueue(200, "{\"data\": {\"object\": \"metadata\", \"metadata\": {\"source\": \"workday\"}}}");

    Map<String, String> stored = mode.call(() -> client.interviews().setMetadata("iv_1", Map.of("source", "workday")),
        () -> client.async().interviews().setMetadata("iv_1", Map.of("source", "workday")));

    assertEquals(Map.of("source", "workday"), stored);
    assertEquals(2, test.server.getRequestCount());
  }

  @Test
  void maxRetriesZero_sendsOnce() {
    HeyMiloClient noRetries = client.withOptions(options -> options.maxRetries(0));
    test.enqueue(503, "{}");

    assertInstanceOf(InternalServerException.class, assertThrows(InternalServerException.class, () -> noRetries.interviews().getData("iv_1")));
    assertEquals(1, test.server.getRequestCount());
  }
}
