package ai.heymilo.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.RateLimit;
import ai.heymilo.sdk.RequestLimiter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What happens while Redis is down — killed, frozen, never started, or a port that accepts and never
 * answers — on redis-server processes of the test's own.
 */
class RedisOutageTest {
  private static final String API_KEY = "hm_outage_test_key";
  private static final String BUDGET_KEY = "sha256:" + RedisRateLimiterTest.sha256Hex(API_KEY);
  private static final RateLimit FIVE_PER_200_MS = RateLimit.of(5, Duration.ofMillis(200));
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(200);

  @Test
  void failOpen_redisKilled_callsGoOnPacedInProcess_withOneWarning_andRedisIsUsedAgainOnceBack() throws Exception {
    RecordingLogger log = new RecordingLogger();
    try (RedisProcess redis = RedisProcess.start();
        ArrivalServer server = new ArrivalServer();
        RedisRateLimiter limiter = limiter(redis.uri(), RedisOutagePolicy.FAIL_OPEN, log);
        HeyMiloClient client = client(server, limiter)) {
      for (int i = 0; i < 5; i++) {
        client.health().check();
      }
      redis.kill();
      int before = server.requestCount();

      long slowest = 0;
      for (int i = 0; i < 30; i++) {
        long start = System.nanoTime();
        client.health().check();
        slowest = Math.max(slowest, System.nanoTime() - start);
      }

      assertEquals(before + 30, server.requestCount(), "every call was sent");
      List<Long> duringOutage = server.arrivals().subList(before, before + 30);
      assertTrue(BudgetShapeTest.maxInWindow(duringOutage, Duration.ofMillis(200)) <= 5, "still paced, in process");
      List<String> warnings = log.at(System.Logger.Level.WARNING);
      assertEquals(1, warnings.size(), "one warning per outage: " + log.lines);
      assertTrue(warnings.get(0).startsWith("HeyMilo rate limit: Redis at 127.0.0.1:" + redis.port() + " is unreachable ("), warnings.get(0));
      assertTrue(warnings.get(0).endsWith("each process paces its own requests to 5 per PT0.2S until Redis answers (fail open). "
          + "Trying again every 0.2 s."), warnings.get(0));

      redis.restart();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (log.at(System.Logger.Level.INFO).isEmpty() && System.nanoTime() < deadline) {
        client.health().check();
      }
      List<String> back = log.at(System.Logger.Level.INFO);
      assertEquals(1, back.size(), "Redis's return is reported once: " + log.lines);
      assertTrue(back.get(0).matches("HeyMilo rate limit: Redis at 127\\.0\\.0\\.1:\\d+ answers again after [0-9.]+ s; "
          + "\\d+ requests were paced in this process meanwhile\\."), back.get(0));
      assertEquals(1, log.at(System.Logger.Level.WARNING).size());
      assertTrue(redisHasBucket(redis), "the budget is kept in Redis again");
    }
  }

  @Test
  void failClosed_redisKilled_callFailsTyped_andNothingIsSent() throws Exception {
    RecordingLogger log = new RecordingLogger();
    try (RedisProcess redis = RedisProcess.start();
        ArrivalServer server = new ArrivalServer();
        RedisRateLimiter limiter = limiter(redis.uri(), RedisOutagePolicy.FAIL_CLOSED, log);
        HeyMiloClient client = client(server, limiter)) {
      client.health().check();
      redis.kill();

      long start = System.nanoTime();
      RateLimiterUnavailableException e = assertThrows(RateLimiterUnavailableException.class, () -> client.health().check());
      long elapsed = System.nanoTime() - start;

      assertEquals(1, server.requestCount(), "nothing sent while Redis is down");
      assertTrue(elapsed < COMMAND_TIMEOUT.plusMillis(300).toNanos(), "failed fast: " + elapsed / 1e6 + " ms");
      assertTrue(e.getMessage().startsWith("Redis at 127.0.0.1:" + redis.port() + ", which holds the shared HeyMilo rate-limit budget, "
          + "is unreachable ("), e.getMessage());
      assertTrue(e.getMessage().endsWith("); the request was not sent. Restore the connection to Redis, or build the RedisRateLimiter "
          + "with outagePolicy(RedisOutagePolicy.FAIL_OPEN) to pace each process on its own meanwhile"), e.getMessage());
      for (int i = 1; i < RedisLink.FAILURES_BEFORE_OUTAGE; i++) {
        assertThrows(RateLimiterUnavailableException.class, () -> client.health().check());
      }
      assertEquals(1, server.requestCount());
      assertEquals(1, log.at(System.Logger.Level.WARNING).size(), "the outage is declared once: " + log.lines);
      assertTrue(log.at(System.Logger.Level.WARNING).get(0).contains("requests fail with RateLimiterUnavailableException until Redis "
          + "answers (fail closed)"));
    }
  }

