package ai.heymilo.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.PostingResponse;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.params.ListPostingsParams;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record mode: a proxy to a real API whose recordings keep no secret and replay in a sandbox. */
class RecorderTest {
  private static final String KEY = "sk_live_9f8e7d6c5b4a3f2e1d0c";
  private static final String COOKIE = "sess_7a6b5c4d3e2f1a0b";

  private WireMockServer upstream;

  @BeforeEach
  void startUpstream() {
    upstream = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    upstream.start();
    String posting = "{\"data\": {\"object\": \"posting\", \"id\": \"13D77095\", \"company_id\": \"comp_abc123\", "
        + "\"title\": \"Customer Service Representative\", \"description\": \"Recorded with key " + KEY + "\", "
        + "\"status\": \"active\", \"finalized\": true, \"archived\": false, \"test_posting\": false}, \"meta\": null}";
    // The upstream insists on the key, echoes it in a header and the body, and sets a session cookie.
    upstream.stubFor(get(urlPathEqualTo("/api/v2/postings/13D77095")).withHeader("X-API-KEY", equalTo(KEY))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withHeader("X-Echo-Key", KEY).withHeader("Set-Cookie", "session=" + COOKIE + "; Path=/; HttpOnly")
            .withBody(posting)));
    upstream.stubFor(get(urlPathEqualTo("/api/v2/postings")).withHeader("X-API-KEY", equalTo(KEY))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"data\": [], \"pagination\": {\"has_more\": false, \"total_count\": 0, \"url\": \"/api/v2/postings?search=" + KEY
                + "\"}}")));
    upstream.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"error\": {\"type\": \"authentication_error\", \"code\": \"invalid_api_key\", \"message\": \"Invalid API key\"}}")));
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop();
  }

  @Test
  void record_throughTheSdk_writesNoSecret_andReplaysInASandbox(@TempDir Path out) throws Exception {
    List<Path> written;
    try (Recorder recorder = HeyMiloSandbox.record(upstream.baseUrl(), out);
         HeyMiloClient client = HeyMiloClient.builder().apiKey(KEY).workspaceId("ws_secret_workspace").baseUrl(recorder.baseUrl())
             .maxRetries(0).build()) {
      assertTrue(recorder.baseUrl().startsWith("http://127.0.0.1:"));
      assertEquals("Recorded with key " + KEY, client.postings().get("13D77095").getDescription());
      assertEquals(0, client.postings().list(ListPostingsParams.builder().search(KEY).build()).stream().count());
      written = recorder.stop();
      assertEquals(written, recorder.stop(), "stop() twice returns the same files");
    }

    assertEquals(4, written.size(), "two mappings and two bodies: " + written);
    assertTrue(written.stream().allMatch(Files::isRegularFile));
    assertEquals(2, written.stream().filter(p -> p.getParent().equals(out.resolve("mappings"))).count());
    assertEquals(2, written.stream().filter(p -> p.getParent().equals(out.resolve("__files"))).count());
    for (Path file : written) {
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertFalse(text.contains(KEY), file + " contains the key");
      assertFalse(text.contains(COOKIE), file + " contains the session cookie");
      assertFalse(text.contains("ws_secret_workspace"), file + " contains the workspace header");
      String lower = text.toLowerCase(Locale.ROOT);
      for (String header : List.of("x-api-key", "authorization", "set-cookie", "\"cookie", "x-workspace-id")) {
        assertFalse(lower.contains(header), file + " mentions " + header + ":\n" + text);
      }
    }
    String all = written.stream().map(RecorderTest::read).collect(Collectors.joining("\n"));
    assertTrue(all.contains("Recorded with key " + HeyMiloSandbox.API_KEY), all);
    assertTrue(all.contains("X-Echo-Key"), "other headers are kept");

    try (HeyMiloSandbox replay = HeyMiloSandbox.start(0, new SingleRootFileSource(out.toFile()));
         HeyMiloClient client = replay.client()) {
      PostingResponse posting = client.postings().get("13D77095");
      assertEquals("Customer Service Representative", posting.getTitle());
      assertEquals("Recorded with key " + HeyMiloSandbox.API_KEY, posting.getDescription());
      assertEquals(0, client.postings().list(ListPostingsParams.builder().search(HeyMiloSandbox.API_KEY).build()).stream().count());
    }
  }

  @Test
  void record_webhookRegistration_keepsNoSharedSecretOfTheWebhookUrl(@TempDir Path out) throws Exception {
    String token = "whsec_4b3a2c1d0e9f8a7b";
    String password = "hook-pass-5e6f7a8b";
    String url = "https://hooks:" + password + "@hooks.example.com/heymilo?token=" + token;
    upstream.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v2/webhooks"))
        .withHeader("X-API-KEY", equalTo(KEY))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"data\": {\"webhook_id\": \"42AE4CFA720B1C35D499E9E39C14F321\", \"posting_id\": \"13D77095\", "
                + "\"webhook_url\": \"" + url.replace("/", "\\/") + "\", \"event_type\": \"report_available\", \"is_active\": true}, \"meta\": null}")));
    List<Path> written;
    try (Recorder recorder = HeyMiloSandbox.record(upstream.baseUrl(), out);
         HeyMiloClient client = HeyMiloClient.builder().apiKey(KEY).baseUrl(recorder.baseUrl()).maxRetries(0).build()) {
      assertEquals(url, client.webhooks().create(new ai.heymilo.model.CreateWebhookRequest().postingId("13D77095")
          .webhookUrl(url).eventType("report_available")).getWebhookUrl());
      written = recorder.stop();
    }
    assertFalse(written.isEmpty());
    for (Path file : written) {
      String text = read(file);
      assertFalse(text.contains(token), file + " contains the webhook's token:\n" + text);
      assertFalse(text.contains(password), file + " contains the webhook URL's password:\n" + text);
    }
    assertTrue(written.stream().map(RecorderTest::read).anyMatch(t -> t.contains("token=" + HeyMiloSandbox.API_KEY)),
        "the secret is replaced, the URL kept");
  }

  @Test
  void record_plainHttpToAnotherHost_isRefused(@TempDir Path out) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HeyMiloSandbox.record("http://api.heymilo.ai", out));
    assertTrue(e.getMessage().startsWith("upstreamBaseUrl must use https (plain http is allowed only for localhost)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HeyMiloSandbox.record("ftp://api.heymilo.ai", out));
  }

  @Test
  void close_withoutStop_writesNothing(@TempDir Path out) throws Exception {
    try (Recorder recorder = HeyMiloSandbox.record(upstream.baseUrl(), out)) {
      HeyMiloSandboxTest.http("GET", recorder.baseUrl() + "/api/v2/postings/13D77095", java.util.Map.of("X-API-KEY", KEY));
    }
    try (var files = Files.list(out)) {
      assertEquals(0, files.count());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
