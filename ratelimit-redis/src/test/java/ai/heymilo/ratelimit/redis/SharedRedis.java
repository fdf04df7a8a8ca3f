package ai.heymilo.ratelimit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The Redis server the tests share: {@code -Dheymilo.test.redis} (the build passes
 * {@code redis://127.0.0.1:6390}, where {@code scripts/redis start} and {@code .ci/run} start one).
 * Tests that need it fail — never skip — when it does not answer.
 */
final class SharedRedis {
  /** The budget {@link #connected} warms up on, apart from the ones the tests look at. */
  static final String WARMUP_BUDGET_KEY = "sha256:" + "f".repeat(64);

  private SharedRedis() {}

  /** Returns the URI after checking that a Redis server answers PING there. */
  static String uri() {
    String uri = System.getProperty("heymilo.test.redis", System.getenv().getOrDefault("HEYMILO_TEST_REDIS", "redis://127.0.0.1:6390"));
    URI parsed = URI.create(uri);
    String answer;
    try {
      answer = ping(parsed.getHost(), parsed.getPort());
    } catch (IOException e) {
      throw new AssertionError("These tests need a Redis server at " + uri + " and none answers (" + e + "). "
          + "Start one with `scripts/redis start` (needs redis-server: apt-get install redis-server), "
          + "or point -Dheymilo.test.redis at yours.", e);
    }
    if (!answer.startsWith("+PONG")) {
      throw new AssertionError("The server at " + uri + " is not a usable Redis: it answered PING with '" + answer.strip() + "'");
    }
    return uri;
  }

  /**
   * Waits until {@code limiter} paces through Redis — on a busy machine a cold JVM may miss the first connect
   * timeout — reserving on a budget of its own meanwhile; fails after 30 s.
   */
  static RedisRateLimiter connected(RedisRateLimiter limiter) throws InterruptedException {
    ai.heymilo.sdk.RequestLimiter warmup = limiter.create(WARMUP_BUDGET_KEY);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      warmup.reserve();
      if (limiter.isRedisReachable()) {
        return limiter;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(limiter + " did not reach Redis within 30 s");
      }
      Thread.sleep(50);
    }
  }

  /** Sends an inline PING and returns the first line of the answer. */
  static String ping(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString();
    }
  }
}
