package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.heymilo.sdk.errors.ConfigurationException;
import ai.heymilo.sdk.errors.HeyMiloException;
import ai.heymilo.sdk.errors.InvalidResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every public entry point refuses a bad value where it is given, with a typed error and an exact message — never a
 * library's exception later in {@code build()} or at the first request, and never a message that quotes a secret.
 */
class ValidationTest {
  private final TestServer test = new TestServer();

  @AfterEach
  void close() throws Exception {
    test.close();
  }

  private static String refused(Executable setter) {
    return assertThrows(IllegalArgumentException.class, setter).getMessage();
  }

  @Test
  void httpTimeouts_outsideWhatOkHttpAccepts_areRefusedBySetter() {
    assertEquals("timeout must be between 1 ms and 24 days, but was PT600H",
        refused(() -> HeyMiloClient.builder().timeout(Duration.ofDays(25))));
    assertEquals("readTimeout must be between 1 ms and 24 days, but was PT0.0000001S",
        refused(() -> HeyMiloClient.builder().readTimeout(Duration.ofNanos(100))));
    assertEquals("connectTimeout must be between 1 ms and 24 days, but was null",
        refused(() -> HeyMiloClient.builder().connectTimeout(null)));
    assertEquals("writeTimeout must be between 1 ms and 24 days, but was PT-1S",
        refused(() -> HeyMiloClient.builder().writeTimeout(Duration.ofSeconds(-1))));
  }

  @Test
  void nullChoices_areRefused_notSilentlyDefaulted() {
    assertEquals("jsonLibrary must not be null", refused(() -> HeyMiloClient.builder().jsonLibrary(null)));
    assertEquals("logLevel must not be null", refused(() -> HeyMiloClient.builder().logLevel(null)));
  }

  @Test
  void credentials_nonAscii_areRefusedWithoutQuotingThem() {
    String message = refused(() -> HeyMiloClient.builder().apiKey("hm_t\u00e9st_key"));

    assertEquals("apiKey must be printable ASCII, but has a non-ASCII character at position 4 of 11; check that the "
        + "whole credential was copied", message);
    assertFalse(message.contains("st_key"));
    assertEquals("workspaceId must be printable ASCII (it is sent as the X-Workspace-Id header), but has U+00E9 at "
        + "position 3", refused(() -> HeyMiloClient.builder().workspaceId("ws_\u00e9")));
  }

  @Test
  void baseUrl_withUserInfo_isRefused() {
    assertEquals("baseUrl must not carry a user name or password (they would be sent with every request and shown in "
        + "logs); authenticate with apiKey(...) or bearerToken(...)",
        refused(() -> HeyMiloClient.builder().baseUrl("https://user:secret@api.heymilo.ai")));
  }

  @Test
  void fromEnv_unusableVariable_isAConfigurationProblem() {
    ConfigurationException error = assertThrows(ConfigurationException.class,
        () -> HeyMiloClient.fromEnv(Map.of("HEYMILO_API_KEY", "hm_k", "HEYMILO_BASE_URL", "http://api.heymilo.ai")));

    assertEquals("HEYMILO_BASE_URL is not usable: baseUrl must use https (plain http is allowed only for localhost), "
        + "but was 'http://api.heymilo.ai'; the API key would travel unencrypted", error.getMessage());
  }

  @Test
  void rateLimit_beyondWhatTheLimiterCanHold_isRefused() {
    assertEquals("permits must be between 1 and 1000000, but was 2147483647",
        refused(() -> RateLimit.of(Integer.MAX_VALUE, Duration.ofMinutes(1))));
    assertEquals("window must be between 1 ms and 31 days, but was PT0.0000001S",
        refused(() -> RateLimit.of(10, Duration.ofNanos(100))));
    assertEquals("window must be between 1 ms and 31 days, but was PT8760H",
        refused(() -> RateLimit.of(10, Duration.ofDays(365))));
  }