  @Test
  void redisFrozen_threeRequestsWaitAtMostTheCommandTimeout_thenNoneWaits() throws Exception {
    RecordingLogger log = new RecordingLogger();
    try (RedisProcess redis = RedisProcess.start();
        RedisRateLimiter limiter = limiter(redis.uri(), RedisOutagePolicy.FAIL_OPEN, log)) {
      RequestLimiter budget = limiter.create(BUDGET_KEY);
      budget.reserve();
      redis.freeze();

      List<Long> first = new ArrayList<>();
      for (int i = 0; i < RedisLink.FAILURES_BEFORE_OUTAGE; i++) {
        first.add(timeReserve(budget));
        assertEquals(i < RedisLink.FAILURES_BEFORE_OUTAGE - 1 ? 0 : 1, log.at(System.Logger.Level.WARNING).size(),
            "a slow answer is not an outage yet; three in a row are: " + log.lines);
      }
      List<Long> next = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        next.add(timeReserve(budget));
      }

      assertTrue(first.stream().allMatch(n -> n >= COMMAND_TIMEOUT.toNanos() - Duration.ofMillis(20).toNanos()
          && n < COMMAND_TIMEOUT.plusMillis(250).toNanos()), "the requests that found Redis frozen waited " + first + " ns");
      assertTrue(next.stream().allMatch(n -> n < Duration.ofMillis(50).toNanos()), "the next ones did not wait for Redis: " + next);
      assertEquals(1, log.at(System.Logger.Level.WARNING).size(), log.lines.toString());
    }
  }

  @Test
  void redisNotRunningAtStart_buildReturnsAtOnce_pacesInProcess_andUsesRedisOnceItStarts() throws Exception {
    RecordingLogger log = new RecordingLogger();
    try (RedisProcess redis = RedisProcess.notStarted()) {
      long start = System.nanoTime();
      try (RedisRateLimiter limiter = unconnected(redis.uri(), RedisOutagePolicy.FAIL_OPEN, log)) {
        long buildNanos = System.nanoTime() - start;
        RequestLimiter budget = limiter.create(BUDGET_KEY);

        assertTrue(buildNanos < Duration.ofMillis(800).toNanos(), "connection refused is quick: " + buildNanos / 1e6 + " ms");
        assertEquals(Duration.ZERO, budget.reserve().delay(), "paced in process");
        assertEquals(1, log.at(System.Logger.Level.WARNING).size(), log.lines.toString());

        redis.restart();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.at(System.Logger.Level.INFO).isEmpty() && System.nanoTime() < deadline) {
          budget.reserve();
          Thread.sleep(20);
        }
        assertEquals(1, log.at(System.Logger.Level.INFO).size(), "connected once Redis started: " + log.lines);
        assertTrue(redisHasBucket(redis));
      }
    }
  }

  @Test
  void portThatAcceptsButNeverAnswers_buildWaitsAtMostTwiceTheConnectTimeout() throws Exception {
    RecordingLogger log = new RecordingLogger();
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // and never read or write
          }
        } catch (IOException closed) {
          // test over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      long start = System.nanoTime();
      try (RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri("redis://127.0.0.1:" + silent.getLocalPort())
          .limit(FIVE_PER_200_MS).commandTimeout(COMMAND_TIMEOUT).connectTimeout(Duration.ofMillis(300))
          .retryInterval(Duration.ofMillis(200)).logger(log).build()) {
        long buildNanos = System.nanoTime() - start;
        long reserveNanos = timeReserve(limiter.create(BUDGET_KEY));

        assertTrue(buildNanos < Duration.ofMillis(2 * 300 + 200).toNanos(), "build waited " + buildNanos / 1e6 + " ms");
        assertTrue(reserveNanos < Duration.ofMillis(50).toNanos(), "reserve did not wait: " + reserveNanos / 1e6 + " ms");
        assertEquals(1, log.at(System.Logger.Level.WARNING).size(), log.lines.toString());
      }
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void closedLimiter_failsTheCallTyped() throws Exception {
    try (RedisProcess redis = RedisProcess.start(); ArrivalServer server = new ArrivalServer()) {
      RedisRateLimiter limiter = limiter(redis.uri(), RedisOutagePolicy.FAIL_OPEN, new RecordingLogger());
      try (HeyMiloClient client = client(server, limiter)) {
        limiter.close();

        RateLimiterUnavailableException e = assertThrows(RateLimiterUnavailableException.class, () -> client.health().check());

        assertEquals("This RedisRateLimiter (Redis at 127.0.0.1:" + redis.port() + ") was closed; build the HeyMiloClient with a "
            + "limiter that is open", e.getMessage());
        assertEquals(0, server.requestCount());
      }
    }
  }

  /** A limiter connected to {@code uri} (what a slow first connect logged is forgotten). */
  private static RedisRateLimiter limiter(String uri, RedisOutagePolicy policy, RecordingLogger log) throws InterruptedException {
    RedisRateLimiter limiter = SharedRedis.connected(unconnected(uri, policy, log));
    log.lines.clear();
    return limiter;
  }

  private static RedisRateLimiter unconnected(String uri, RedisOutagePolicy policy, RecordingLogger log) {
    return RedisRateLimiter.builder().redisUri(uri).limit(FIVE_PER_200_MS).commandTimeout(COMMAND_TIMEOUT)
        .connectTimeout(Duration.ofSeconds(2)).retryInterval(Duration.ofMillis(200)).outagePolicy(policy).logger(log).build();
  }

  private static HeyMiloClient client(ArrivalServer server, RedisRateLimiter limiter) {
    return HeyMiloClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).maxRetries(0).rateLimiter(limiter).build();
  }

  private static long timeReserve(RequestLimiter budget) {
    long start = System.nanoTime();
    budget.reserve();
    return System.nanoTime() - start;
  }

  private static boolean redisHasBucket(RedisProcess redis) {
    io.lettuce.core.RedisClient inspector = io.lettuce.core.RedisClient.create(redis.uri());
    try (io.lettuce.core.api.StatefulRedisConnection<String, String> connection = inspector.connect()) {
      return connection.sync().exists(RedisRateLimiter.DEFAULT_KEY_PREFIX + BUDGET_KEY) == 1;
    } finally {
      inspector.shutdown();
    }
  }
}
