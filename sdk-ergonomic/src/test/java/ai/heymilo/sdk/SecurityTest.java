package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The credentials go to the API's origin only and never into logs. */
class SecurityTest {
  private final TestServer test = new TestServer();

  @AfterEach
  void close() throws Exception {
    test.close();
  }

  @Test
  void credentials_areSentToTheApiOrigin() {
    try (HeyMiloClient client = test.clientBuilder().workspaceId("ws_1").build()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

      client.interviews().getData("iv_1");

      RecordedRequest request = test.takeRequest();
      assertEquals(TestServer.API_KEY, request.getHeader("X-API-KEY"));
      assertEquals("ws_1", request.getHeader("X-Workspace-Id"));
      assertNull(request.getHeader("Authorization"));
      assertTrue(request.getHeader("User-Agent").matches("heymilo-java/\\S+ Java/\\S+"), request.getHeader("User-Agent"));
    }
  }

  @Test
  void bearerToken_isSentAsAuthorization() {
    try (HeyMiloClient client = HeyMiloClient.builder().bearerToken("oauth_token_9").baseUrl(test.server.url("/").toString()).build()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

      client.interviews().getData("iv_1");

      RecordedRequest request = test.takeRequest();
      assertEquals("Bearer oauth_token_9", request.getHeader("Authorization"));
      assertNull(request.getHeader("X-API-KEY"));
    }
  }

  @Test
  void redirectToAnotherHost_carriesNoCredentials() throws Exception {
    try (MockWebServer audioHost = new MockWebServer(); HeyMiloClient client = test.clientBuilder().workspaceId("ws_1").build()) {
      audioHost.enqueue(new MockResponse().setHeader("Content-Type", "audio/mpeg").setBody("ID3-audio-bytes"));
      // 127.0.0.1 and localhost are different origins, as different hosts would be.
      String elsewhere = audioHost.url("/previews/v1.mp3").toString().replace("127.0.0.1", "localhost");
      test.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere));

      byte[] audio = client.voices().getPreview("voice_sarah");

      assertArrayEquals("ID3-audio-bytes".getBytes(StandardCharsets.UTF_8), audio);
      assertEquals(TestServer.API_KEY, test.takeRequest().getHeader("X-API-KEY"));
      RecordedRequest redirected = audioHost.takeRequest();
      assertNull(redirected.getHeader("X-API-KEY"));
      assertNull(redirected.getHeader("Authorization"));
      assertNull(redirected.getHeader("X-Workspace-Id"));
    }
  }

  @Test
  void logs_maskCredentialsAndCookies() {
    try (HeyMiloClient client = test.clientBuilder().logLevel(LogLevel.HEADERS).build()) {
      test.enqueue(new MockResponse().setHeader("Set-Cookie", "session=abc123").setHeader("Content-Type", "application/json")
          .setBody(TestServer.interviewData("iv_1", "completed")));

      client.interviews().getData("iv_1");

      String log = String.join("\n", test.logLines);
      assertTrue(log.contains("GET " + test.server.url("/api/v2/interviews/iv_1/data")), log);
      assertTrue(log.contains("X-API-KEY: ██"), log);
      assertTrue(log.contains("Set-Cookie: ██"), log);
      assertFalse(log.contains(TestServer.API_KEY), log);
      assertFalse(log.contains("abc123"), log);
    }
  }

  @Test
  void loggingIsOffByDefault() {
    try (HeyMiloClient client = test.client()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

      client.interviews().getData("iv_1");

      assertEquals(java.util.List.of(), test.logLines);
    }
  }

  @Test
  void toString_neverShowsTheKey() {
    try (HeyMiloClient client = test.client()) {
      assertFalse(client.toString().contains(TestServer.API_KEY), client.toString());
      assertTrue(client.toString().contains("auth=api key"), client.toString());
    }
  }
}
