package ai.heymilo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The standalone server: {@code HeyMiloSandbox.main}. */
class MainTest {
  @Test
  void serve_printsOneLineWithTheBaseUrlAndKey_andServesUntilStopped() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    CountDownLatch stop = new CountDownLatch(1);
    Thread server = new Thread(() -> HeyMiloSandbox.serve(HeyMiloSandbox.parsePort(new String[] {"--port", "0"}), out, stop));
    server.start();
    String line = "";
    for (int i = 0; i < 200 && line.isEmpty(); i++) {
      Thread.sleep(25);
      line = printed.toString(StandardCharsets.UTF_8).trim();
    }
    Matcher url = Pattern.compile("HeyMilo sandbox at (http://127\\.0\\.0\\.1:\\d+) \\(API key: hm_sandbox_key\\); stop with Ctrl\\+C")
        .matcher(line);
    assertTrue(url.matches(), line);
    HttpResponse<String> health = HeyMiloSandboxTest.http("GET", url.group(1) + "/health", Map.of());
    assertEquals(200, health.statusCode());
    assertEquals("ok", SandboxJson.parse(health.body()).path("status").asText());

    stop.countDown();
    server.join(TimeUnit.SECONDS.toMillis(10));
    assertTrue(!server.isAlive(), "the server thread ends once stopped");
    assertThrows(java.io.IOException.class, () -> HeyMiloSandboxTest.http("GET", url.group(1) + "/health", Map.of()));
  }

  @Test
  void parsePort_defaultOrGiven() {
    assertEquals(8089, HeyMiloSandbox.parsePort(new String[0]));
    assertEquals(9000, HeyMiloSandbox.parsePort(new String[] {"--port", "9000"}));
    assertEquals(0, HeyMiloSandbox.parsePort(new String[] {"--port=0"}));
  }

  @Test
  void parsePort_badArguments_sayWhatIsWrong() {
    assertEquals("--port needs a value, for example --port 8089",
        assertThrows(IllegalArgumentException.class, () -> HeyMiloSandbox.parsePort(new String[] {"--port"})).getMessage());
    assertEquals("--port must be a number between 0 and 65535, but was 'x'",
        assertThrows(IllegalArgumentException.class, () -> HeyMiloSandbox.parsePort(new String[] {"--port", "x"})).getMessage());
    assertEquals("--port must be between 0 and 65535, but was 70000",
        assertThrows(IllegalArgumentException.class, () -> HeyMiloSandbox.parsePort(new String[] {"--port", "70000"})).getMessage());
    assertEquals("unknown argument '--verbose'",
        assertThrows(IllegalArgumentException.class, () -> HeyMiloSandbox.parsePort(new String[] {"--verbose"})).getMessage());
  }
}
