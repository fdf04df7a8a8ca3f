package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ApiException;
import ai.heymilo.sdk.errors.BadRequestException;
import ai.heymilo.sdk.errors.NotFoundException;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's own key and bearer token never reach a message, a header it hands out or a log line — even echoed. */
class RedactionTest {
  private static final String KEY = TestServer.API_KEY;
  /** A token whose URL-encoded form differs from the raw one. */
  private static final String TOKEN = "tok+en/9=abc";
  private static final String TOKEN_ENCODED = "tok%2Ben%2F9%3Dabc";

  private final TestServer test = new TestServer();

  @AfterEach
  void close() throws Exception {
    test.close();
  }

  @Test
  void errorBody_echoingTheKey_isRedactedInMessageAndBody() {
    try (HeyMiloClient client = test.client()) {
      test.enqueue(400, "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"key " + KEY + " is not valid here\"}}");

      ApiException error = assertThrows(BadRequestException.class, () -> client.interviews().getData("iv_1"));

      assertFalse(error.getMessage().contains(KEY), error.getMessage());
      assertTrue(error.getMessage().contains("key [redacted] is not valid here"), error.getMessage());
      assertFalse(error.body().contains(KEY), error.body());
      assertFalse(error.toString().contains(KEY));
    }
  }

  @Test
  void locationHeader_carryingTheKey_isRedactedInErrorsAndRawResponses() {
    try (HeyMiloClient client = test.client()) {
      test.enqueue(new MockResponse().setResponseCode(404).setHeader("Location", "https://elsewhere.example/?api_key=" + KEY)
          .setBody("{\"detail\": \"Not Found\"}"));
      test.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Location", "/x?api_key=" + KEY)
          .setHeader("Content-Type", "application/json").setBody(TestServer.interviewData("iv_1", "completed")));

      NotFoundException error = assertThrows(NotFoundException.class, () -> client.interviews().getData("iv_1"));
      RawResponse<?> raw = client.interviews().withRawResponse().getData("iv_1", RequestOptions.none());

      assertEquals(List.of("https://elsewhere.example/?api_key=[redacted]"), error.headers().get("location"));
      assertEquals("/x?api_key=[redacted]", raw.header("Content-Location"));
    }
  }

  @Test
  void urlHoldingTheKey_isRedactedInTheMessage() {
    try (HeyMiloClient client = test.clientBuilder().maxRetries(0).build()) {
      test.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

      ApiConnectionException error = assertThrows(ApiConnectionException.class, () -> client.interviews().getData(KEY));

      assertFalse(error.getMessage().contains(KEY), error.getMessage());
      assertTrue(error.getMessage().contains("GET /api/v2/interviews/[redacted]/data"), error.getMessage());
    }
  }

  @Test
  void bodyLogs_neverShowTheKey_wherever_itAppears() {
    try (HeyMiloClient client = test.clientBuilder().logLevel(LogLevel.BODY).build()) {
      test.enqueue(new MockResponse().setResponseCode(400).setHeader("Location", "/retry?key=" + KEY)
          .setHeader("Content-Type", "application/json").setBody("{\"error\": {\"message\": \"echo " + KEY + "\"}}"));

      assertThrows(BadRequestException.class, () -> client.interviews().getData("iv_1",
          RequestOptions.builder().queryParam("debug_key", KEY).build()));

      List<String> lines;
      synchronized (test.logLines) {
        lines = List.copyOf(test.logLines);
      }
      assertTrue(lines.stream().anyMatch(line -> line.contains("echo [redacted]")), String.join("\n", lines));
      assertTrue(lines.stream().anyMatch(line -> line.contains("debug_key=[redacted]")), String.join("\n", lines));
      assertTrue(lines.stream().anyMatch(line -> line.contains("/retry?key=[redacted]")), String.join("\n", lines));
      assertTrue(lines.stream().noneMatch(line -> line.contains(KEY)), String.join("\n", lines));
    }
  }

  @Test
  void redirectToAnotherHost_whoseUrlCarriesTheKey_isNotFollowed() throws Exception {
    try (okhttp3.mockwebserver.MockWebServer elsewhere = new okhttp3.mockwebserver.MockWebServer();
        HeyMiloClient client = test.client()) {
      elsewhere.enqueue(new MockResponse().setBody("ID3"));
      // 127.0.0.1 and localhost are different origins, as different hosts would be.
      String location = elsewhere.url("/audio/" + KEY + ".mp3").toString().replace("127.0.0.1", "localhost");
      test.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", location));

      ApiConnectionException error = assertThrows(ApiConnectionException.class, () -> client.voices().getPreview("v1"));

      assertEquals("Stopped GET /api/v2/voices/v1/preview: refused to follow a redirect to localhost: its URL "
          + "/audio/[redacted].mp3… carries the client's credential", error.getMessage());
      assertEquals(0, elsewhere.getRequestCount());
      assertEquals(1, test.server.getRequestCount(), "not retried");
    }
  }

  @Test
  void bearerToken_rawAndUrlEncoded_isRedacted() {
    try (HeyMiloClient client = HeyMiloClient.builder().bearerToken(TOKEN).baseUrl(test.server.url("/").toString()).build()) {
      test.enqueue(400, "{\"error\": {\"message\": \"raw " + TOKEN + " encoded " + TOKEN_ENCODED + "\"}}");

      ApiException error = assertThrows(BadRequestException.class, () -> client.interviews().getData("iv_1"));

      assertTrue(error.getMessage().contains("raw [redacted] encoded [redacted]"), error.getMessage());
    }
  }
}
