package ai.heymilo.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.RateLimit;
import ai.heymilo.sdk.RequestLimiter;
import ai.heymilo.sdk.errors.ConfigurationException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared budget on the real Redis the tests share (see {@link SharedRedis}). */
class RedisRateLimiterTest {
  private static final String API_KEY = "hm_live_fleet_test_key_0123456789";
  private static final RateLimit TEN_PER_HALF_SECOND = RateLimit.of(10, Duration.ofMillis(500));

  private static String redisUri;
  private static RedisClient inspector;
  private static StatefulRedisConnection<byte[], byte[]> inspection;
  private final String prefix = "heymilo:test:" + UUID.randomUUID() + ":";

  @BeforeAll
  static void redis() {
    redisUri = SharedRedis.uri();
    inspector = RedisClient.create(redisUri);
    inspection = inspector.connect(ByteArrayCodec.INSTANCE);
  }

  @AfterAll
  static void closeInspector() {
    inspection.close();
    inspector.shutdown();
  }

  @AfterEach
  void deleteKeys() {
    RedisCommands<byte[], byte[]> redis = inspection.sync();
    for (byte[] key : redis.keys((prefix + "*").getBytes(StandardCharsets.UTF_8))) {
      redis.del(key);
    }
  }

  @Test
  void threeClientsOneKey_shareOneBudget_noWindowAtTheServerAboveTheLimit() throws Exception {
    try (ArrivalServer server = new ArrivalServer();
        RedisRateLimiter limiter = SharedRedis.connected(RedisRateLimiter.builder().redisUri(redisUri).keyPrefix(prefix).limit(TEN_PER_HALF_SECOND).build())) {
      long wallNanos = callFromClients(server, 3, 12, b -> b.rateLimiter(limiter));

      List<Long> arrivals = server.arrivals();
      assertEquals(36, arrivals.size());
      assertTrue(BudgetShapeTest.maxInWindow(arrivals, Duration.ofMillis(500)) <= 10,
          "most requests in 500 ms: " + BudgetShapeTest.maxInWindow(arrivals, Duration.ofMillis(500)));
      // Burst 1, then 9 per 550 ms (the margin's 50 ms floor): 35 more requests take 2.14 s when the budget is shared.
      assertTrue(wallNanos >= Duration.ofMillis(2_050).toNanos(), "paced: " + wallNanos / 1e6 + " ms");
      assertTrue(wallNanos <= Duration.ofMillis(3_200).toNanos(), "yet near the limit: " + wallNanos / 1e6 + " ms");
    }
  }

  @Test
  void threeClientsOneKey_eachWithItsOwnInProcessLimit_exceedTheLimitTogether() throws Exception {
    // What the shared budget is for: the same run paced per client lets three times the limit through.
    try (ArrivalServer server = new ArrivalServer()) {
      callFromClients(server, 3, 12, b -> b.rateLimit(TEN_PER_HALF_SECOND));

      assertTrue(BudgetShapeTest.maxInWindow(server.arrivals(), Duration.ofMillis(500)) > 10);
    }
  }

  @Test
  void redisKeys_holdOnlyTheHashOfTheApiKey_andExpire() throws Exception {
    try (ArrivalServer server = new ArrivalServer();
        RedisRateLimiter limiter = SharedRedis.connected(RedisRateLimiter.builder().redisUri(redisUri).keyPrefix(prefix).limit(TEN_PER_HALF_SECOND).build())) {
      callFromClients(server, 2, 3, b -> b.rateLimiter(limiter));

      RedisCommands<byte[], byte[]> redis = inspection.sync();
      List<byte[]> keys = redis.keys((prefix + "*").getBytes(StandardCharsets.UTF_8));
      keys.removeIf(k -> new String(k, StandardCharsets.UTF_8).endsWith(SharedRedis.WARMUP_BUDGET_KEY));
      assertEquals(1, keys.size(), "one bucket for one API key");
      String key = new String(keys.get(0), StandardCharsets.UTF_8);
      assertEquals(prefix + "sha256:" + sha256Hex(API_KEY), key);
      byte[] value = redis.get(keys.get(0));
      assertFalse(new String(value, StandardCharsets.ISO_8859_1).contains(API_KEY), "the bucket's state holds no key");
      long ttl = redis.pttl(keys.get(0));
      assertTrue(ttl > 0 && ttl <= Duration.ofSeconds(11).toMillis(), "expires once refilled: PTTL " + ttl);
    }
  }

  @Test
  void twoApiKeys_haveSeparateBudgets() throws InterruptedException {
    try (RedisRateLimiter limiter = SharedRedis.connected(RedisRateLimiter.builder().redisUri(redisUri).keyPrefix(prefix)
        .limit(RateLimit.of(3, Duration.ofMinutes(1))).burst(2).build())) {
      RequestLimiter first = limiter.create("sha256:" + sha256Hex("key-one"));
      RequestLimiter second = limiter.create("sha256:" + sha256Hex("key-two"));

      assertEquals(Duration.ZERO, first.reserve().delay());
      assertEquals(Duration.ZERO, first.reserve().delay());
      assertTrue(first.reserve().delay().compareTo(Duration.ofSeconds(29)) > 0, "the first key's budget is spent");
      assertEquals(Duration.ZERO, second.reserve().delay(), "the second key's is not");
    }
  }

