package ai.heymilo.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreatePostingResponse;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sandbox.HeyMiloSandboxExtension;
import ai.heymilo.sandbox.SandboxMode;
import ai.heymilo.sandbox.SandboxData;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.JsonLibrary;
import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ApiTimeoutException;
import ai.heymilo.sdk.errors.HeyMiloException;
import ai.heymilo.sdk.errors.InternalServerException;
import ai.heymilo.sdk.errors.InvalidResponseException;
import ai.heymilo.sdk.errors.RateLimitException;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Network and server faults on a GET ({@code getInterviewData}) and a POST ({@code createPosting}),
 * served by the sandbox's WireMock ahead of its recordings, against the SDK's retry rules (README
 * "Retries", {@code RetryPolicy}): a GET is retried after connection failures, 5xx and 429; a POST
 * only after a 429 or a connection that was never established. A fake sleeper records the
 * back-off instead of sleeping, and every case checks that no connection is left in use.
 */
class FaultMatrixTest {
  /** Replay: the faults fall through to recordings whose exact bodies the cases compare. */
  @RegisterExtension
  static final HeyMiloSandboxExtension SANDBOX = HeyMiloSandboxExtension.builder()
      .sandbox(HeyMiloSandbox.builder().mode(SandboxMode.REPLAY))
      .build();

  private static final String GET_PATH = "/api/v2/interviews/" + SandboxData.INTERVIEW_ID + "/data";
  private static final String POST_PATH = "/api/v2/postings";
  /** The client's clock: Retry-After dates are measured from it. */
  private static final Instant NOW = Instant.parse("2025-02-18T12:00:00Z");
  /** The read timeout of the slow-response cases; the others keep the default, which a cold first request needs. */
  private static final Duration READ_TIMEOUT = Duration.ofMillis(250);
  /** The default of {@code maxRetries}: a GET that keeps failing is sent three times. */
  private static final int ATTEMPTS = 3;

  private final ConnectionPool pool = new ConnectionPool();
  private final OkHttpClient http = new OkHttpClient.Builder().connectionPool(pool).build();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private HeyMiloSandbox sandbox;

