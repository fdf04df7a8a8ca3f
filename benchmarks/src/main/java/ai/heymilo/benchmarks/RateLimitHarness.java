package ai.heymilo.benchmarks;

import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.RateLimit;
import com.google.gson.GsonBuilder;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark 4: {@code --calls} (1,000) {@code getData} calls from {@code --concurrency} (16) threads
 * against a loopback server that enforces {@code --limit} requests per {@code --window-ms} (50 per second:
 * HeyMilo's 300/min scaled to a short run) over a sliding window, answering the recorded 200 or a recorded
 * 429 with {@code Retry-After} (whole seconds, rounded up: when the oldest request in the window leaves it).
 *
 * <p>Run twice with the same client settings ({@code maxConcurrentRequests} = concurrency,
 * {@code maxRetries} = {@code --max-retries}) except the client-side limiter: on
 * ({@code rateLimit(RateLimit.of(limit, window))}, matching the server) and off (only the 429 retries
 * pace the client). Each mode gets a fresh server and client, after a warm-up of the same calls on an
 * unlimited server. The limit's throughput is {@code limit / window}; a sliding window also lets a first
 * burst of {@code limit} calls through at once, so the best possible is
 * {@code calls / ((calls - limit) / rate)}.
 */
public final class RateLimitHarness {
  private RateLimitHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = Flags.parse(args, 0);
    int calls = Integer.parseInt(flags.getOrDefault("calls", "1000"));
    int concurrency = Integer.parseInt(flags.getOrDefault("concurrency", "16"));
    int limit = Integer.parseInt(flags.getOrDefault("limit", "50"));
    long windowMs = Long.parseLong(flags.getOrDefault("window-ms", "1000"));
    int maxRetries = Integer.parseInt(flags.getOrDefault("max-retries", "10"));
    Path out = Path.of(flags.get("out"));

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("calls", calls);
    result.put("concurrency", concurrency);
    result.put("limit", limit);
    result.put("windowMs", windowMs);
    result.put("maxRetries", maxRetries);
    double limitRate = limit * 1000.0 / windowMs;
    result.put("limitPerSecond", limitRate);
    result.put("bestPossiblePerSecond", calls / ((calls - limit) / limitRate));
    result.put("javaVersion", System.getProperty("java.version"));

    // Warm-up on an unlimited server: the JIT, connection pool and threads, not measured.
    try (LimitedServer unlimited = LimitedServer.start(Integer.MAX_VALUE, windowMs)) {
      run(unlimited, calls * 2, concurrency, maxRetries, null);
    }
    for (String mode : new String[] {"on", "off"}) {
      try (LimitedServer server = LimitedServer.start(limit, windowMs)) {
        RateLimit rateLimit = mode.equals("on") ? RateLimit.of(limit, Duration.ofMillis(windowMs)) : null;
        Map<String, Object> run = run(server, calls, concurrency, maxRetries, rateLimit);
        double throughput = calls / ((double) run.get("wallMs") / 1000.0);
        run.put("throughputPerSecond", throughput);
        run.put("ofLimit", throughput / limitRate);
        result.put("limiter_" + mode, run);
        System.out.printf("limiter %s: %s%n", mode, run);
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer writer = Files.newBufferedWriter(out)) {
      new GsonBuilder().setPrettyPrinting().create().toJson(result, writer);
    }
  }

  private static Map<String, Object> run(LimitedServer server, int calls, int concurrency, int maxRetries,
      RateLimit rateLimit) throws InterruptedException {
    HeyMiloClient.Builder builder = HeyMiloClient.builder()
        .apiKey("hm_bench_key")
        .baseUrl(server.baseUrl())
        .maxConcurrentRequests(concurrency)
        .maxRetries(maxRetries);
    if (rateLimit != null) {
      builder.rateLimit(rateLimit);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger succeeded = new AtomicInteger();
    Map<String, Integer> failures = new TreeMap<>();
    double[] latencies = new double[calls];
    ExecutorService callers = Executors.newFixedThreadPool(concurrency);
    long t0;
    long t1;
    try (HeyMiloClient client = builder.build()) {
      t0 = System.nanoTime();
      for (int t = 0; t < concurrency; t++) {
        callers.execute(() -> {
          for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
            long start = System.nanoTime();
            try {
              client.interviews().getData("iv_rl_" + i);
              succeeded.incrementAndGet();
            } catch (RuntimeException e) {
              synchronized (failures) {
                failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
              }
            }
            latencies[i] = (System.nanoTime() - start) / 1e6;
          }
        });
      }
      callers.shutdown();
      if (!callers.awaitTermination(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("calls still running after 10 minutes");
      }
      t1 = System.nanoTime();
    }
    Arrays.sort(latencies);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("wallMs", (t1 - t0) / 1e6);
    run.put("succeeded", succeeded.get());
    run.put("failed", calls - succeeded.get());
    run.put("failures", failures);
    run.put("served200", server.accepted.get());
    run.put("served429", server.rejected.get());
    run.put("latencyMedianMs", latencies[calls / 2]);
    run.put("latencyP99Ms", latencies[(int) (calls * 0.99)]);
    run.put("latencyMaxMs", latencies[calls - 1]);
    return run;
  }

  /** The loopback server with a sliding-window limit. */
  static final class LimitedServer implements AutoCloseable {
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    /** When each 429 was sent ({@code System.nanoTime()}), for harnesses that split a run into phases. */
    final java.util.Queue<Long> rejections = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private final byte[] ok = Recorded.interviewData200Response();
    private LoopbackServer server;

    private LimitedServer(int limit, long windowMs) {
      this.limit = limit;
      this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMs);
    }

    static LimitedServer start(int limit, long windowMs) throws java.io.IOException {
      LimitedServer limited = new LimitedServer(limit, windowMs);
      limited.server = LoopbackServer.start((method, target) -> limited.respond());
      return limited;
    }

    String baseUrl() {
      return server.baseUrl();
    }

    private byte[] respond() {
      long retryAfterNanos;
      synchronized (window) {
        long now = System.nanoTime();
        while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
          window.removeFirst();
        }
        if (window.size() < limit) {
          window.addLast(now);
          accepted.incrementAndGet();
          return ok;
        }
        retryAfterNanos = window.peekFirst() + windowNanos - now;
      }
      rejected.incrementAndGet();
      rejections.add(System.nanoTime());
      long seconds = Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json");
      headers.put("Retry-After", Long.toString(seconds));
      headers.put("X-RateLimit-Limit", Integer.toString(limit));
      headers.put("X-RateLimit-Remaining", "0");
      return LoopbackServer.response(429, "Too Many Requests", headers, Recorded.INTERVIEW_DATA_429);
    }

    @Override
    public void close() throws java.io.IOException {
      server.close();
    }
  }
}
