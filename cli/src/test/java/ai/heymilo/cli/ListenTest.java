package ai.heymilo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code webhooks listen}: events printed as they arrive, repeats marked, deliveries forwarded unchanged. */
class ListenTest extends CliTest {
  private static final String SECRET = "s3cret-0123456789abcdef0123456789";
  private static final String EVENT = "{\"event_type\": \"report_available\", \"posting_id\": \"13D77095\", \"interview_id\": \"iv_42\"}";

  @Test
  void printsEachEvent_marksRepeats_forwardsBodyAndHeaders() throws Exception {
    LinkedBlockingQueue<String> forwarded = new LinkedBlockingQueue<>();
    HttpServer downstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    downstream.createContext("/hook", exchange -> {
      forwarded.add(exchange.getRequestHeaders().getFirst("Content-Type") + " " + exchange.getRequestHeaders().getFirst("X-Trace")
          + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    downstream.start();
    int port = freePort();
    try {
      CompletableFuture<Run> listening = CompletableFuture.supplyAsync(() -> run(Map.of(), "webhooks", "listen", "--port", String.valueOf(port),
          "--path", "/heymilo", "--count", "2", "--secret", SECRET, "--forward-header", "X-Trace",
          "--forward", "http://127.0.0.1:" + downstream.getAddress().getPort() + "/hook"));
      HttpClient http = HttpClient.newHttpClient();
      URI endpoint = URI.create("http://127.0.0.1:" + port + "/heymilo?token=" + SECRET);
      int first = deliver(http, endpoint);
      int wrongSecret = http.send(post(URI.create("http://127.0.0.1:" + port + "/heymilo?token=nope")), HttpResponse.BodyHandlers.discarding()).statusCode();
      int repeat = deliver(http, endpoint);
      Run run = listening.get(20, TimeUnit.SECONDS);

      assertEquals(204, first);
      assertEquals(401, wrongSecret);
      assertEquals(204, repeat);
      assertExit(0, run);
      String[] lines = run.out.split("\n");
      assertEquals(2, lines.length, run::toString);
      assertTrue(lines[0].matches("\\d\\d:\\d\\d:\\d\\d  report_available  interview iv_42  posting 13D77095"), run::toString);
      assertTrue(lines[1].endsWith("posting 13D77095  (repeat)"), run::toString);
      assertTrue(run.err.startsWith("Listening on http://127.0.0.1:" + port + "/heymilo, forwarding to http://127.0.0.1:"), run::toString);
      assertContains("→ 204 from http://127.0.0.1:", run.err, run);
      assertEquals("application/json trace-1 " + EVENT, forwarded.poll(5, TimeUnit.SECONDS));
    } finally {
      downstream.stop(0);
    }
  }

  @Test
  void json_printsOneEventPerLine() throws Exception {
    int port = freePort();
    CompletableFuture<Run> listening = CompletableFuture.supplyAsync(() -> run(Map.of(), "webhooks", "listen", "--port", String.valueOf(port),
        "--count", "1", "--json"));
    deliver(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + port + "/"));
    Run run = listening.get(20, TimeUnit.SECONDS);

    assertExit(0, run);
    assertEquals("{\"event_type\":\"report_available\",\"posting_id\":\"13D77095\",\"interview_id\":\"iv_42\"}\n", run.out);
  }

  @Test
  void badOptions_areUsageErrors() {
    assertExit(2, run(Map.of(), "webhooks", "listen", "--forward", "localhost:3000"));
    Run shortSecret = run(Map.of(), "webhooks", "listen", "--port", "0", "--secret", "abc");
    assertExit(2, shortSecret);
    assertContains("shared secret must have at least", shortSecret.err, shortSecret);
  }

  private static int deliver(HttpClient http, URI endpoint) throws Exception {
    // The receiver may still be starting: retry briefly while nothing listens.
    for (int attempt = 0; ; attempt++) {
      try {
        return http.send(post(endpoint), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (java.net.ConnectException notYet) {
        if (attempt > 100) {
          throw notYet;
        }
        Thread.sleep(50);
      }
    }
  }

  private static HttpRequest post(URI endpoint) {
    return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
        .header("X-Trace", "trace-1").POST(HttpRequest.BodyPublishers.ofString(EVENT)).build();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
