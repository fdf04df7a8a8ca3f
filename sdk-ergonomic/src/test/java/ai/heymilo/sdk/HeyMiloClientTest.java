package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.PostingResponse;
import ai.heymilo.sdk.errors.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeyMiloClientTest {
  private final TestServer test = new TestServer();

  @AfterEach
  void close() throws Exception {
    test.close();
  }

  @Test
  void build_withoutCredentials_saysHowToFixIt() {
    ConfigurationException error = assertThrows(ConfigurationException.class, () -> HeyMiloClient.builder().build());

    assertEquals("apiKey is required but was not set; call apiKey(...) (or bearerToken(...)) or set HEYMILO_API_KEY and use "
        + "HeyMiloClient.fromEnv()", error.getMessage());
  }

  @Test
  void apiKey_blankOrWithWhitespace_isRefusedWithoutEchoingIt() {
    assertEquals("apiKey must not be blank; pass your HeyMilo credential (for example from HEYMILO_API_KEY)",
        assertThrows(IllegalArgumentException.class, () -> HeyMiloClient.builder().apiKey("  ")).getMessage());
    IllegalArgumentException newline = assertThrows(IllegalArgumentException.class, () -> HeyMiloClient.builder().apiKey("hm_secret\n"));
    assertEquals("apiKey must not contain whitespace or control characters (found at position 9 of 10); check for a stray space "
        + "or newline where it was read from", newline.getMessage());
    assertFalse(newline.getMessage().contains("hm_secret"));
    assertThrows(IllegalArgumentException.class, () -> HeyMiloClient.builder().apiKey(null));
  }

  @Test
  void bothCredentials_areRefused() {
    assertEquals("both apiKey and bearerToken are set; use one of them", assertThrows(ConfigurationException.class,
        () -> HeyMiloClient.builder().apiKey("a").bearerToken("b").build()).getMessage());
  }

  @Test
  void plainHttp_isAllowedOnlyForLoopback() {
    HeyMiloClient.builder().baseUrl("http://localhost:8080");
    HeyMiloClient.builder().baseUrl("http://127.0.0.1:9999/");
    HeyMiloClient.builder().baseUrl("http://[::1]:9999/");
    assertEquals("baseUrl must use https (plain http is allowed only for localhost), but was 'http://api.heymilo.ai'; the API key "
        + "would travel unencrypted", assertThrows(IllegalArgumentException.class,
        () -> HeyMiloClient.builder().baseUrl("http://api.heymilo.ai")).getMessage());
    assertEquals("baseUrl must be an http(s) URL such as https://api.heymilo.ai, but was 'ftp://x'",
        assertThrows(IllegalArgumentException.class, () -> HeyMiloClient.builder().baseUrl("ftp://x")).getMessage());
  }

  @Test
  void settings_areValidatedAtOnce() {
    assertEquals("maxRetries must be 0 or more, but was -1",
        assertThrows(IllegalArgumentException.class, () -> HeyMiloClient.builder().maxRetries(-1)).getMessage());
    assertEquals("timeout must be between 1 ms and 24 days, but was PT0S",
        assertThrows(IllegalArgumentException.class, () -> HeyMiloClient.builder().timeout(Duration.ZERO)).getMessage());
    assertEquals("maxConcurrentRequests must be at least 1, but was 0",
        assertThrows(IllegalArgumentException.class, () -> HeyMiloClient.builder().maxConcurrentRequests(0)).getMessage());
  }

  @Test
  void fromEnv_readsKeyUrlAndWorkspace() {
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
    try (HeyMiloClient client = HeyMiloClient.fromEnv(Map.of("HEYMILO_API_KEY", "hm_env_key\n",
        "HEYMILO_BASE_URL", test.server.url("/").toString(), "HEYMILO_WORKSPACE_ID", "ws_9"))) {
      client.interviews().getData("iv_1");
    }

    assertEquals("hm_env_key", test.takeRequest().getHeader("X-API-KEY"));
  }

  @Test
  void fromEnv_withoutKey_saysWhatToSet() {
    assertEquals("HEYMILO_API_KEY is not set; export your HeyMilo API key as HEYMILO_API_KEY or use HeyMiloClient.builder().apiKey(...)",
        assertThrows(ConfigurationException.class, () -> HeyMiloClient.fromEnv(Map.of())).getMessage());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void bothJsonLibraries_decodeTheSameModels(JsonLibrary library) {
    try (HeyMiloClient client = test.clientBuilder().jsonLibrary(library).build()) {
      test.enqueue(200, "{\"data\": {\"interview_id\": \"iv_1\", \"status\": \"completed\", \"score\": 91,"
          + " \"metadata\": {\"source\": \"workday\"}, \"future_field\": {\"n\": 1}}, \"meta\": {\"took\": 3}}");

      RawResponse<InterviewDataResponse> raw = client.interviews().withRawResponse().getData("iv_1");

      assertEquals(91.0, raw.data().getScore());
      assertEquals(Map.of("source", "workday"), raw.data().getMetadata());
      assertEquals(Map.of("n", 1L), raw.data().getAdditionalProperty("future_field"));
      assertEquals(Map.of("took", 3L), raw.meta());
    }
  }

  @Test
  void rawResponse_exposesStatusHeadersRequestIdAndRateLimit() {
    try (HeyMiloClient client = test.client()) {
      test.enqueue(new okhttp3.mockwebserver.MockResponse().setHeader("X-Request-Id", "req_7").setHeader("X-RateLimit-Limit", "300")
          .setHeader("X-RateLimit-Remaining", "299").setHeader("X-RateLimit-Reset", "60").setBody(TestServer.interviewData("iv_1", "completed")));

      RawResponse<InterviewDataResponse> raw = client.interviews().withRawResponse().getData("iv_1");

      assertEquals(200, raw.statusCode());
      assertEquals("req_7", raw.requestId());
      assertEquals(Long.valueOf(299), raw.rateLimit().remaining());
      assertEquals(Long.valueOf(300), raw.rateLimit().limit());
      assertEquals("iv_1", raw.data().getInterviewId());
    }
  }

  /** The README's client snippet, run against a local server. */
  @Test
  void designSnippet_worksAsShown() throws Exception {
    HeyMiloClient client = HeyMiloClient.builder()
        .apiKey(TestServer.API_KEY)
        .baseUrl(test.server.url("/").toString())
        .maxRetries(2)
        .timeout(Duration.ofSeconds(30))
        .jsonLibrary(JsonLibrary.GSON)
        .build();
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
    test.enqueue(200, TestServer.interviewData("iv_1", "knocked_out"));
    test.enqueue(200, "{\"data\": {\"object\": \"metadata\", \"metadata\": {\"external_id\": \"ats_1\"}}}");
    test.enqueue(200, "{\"data\": [{\"id\": \"P1\", \"title\": \"Barista\"}], \"pagination\": {\"has_more\": true}}");
    test.enqueue(200, "{\"data\": [{\"id\": \"P2\", \"title\": \"Chef\"}], \"pagination\": {\"has_more\": false}}");

    InterviewDataResponse d = client.interviews().getData("iv_1");
    InterviewDataResponse r = client.interviews().awaitData("iv_1", WaitOptions.builder().timeout(Duration.ofMinutes(10)).build());
    CompletableFuture<InterviewDataResponse> f = client.interviews().awaitDataAsync("iv_1", WaitOptions.defaults());
    InterviewDataResponse asyncResult = f.get(); // before the next call: both draw on the same response queue
    Map<String, String> m = client.interviews().getMetadata("iv_1");
    List<String> titles = new ArrayList<>();
    for (PostingResponse p : client.postings().list()) {
      titles.add(p.getTitle());
    }

    assertEquals("completed", d.getStatus());
    assertEquals("completed", r.getStatus());
    assertEquals("knocked_out", asyncResult.getStatus());
    assertEquals(Map.of("external_id", "ats_1"), m);
    assertEquals(List.of("Barista", "Chef"), titles);
    assertEquals("/api/v2/postings?starting_after=P1", lastPath());
    client.close();
  }

  private String lastPath() {
    String path = null;
    while (test.server.getRequestCount() > 0) {
      okhttp3.mockwebserver.RecordedRequest request;
      try {
        request = test.server.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      if (request == null) {
        break;
      }
      path = request.getPath();
    }
    return path;
  }

  @Test
  void resources_areCreatedOnFirstUseAndReused() {
    try (HeyMiloClient client = test.client()) {
      assertTrue(client.postings() == client.postings(), "one resource per client");
      assertTrue(client.interviews().withRawResponse() == client.interviews().withRawResponse());
    }
  }

  @Test
  void withOptions_changesOnlyWhatItSays() {
    try (HeyMiloClient client = test.clientBuilder().workspaceId("ws_1").build()) {
      HeyMiloClient other = client.withOptions(options -> options.workspaceId("ws_2"));
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

      client.interviews().getData("iv_1");
      other.interviews().getData("iv_1");

      assertEquals("ws_1", test.takeRequest().getHeader("X-Workspace-Id"));
      okhttp3.mockwebserver.RecordedRequest second = test.takeRequest();
      assertEquals("ws_2", second.getHeader("X-Workspace-Id"));
      assertEquals(TestServer.API_KEY, second.getHeader("X-API-KEY"));
    }
  }

  @Test
  void close_stopsTheThreadsTheClientCreated() throws Exception {
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
    HeyMiloClient client = HeyMiloClient.builder().apiKey("k").baseUrl(test.server.url("/").toString()).build();
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
    test.enqueue(503, "{}");
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
    client.async().interviews().getData("iv_1").get();
    client.async().interviews().getData("iv_1").get(); // a retry: the scheduler thread starts too
    List<Thread> created = new ArrayList<>(Thread.getAllStackTraces().keySet());
    created.removeAll(before);
    created.removeIf(thread -> !thread.getName().startsWith("heymilo-"));
    assertFalse(created.isEmpty(), "the client created no threads of its own?");

    client.close();

    for (Thread thread : created) {
      thread.join(2000);
      assertFalse(thread.isAlive(), thread.getName() + " still running after close()");
    }
  }
}