  @Test
  void requestOptionsHeader_nonAsciiValue_isRefusedWithoutQuotingIt() {
    assertEquals("header X-Trace has a non-ASCII character at position 6 of its value; header values are sent as ASCII "
        + "(encode the value first)", refused(() -> RequestOptions.builder().header("X-Trace", "secret\u00e9")));
  }

  @Test
  void withOptions_null_isRefused() {
    try (HeyMiloClient client = test.client()) {
      assertEquals("changes must not be null; pass the settings to change, such as options -> options.maxRetries(5)",
          refused(() -> client.withOptions(null)));
    }
  }

  @Test
  void limiter_returningNoReservation_failsTyped() {
    RequestLimiter broken = () -> null;
    try (HeyMiloClient client = test.clientBuilder().rateLimiter(key -> broken).build()) {
      HeyMiloException error = assertThrows(HeyMiloException.class, () -> client.interviews().getData("iv_1"));

      assertEquals("The rate limiter " + broken.getClass().getName() + " returned no reservation before "
          + "GET /api/v2/interviews/iv_1/data; RequestLimiter.reserve() must return a reservation whose delay() is not "
          + "null", error.getMessage());
      assertEquals(0, test.server.getRequestCount());
    }
  }

  @Test
  void limiterFactory_returningNull_isAConfigurationProblem() {
    RequestLimiter.Factory factory = key -> null;
    ConfigurationException error = assertThrows(ConfigurationException.class,
        () -> test.clientBuilder().rateLimiter(factory).build());
    assertEquals("the rateLimiter factory " + factory.getClass().getName() + " returned no limiter; return a "
        + "RequestLimiter, or call rateLimit(null) for no pacing", error.getMessage());
  }

  @Test
  void limiter_failingToRecordTheEnd_doesNotFailTheCall() {
    RequestLimiter failingFinish = new RequestLimiter() {
      @Override
      public Reservation reserve() {
        return () -> Duration.ZERO;
      }

      @Override
      public void finished(Reservation reservation) {
        throw new IllegalStateException("store is down");
      }
    };
    try (HeyMiloClient client = test.clientBuilder().rateLimiter(key -> failingFinish).build()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

      assertEquals("completed", client.interviews().getData("iv_1").getStatus());
    }
  }

  private void page(boolean hasMore, String... ids) {
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      items.append(items.length() == 0 ? "" : ", ").append("{\"id\": \"").append(id).append("\", \"title\": \"T\"}");
    }
    test.enqueue(200, "{\"data\": [" + items + "], \"pagination\": {\"has_more\": " + hasMore + "}}");
  }

  private static final String LOOP = "The list response continues after cursor 'A', which this iteration has already "
      + "requested; stopping instead of going round the same pages again";

  @Test
  void paging_cursorsGoingRound_areRefused_sync() {
    page(true, "A");
    page(true, "B");
    page(true, "A");
    test.enqueue(404, "{\"detail\": \"Not Found\"}"); // what a looping pager would get next
    try (HeyMiloClient client = test.client()) {
      List<Object> seen = new java.util.ArrayList<>();
      InvalidResponseException error = assertThrows(InvalidResponseException.class,
          () -> client.postings().list().forEach(seen::add));

      assertEquals(LOOP, error.getMessage());
      assertEquals(3, seen.size());
      assertEquals(3, test.server.getRequestCount());
    }
  }

  @Test
  void paging_cursorsGoingRound_areRefused_async() {
    page(true, "A");
    page(true, "B");
    page(true, "A");
    test.enqueue(404, "{\"detail\": \"Not Found\"}"); // what a looping pager would get next
    try (HeyMiloClient client = test.client()) {
      ExecutionException error = assertThrows(ExecutionException.class,
          () -> client.async().postings().list().forEach(item -> { }).get(5, TimeUnit.SECONDS));

      assertEquals(LOOP, assertInstanceOf(InvalidResponseException.class, error.getCause()).getMessage());
      assertEquals(3, test.server.getRequestCount());
    }
  }

}
