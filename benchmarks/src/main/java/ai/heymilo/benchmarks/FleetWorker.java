package ai.heymilo.benchmarks;

import ai.heymilo.ratelimit.redis.RedisOutagePolicy;
import ai.heymilo.ratelimit.redis.RedisRateLimiter;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.RateLimit;
import ai.heymilo.sdk.RequestLimiter;
import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance of a service in {@link FleetRateLimitHarness}: a JVM with one {@link HeyMiloClient} whose
 * limiter is the fleet's Redis budget ({@code --limiter redis}), its own in-process limit ({@code local}) or
 * none. It warms up on {@code --warmup-url}, prints {@code READY}, waits for {@code GO} on stdin, makes
 * {@code --calls} {@code getData} calls from {@code --threads} threads, and prints {@code RESULT {json}}: every
 * call's start (epoch ms), latency and outcome.
 */
public final class FleetWorker {
  private FleetWorker() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = Flags.parse(args, 0);
    // The limiter's DEBUG line for a single unanswered request, so that the harness can count them.
    java.util.logging.Logger limiterLog = java.util.logging.Logger.getLogger("ai.heymilo.ratelimit.redis");
    limiterLog.setLevel(java.util.logging.Level.FINE);
    java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
    console.setLevel(java.util.logging.Level.FINE);
    limiterLog.addHandler(console);
    limiterLog.setUseParentHandlers(false);
    int calls = Integer.parseInt(flags.get("calls"));
    int threads = Integer.parseInt(flags.get("threads"));
    RateLimit limit = RateLimit.of(Integer.parseInt(flags.get("limit")), Duration.ofMillis(Long.parseLong(flags.get("window-ms"))));
    String limiterKind = flags.get("limiter");
    RedisRateLimiter redis = null;
    HeyMiloClient.Builder builder = HeyMiloClient.builder().apiKey(flags.get("api-key")).baseUrl(flags.get("base-url"))
        .maxRetries(Integer.parseInt(flags.get("max-retries"))).maxConcurrentRequests(threads);
    if (limiterKind.equals("redis")) {
      redis = RedisRateLimiter.builder().redisUri(flags.get("redis")).limit(limit)
          .outagePolicy(flags.getOrDefault("outage-policy", "open").equals("closed") ? RedisOutagePolicy.FAIL_CLOSED : RedisOutagePolicy.FAIL_OPEN)
          .build();
      builder.rateLimiter(redis);
      // Warm the Redis path on a budget of its own, not the fleet's, until it is connected: a cold JVM on a busy
      // machine may miss the first connect timeout, and an instance that starts in an outage paces itself alone.
      RequestLimiter warm = redis.create("sha256:" + "0".repeat(64));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      for (int reached = 0; reached < 50 && System.nanoTime() < deadline; ) {
        try {
          warm.reserve();
        } catch (ai.heymilo.ratelimit.redis.RateLimiterUnavailableException failingClosed) {
          // not connected yet
        }
        reached = redis.isRedisReachable() ? reached + 1 : 0;
        Thread.sleep(redis.isRedisReachable() ? 0 : 50);
      }
      if (!redis.isRedisReachable()) {
        throw new IllegalStateException("Redis not reachable within 60 s: " + redis);
      }
    } else if (limiterKind.equals("local")) {
      builder.rateLimit(limit);
    }
    try (HeyMiloClient warmup = HeyMiloClient.builder().apiKey(flags.get("api-key")).baseUrl(flags.get("warmup-url")).build()) {
      for (int i = 0; i < 300; i++) {
        warmup.interviews().getData("iv_warm_" + i);
      }
    }
    System.out.println("READY");
    System.out.flush();
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (!"GO".equals(stdin.readLine())) {
      throw new IllegalStateException("expected GO on stdin");
    }

    long[] startMs = new long[calls];
    double[] latencyMs = new double[calls];
    String[] outcome = new String[calls];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (HeyMiloClient client = builder.build()) {
      for (int t = 0; t < threads; t++) {
        pool.execute(() -> {
          for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
            startMs[i] = System.currentTimeMillis();
            long start = System.nanoTime();
            try {
              client.interviews().getData("iv_fleet_" + i);
              outcome[i] = "ok";
            } catch (RuntimeException e) {
              outcome[i] = e.getClass().getSimpleName();
            }
            latencyMs[i] = (System.nanoTime() - start) / 1e6;
          }
        });
      }
      pool.shutdown();
      if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("calls still running after 10 minutes");
      }
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("startMs", startMs[i]);
      record.put("latencyMs", latencyMs[i]);
      record.put("outcome", outcome[i]);
      records.add(record);
    }
    System.out.println("RESULT " + new Gson().toJson(records));
    System.out.flush();
  }
}