  @BeforeEach
  void useSandbox(HeyMiloSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @AfterEach
  void closeConnections() {
    pool.evictAll();
  }

  // Connection reset by peer

  @Test
  void getInterviewData_connectionResetOnce_retriesAndRecovers() {
    failFirst(get(urlPathEqualTo(GET_PATH)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertEquals(SandboxData.INTERVIEW_ID, getInterviewData().getInterviewId());
    assertGetsSent(2);
    assertOneBackoff();
  }

  @Test
  void getInterviewData_connectionResetEveryTime_throwsApiConnectionAfterRetries() {
    failAlways(get(urlPathEqualTo(GET_PATH)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::getInterviewData);

    assertEquals(ApiConnectionException.class, failure.getClass(), failure::toString);
    assertGetsSent(ATTEMPTS);
  }

  @Test
  void createPosting_connectionReset_throwsApiConnectionAfterOneRequest() {
    failAlways(post(urlPathEqualTo(POST_PATH)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::createPosting);

    // The server may have created the posting before the reset: sending it again could create two.
    assertEquals(ApiConnectionException.class, failure.getClass(), failure::toString);
    assertPostsSent(1);
  }

  // Empty response: the connection closes before a status line

  @Test
  void getInterviewData_emptyResponseOnce_retriesAndRecovers() {
    failFirst(get(urlPathEqualTo(GET_PATH)), aResponse().withFault(Fault.EMPTY_RESPONSE));

    assertEquals(SandboxData.INTERVIEW_ID, getInterviewData().getInterviewId());
    assertGetsSent(2);
  }

  @Test
  void createPosting_emptyResponse_throwsApiConnectionAfterOneRequest() {
    failAlways(post(urlPathEqualTo(POST_PATH)), aResponse().withFault(Fault.EMPTY_RESPONSE));

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::createPosting);

    assertEquals(ApiConnectionException.class, failure.getClass(), failure::toString);
    assertPostsSent(1);
  }

  // Malformed chunk: a 200 whose chunked body breaks off — a network failure, not a decoding one

  @Test
  void getInterviewData_malformedChunkEveryTime_throwsApiConnectionAfterRetries() {
    failAlways(get(urlPathEqualTo(GET_PATH)), aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK));

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::getInterviewData);

    assertEquals(ApiConnectionException.class, failure.getClass(), failure::toString);
    assertGetsSent(ATTEMPTS);
  }

  @Test
  void createPosting_malformedChunk_throwsApiConnectionAfterOneRequest() {
    failAlways(post(urlPathEqualTo(POST_PATH)), aResponse().withStatus(201).withFault(Fault.MALFORMED_RESPONSE_CHUNK));

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::createPosting);

    assertEquals(ApiConnectionException.class, failure.getClass(), failure::toString);
    assertPostsSent(1);
  }

  // Random data, then the connection closes

  @Test
  void getInterviewData_randomDataThenCloseOnce_retriesAndRecovers() {
    failFirst(get(urlPathEqualTo(GET_PATH)), aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

    assertEquals(SandboxData.INTERVIEW_ID, getInterviewData().getInterviewId());
    assertGetsSent(2);
  }

  @Test
  void createPosting_randomDataThenClose_throwsApiConnectionAfterOneRequest() {
    failAlways(post(urlPathEqualTo(POST_PATH)), aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::createPosting);

    assertEquals(ApiConnectionException.class, failure.getClass(), failure::toString);
    assertPostsSent(1);
  }

  // A response slower than the read timeout

  @Test
  void getInterviewData_slowerThanReadTimeout_throwsApiTimeoutAfterRetries() {
    failAlways(get(urlPathEqualTo(GET_PATH)), slowerThanReadTimeout());

    HeyMiloException failure = assertThrows(HeyMiloException.class,
        () -> call(b -> b.readTimeout(READ_TIMEOUT), c -> c.interviews().getData(SandboxData.INTERVIEW_ID)));

    assertEquals(ApiTimeoutException.class, failure.getClass(), failure::toString);
    assertGetsSent(ATTEMPTS);
  }

  @Test
  void createPosting_slowerThanReadTimeout_throwsApiTimeoutAfterOneRequest() {
    failAlways(post(urlPathEqualTo(POST_PATH)), slowerThanReadTimeout());

    HeyMiloException failure = assertThrows(HeyMiloException.class,
        () -> call(b -> b.readTimeout(READ_TIMEOUT), c -> c.postings().create(postingRequest())));

    assertEquals(ApiTimeoutException.class, failure.getClass(), failure::toString);
    assertPostsSent(1);
  }

  // A 200 whose JSON is cut short (complete HTTP, undecodable body): invalid, and the same again if retried

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void getInterviewData_truncatedJson_throwsInvalidResponseWithoutRetry(JsonLibrary library) {
    failAlways(get(urlPathEqualTo(GET_PATH)), json(200, "{\"data\": {\"object\": \"interview_data\", \"interview_id\": \"D536"));

    HeyMiloException failure = assertThrows(HeyMiloException.class,
        () -> call(b -> b.jsonLibrary(library), c -> c.interviews().getData(SandboxData.INTERVIEW_ID)));

    InvalidResponseException invalid = assertInstanceOf(InvalidResponseException.class, failure, failure::toString);
    assertEquals(200, invalid.statusCode());
    assertTrue(invalid.getMessage().contains("GET " + GET_PATH), invalid.getMessage());
    assertEquals("$.data.interview_id", invalid.jsonPath(), invalid.getMessage());
    assertGetsSent(1);
  }

  @Test
  void createPosting_truncatedJson_throwsInvalidResponse() {
    failAlways(post(urlPathEqualTo(POST_PATH)), json(201, "{\"data\": {\"object\": \"posting\", \"id\": \"13D7"));

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::createPosting);

    InvalidResponseException invalid = assertInstanceOf(InvalidResponseException.class, failure, failure::toString);
    assertEquals("$.data.id", invalid.jsonPath(), invalid.getMessage());
    assertPostsSent(1);
  }

  @Test
  void createPosting_truncatedJson_reportsTheStatusItGot() {
    failAlways(post(urlPathEqualTo(POST_PATH)), json(201, "{\"data\": {\"object\": \"posting\", \"id\": \"13D7"));

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::createPosting);

    // InvalidResponseException.statusCode(): "the HTTP status of the response that could not be decoded".
    assertEquals(201, assertInstanceOf(InvalidResponseException.class, failure, failure::toString).statusCode());
  }

  // An HTML 502 from a proxy

  @Test
  void getInterviewData_html502EveryTime_throwsInternalServerAfterRetries() {
    failAlways(get(urlPathEqualTo(GET_PATH)), badGatewayPage());

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::getInterviewData);