  @Test
  void twoLimitersOnOneRedis_shareTheKeysBudget_likeTwoProcesses() throws InterruptedException {
    String budgetKey = "sha256:" + sha256Hex("shared-by-two-processes");
    try (RedisRateLimiter processA = SharedRedis.connected(RedisRateLimiter.builder().redisUri(redisUri).keyPrefix(prefix)
            .limit(RateLimit.of(3, Duration.ofMinutes(1))).burst(2).build());
        RedisRateLimiter processB = SharedRedis.connected(RedisRateLimiter.builder().redisUri(redisUri).keyPrefix(prefix)
            .limit(RateLimit.of(3, Duration.ofMinutes(1))).burst(2).build())) {
      assertEquals(Duration.ZERO, processA.create(budgetKey).reserve().delay());
      assertEquals(Duration.ZERO, processB.create(budgetKey).reserve().delay());

      Duration third = processA.create(budgetKey).reserve().delay();
      assertTrue(third.compareTo(Duration.ofSeconds(59)) > 0 && third.compareTo(Duration.ofSeconds(61)) < 0,
          "the third waits one refill (60.6 s / 1 token): " + third);
    }
  }

  @Test
  void isRedisReachable_trueWhileConnected_falseOnceClosed() throws Exception {
    RedisRateLimiter limiter = SharedRedis.connected(RedisRateLimiter.builder().redisUri(redisUri).keyPrefix(prefix).build());

    assertTrue(limiter.isRedisReachable());
    limiter.close();
    assertFalse(limiter.isRedisReachable());
  }

  @Test
  void create_withSomethingOtherThanAHash_isRefusedWithoutEchoingIt() {
    try (RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri(redisUri).keyPrefix(prefix).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> limiter.create(API_KEY));

      assertEquals("budgetKey must be 'sha256:' and 64 lower-case hex digits, as HeyMiloClient passes it, but was a string of "
          + API_KEY.length() + " characters; hash the credential instead of passing it", e.getMessage());
    }
  }

  @Test
  void toString_namesRedisAndTheShape_neverThePassword() {
    String withPassword = redisUri.replace("redis://", "redis://:s3cret-pass@");
    try (RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri(withPassword).connectTimeout(Duration.ofMillis(300))
        .logger(new RecordingLogger()).build()) {
      String text = limiter.toString();

      assertTrue(text.startsWith("RedisRateLimiter{redis=127.0.0.1:6390, limit=300 requests per PT1M (burst 6, then 294 per PT1M0.6S)"), text);
      assertFalse(text.contains("s3cret"), text);
    }
  }

  @Test
  void builder_withoutUri_saysWhatToCall() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> RedisRateLimiter.builder().build());

    assertEquals("redisUri is required but was not set; call redisUri(\"redis://host:6379\")", e.getMessage());
  }

  @Test
  void builder_malformedUri_isRefusedWithoutItsPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisRateLimiter.builder().redisUri("http://:hunter2@host:6379"));

    assertTrue(e.getMessage().startsWith("redisUri must be a Redis URI such as redis://localhost:6379, but was 'http://…@host:6379'"),
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void builder_burstAsLargeAsTheLimit_isRefused() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RedisRateLimiter.builder().redisUri(redisUri).limit(RateLimit.perMinute(300)).burst(300).build());

    assertEquals("burst 300 does not fit a limit of 300 requests per PT1M: it must be at most 299, so that the budget still "
        + "refills; lower burst(...) or raise the limit", e.getMessage());
  }

  @Test
  void builder_rejectsNonPositiveTimeouts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisRateLimiter.builder().commandTimeout(Duration.ZERO));

    assertEquals("commandTimeout must be a positive duration, but was PT0S", e.getMessage());
  }

  /** {@code clients} clients with the same key, each called {@code callsEach} times from its own thread; returns the wall time. */
  private static long callFromClients(ArrivalServer server, int clients, int callsEach,
      java.util.function.Consumer<HeyMiloClient.Builder> limiting) throws Exception {
    List<HeyMiloClient> built = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    try {
      for (int i = 0; i < clients; i++) {
        HeyMiloClient.Builder builder = HeyMiloClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).maxRetries(0);
        limiting.accept(builder);
        built.add(builder.build());
      }
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (HeyMiloClient client : built) {
        running.add(threads.submit(() -> {
          for (int call = 0; call < callsEach; call++) {
            client.health().check();
          }
        }));
      }
      for (Future<?> call : running) {
        call.get();
      }
      return System.nanoTime() - start;
    } finally {
      threads.shutdownNow();
      built.forEach(HeyMiloClient::close);
    }
  }

  static String sha256Hex(String text) throws RuntimeException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