    InternalServerException error = assertInstanceOf(InternalServerException.class, failure, failure::toString);
    assertEquals(502, error.statusCode());
    assertTrue(error.body().contains("502 Bad Gateway"), error.body());
    assertGetsSent(ATTEMPTS);
    assertEquals(ATTEMPTS - 1, sleeps.size(), "back-offs: " + sleeps);
  }

  @Test
  void createPosting_html502_throwsInternalServerAfterOneRequest() {
    failAlways(post(urlPathEqualTo(POST_PATH)), badGatewayPage());

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::createPosting);

    assertEquals(502, assertInstanceOf(InternalServerException.class, failure, failure::toString).statusCode());
    assertPostsSent(1);
  }

  // 429 with Retry-After: the server refused without processing, so even a POST is retried

  @Test
  void getInterviewData_429RetryAfterSeconds_sleepsThatLongAndRecovers() {
    failFirst(get(urlPathEqualTo(GET_PATH)), rateLimited("3"));

    assertEquals(SandboxData.INTERVIEW_ID, getInterviewData().getInterviewId());
    assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
    assertGetsSent(2);
  }

  @Test
  void getInterviewData_429RetryAfterHttpDate_sleepsUntilThatDateAndRecovers() {
    failFirst(get(urlPathEqualTo(GET_PATH)), rateLimited(httpDate(NOW.plusSeconds(7))));

    assertEquals(SandboxData.INTERVIEW_ID, getInterviewData().getInterviewId());
    assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
    assertGetsSent(2);
  }

  @Test
  void getInterviewData_429RetryAfterBeyondCap_throwsRateLimitAtOnce() {
    failAlways(get(urlPathEqualTo(GET_PATH)), rateLimited("120"));

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::getInterviewData);

    // Sleeping two minutes would stall the caller past the 60 s cap: the wait is the caller's to decide.
    RateLimitException rateLimited = assertInstanceOf(RateLimitException.class, failure, failure::toString);
    assertEquals(Duration.ofSeconds(120), rateLimited.retryAfter());
    assertEquals(List.of(), sleeps);
    assertGetsSent(1);
  }

  @Test
  void createPosting_429RetryAfterSeconds_retriesAndRecovers() {
    failFirst(post(urlPathEqualTo(POST_PATH)), rateLimited("2"));

    assertEquals(SandboxData.POSTING_ID, createPosting().getId());
    assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
    assertPostsSent(2);
  }

  @Test
  void createPosting_429RetryAfterHttpDate_retriesAndRecovers() {
    failFirst(post(urlPathEqualTo(POST_PATH)), rateLimited(httpDate(NOW.plusSeconds(5))));

    assertEquals(SandboxData.POSTING_ID, createPosting().getId());
    assertEquals(List.of(Duration.ofSeconds(5)), sleeps);
    assertPostsSent(2);
  }

  // 503, then success

  @Test
  void getInterviewData_503ThenSuccess_backsOffAndRecovers() {
    failFirst(get(urlPathEqualTo(GET_PATH)), serviceUnavailable());

    assertEquals(SandboxData.INTERVIEW_ID, getInterviewData().getInterviewId());
    assertGetsSent(2);
    assertOneBackoff();
  }

  @Test
  void createPosting_503ThenSuccess_throwsInternalServerWithoutRetry() {
    failFirst(post(urlPathEqualTo(POST_PATH)), serviceUnavailable());

    HeyMiloException failure = assertThrows(HeyMiloException.class, this::createPosting);

    // A 5xx may come after the posting was created; only the caller can tell whether to try again.
    assertEquals(503, assertInstanceOf(InternalServerException.class, failure, failure::toString).statusCode());
    assertEquals(List.of(), sleeps);
    assertPostsSent(1);
  }

  // Nothing listening: the request never left, so even a POST is retried

  @Test
  void createPosting_nothingListening_retriesThenThrowsApiConnection() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    HeyMiloException failure = assertThrows(HeyMiloException.class,
        () -> call(b -> b.baseUrl("http://127.0.0.1:" + closedPort), c -> c.postings().create(postingRequest())));

    assertEquals(ApiConnectionException.class, failure.getClass(), failure::toString);
    assertEquals(ATTEMPTS - 1, sleeps.size(), "back-offs: " + sleeps);
  }

  // The leak check itself

  @Test
  void leakCheck_seesAResponseBodyLeftOpen() throws IOException {
    try (HeyMiloClient client = sandbox.clientBuilder().okHttpClient(http).build()) {
      InputStream audio = client.voices().openPreview(SandboxData.VOICE_ID);

      // The stream holds its connection until it is closed, which is what the check after each case looks for.
      assertEquals(1, pool.connectionCount() - pool.idleConnectionCount());
      audio.close();
      assertNoConnectionInUse();
    }
  }

  // The calls and their client

  private InterviewDataResponse getInterviewData() {
    return call(b -> b, c -> c.interviews().getData(SandboxData.INTERVIEW_ID));
  }

  private CreatePostingResponse createPosting() {
    return call(b -> b, c -> c.postings().create(postingRequest()));
  }

  private static CreatePostingRequest postingRequest() {
    return new CreatePostingRequest().title("Customer Service Representative").description("Help customers by phone and chat.");
  }

  /**
   * Makes one SDK call on a client with default retries, a fake sleeper and a fixed clock, over our
   * own connection pool; then checks that the call left no connection in use.
   */
  private <T> T call(Function<HeyMiloClient.Builder, HeyMiloClient.Builder> settings, Function<HeyMiloClient, T> call) {
    HeyMiloClient.Builder builder = sandbox.clientBuilder()
        .okHttpClient(http)
        .sleeper(sleeps::add)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    try (HeyMiloClient client = settings.apply(builder).build()) {
      return call.apply(client);
    } finally {
      assertNoConnectionInUse();
    }
  }

  /** Every pooled connection is idle (or gone) once the call returned: no response body was left open. */
  private void assertNoConnectionInUse() {
    // A connection is released when its response body closes; a failed one may be torn down a moment later.
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (pool.connectionCount() != pool.idleConnectionCount() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(pool.connectionCount(), pool.idleConnectionCount(),
        "connections in use after the call returned: " + (pool.connectionCount() - pool.idleConnectionCount()));
  }

  // Faults ahead of the recordings (priority 0 beats every recording)

  /** {@code request} answers {@code failure} once, then falls through to the sandbox's recording. */
  private void failFirst(MappingBuilder request, ResponseDefinitionBuilder failure) {
    sandbox.wireMock().stubFor(request.atPriority(0)
        .inScenario("fault").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
        .willReturn(failure));
  }

  /** {@code request} answers {@code failure} every time. */
  private void failAlways(MappingBuilder request, ResponseDefinitionBuilder failure) {
    sandbox.wireMock().stubFor(request.atPriority(0).willReturn(failure));
  }

  private static ResponseDefinitionBuilder slowerThanReadTimeout() {
    return json(200, "{}").withFixedDelay((int) READ_TIMEOUT.multipliedBy(5).toMillis());
  }

  private static ResponseDefinitionBuilder badGatewayPage() {
    return aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");
  }

  private static ResponseDefinitionBuilder rateLimited(String retryAfter) {
    return json(429, "{\"error\": {\"type\": \"rate_limit_error\", \"code\": \"rate_limit_exceeded\", "
        + "\"message\": \"Too many requests.\"}}").withHeader("Retry-After", retryAfter);
  }

  private static ResponseDefinitionBuilder serviceUnavailable() {
    return json(503, "{\"error\": {\"type\": \"api_error\", \"code\": \"service_unavailable\", "
        + "\"message\": \"The service is temporarily unavailable.\"}}");
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** RFC 1123, as Retry-After carries it: {@code Tue, 18 Feb 2025 12:00:07 GMT}. */
  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  // What reached the server

  private void assertGetsSent(int count) {
    assertSent(count, getRequestedFor(urlPathEqualTo(GET_PATH)));
  }

  private void assertPostsSent(int count) {
    assertSent(count, postRequestedFor(urlPathEqualTo(POST_PATH)));
  }

  private void assertSent(int count, RequestPatternBuilder pattern) {
    sandbox.wireMock().verify(exactly(count), pattern);
  }

  /** One exponential back-off before the second attempt: 0.5 s shortened by up to 25 % of jitter. */
  private void assertOneBackoff() {
    assertEquals(1, sleeps.size(), "back-offs: " + sleeps);
    Duration delay = sleeps.get(0);
    assertTrue(delay.compareTo(Duration.ofMillis(375)) >= 0 && delay.compareTo(Duration.ofMillis(500)) <= 0, delay::toString);
  }
}
