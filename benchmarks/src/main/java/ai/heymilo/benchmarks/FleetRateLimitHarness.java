package ai.heymilo.benchmarks;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 6: a fleet sharing one API key's budget. {@code --clients} (4) JVMs — {@link FleetWorker}, one
 * {@code HeyMiloClient} each, {@code --threads} (4) calling threads each — make {@code --calls} (1,000)
 * {@code getData} calls in all against one loopback server that enforces {@code --limit} (500) requests per
 * {@code --window-ms} (10,000) over a sliding window with 429 + {@code Retry-After} (the server of benchmark 4).
 * That is HeyMilo's 300 per minute scaled to a run of seconds: ten times the rate (50/s), a sixth of the window,
 * so that the limiter's safety margin (1 % of the window, at least 50 ms) keeps the same order of size against
 * the machine's scheduling delays, which do not scale. Five runs, each with a fresh server and a fresh
 * redis-server of the harness's own:
 * <ol>
 *   <li><b>shared</b> — every client paced by {@code RedisRateLimiter} with the server's limit;
 *   <li><b>perClient</b> — every client with its own in-process {@code rateLimit(...)} of the same limit, as
 *       before the shared budget existed;
 *   <li><b>redisStopped</b> — as shared, but Redis is killed (SIGKILL) once a third of the calls were answered and
 *       started again once two thirds were: the default fail-open behaviour;
 *   <li><b>redisStoppedFailClosed</b> — the same kill with {@code RedisOutagePolicy.FAIL_CLOSED};
 *   <li><b>sharedShortWindow</b> — shared, at the same rate over a window of {@code --short-window-ms} (1,000:
 *       benchmark 4's 50 per second), where the margin is its 50 ms floor.
 * </ol>
 */
public final class FleetRateLimitHarness {
  private FleetRateLimitHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = Flags.parse(args, 0);
    int calls = Integer.parseInt(flags.getOrDefault("calls", "1000"));
    int clients = Integer.parseInt(flags.getOrDefault("clients", "4"));
    int threads = Integer.parseInt(flags.getOrDefault("threads", "4"));
    int limit = Integer.parseInt(flags.getOrDefault("limit", "500"));
    long windowMs = Long.parseLong(flags.getOrDefault("window-ms", "10000"));
    // The same rate over a short window (benchmark 4's 50 per second), shared budget only.
    long shortWindowMs = Long.parseLong(flags.getOrDefault("short-window-ms", "1000"));
    int shortLimit = (int) (limit * shortWindowMs / windowMs);
    int maxRetries = Integer.parseInt(flags.getOrDefault("max-retries", "10"));
    Path out = Path.of(flags.get("out"));
    Path logs = out.toAbsolutePath().getParent().resolve("fleet-logs");
    Files.createDirectories(logs);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("calls", calls);
    result.put("clients", clients);
    result.put("threadsPerClient", threads);
    result.put("limit", limit);
    result.put("windowMs", windowMs);
    result.put("maxRetries", maxRetries);
    double limitRate = limit * 1000.0 / windowMs;
    result.put("limitPerSecond", limitRate);
    // RedisRateLimiter's defaults: a burst of 2 % of the limit, a margin of 1 % of the window but at least 50 ms.
    int burst = Math.max(1, limit / 50);
    double marginMs = Math.max(windowMs / 100.0, 50);
    result.put("burst", burst);
    result.put("safetyMarginMs", marginMs);
    // The shape's steady rate: (limit - burst) per (window + margin), after a first burst.
    double shapeRate = (limit - burst) * 1000.0 / (windowMs + marginMs);
    result.put("shapePerSecond", shapeRate);
    result.put("javaVersion", System.getProperty("java.version"));
    result.put("redisVersion", redisVersion());

    result.put("shortWindowMs", shortWindowMs);
    result.put("shortLimit", shortLimit);
    int shortBurst = Math.max(1, shortLimit / 50);
    double shortMarginMs = Math.max(shortWindowMs / 100.0, 50);
    result.put("shortBurst", shortBurst);
    result.put("shortSafetyMarginMs", shortMarginMs);
    result.put("shortShapePerSecond", (shortLimit - shortBurst) * 1000.0 / (shortWindowMs + shortMarginMs));
    // How late a request may reach the server without breaking the limit: margin + (window + margin) / (limit - burst).
    result.put("latenessToleranceMs", marginMs + (windowMs + marginMs) / (limit - burst));
    result.put("shortLatenessToleranceMs", shortMarginMs + (shortWindowMs + shortMarginMs) / (shortLimit - shortBurst));
    String[][] modes = {
        {"shared", "redis", "open", "no", "long"},
        {"perClient", "local", "open", "no", "long"},
        {"redisStopped", "redis", "open", "yes", "long"},
        {"redisStoppedFailClosed", "redis", "closed", "yes", "long"},
        {"sharedShortWindow", "redis", "open", "no", "short"}};
    List<String> only = List.of(flags.getOrDefault("modes", "shared,perClient,redisStopped,redisStoppedFailClosed,sharedShortWindow").split(","));
    try (RateLimitHarness.LimitedServer warmup = RateLimitHarness.LimitedServer.start(Integer.MAX_VALUE, windowMs)) {
      for (String[] mode : modes) {
        if (!only.contains(mode[0])) {
          continue;
        }
        boolean shortWindow = mode[4].equals("short");
        int modeLimit = shortWindow ? shortLimit : limit;
        long modeWindowMs = shortWindow ? shortWindowMs : windowMs;
        try (RateLimitHarness.LimitedServer server = RateLimitHarness.LimitedServer.start(modeLimit, modeWindowMs);
            RedisServerProcess redis = RedisServerProcess.start()) {
          Map<String, Object> run = run(mode[0], mode[1], mode[2], mode[3].equals("yes"), server, warmup, redis, calls, clients,
              threads, modeLimit, modeWindowMs, maxRetries, logs);
          result.put(mode[0], run);
          System.out.printf("%s: %s%n", mode[0], summary(run));
        }
      }
    }
    try (Writer writer = Files.newBufferedWriter(out)) {
      new GsonBuilder().setPrettyPrinting().create().toJson(result, writer);
    }
  }

  private static Map<String, Object> run(String name, String limiter, String policy, boolean stopRedis,
      RateLimitHarness.LimitedServer server, RateLimitHarness.LimitedServer warmup, RedisServerProcess redis, int calls,
      int clients, int threads, int limit, long windowMs, int maxRetries, Path logs) throws Exception {
    List<Process> workers = new ArrayList<>();
    List<String> results = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(clients);
    List<Path> stderr = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int share = calls / clients + (c < calls % clients ? 1 : 0);
      List<String> command = new ArrayList<>(List.of(SandboxProcess.javaBinary(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          FleetWorker.class.getName(), "--calls", Integer.toString(share), "--threads", Integer.toString(threads),
          "--limit", Integer.toString(limit), "--window-ms", Long.toString(windowMs), "--limiter", limiter,
          "--outage-policy", policy, "--redis", redis.uri(), "--api-key", "hm_fleet_bench_key", "--base-url", server.baseUrl(),
          "--warmup-url", warmup.baseUrl(), "--max-retries", Integer.toString(maxRetries)));
      Path log = logs.resolve(name + "-" + c + ".log");
      stderr.add(log);
      Process worker = new ProcessBuilder(command).redirectError(log.toFile()).start();
      workers.add(worker);
      results.add(null);
      int index = c;
      Thread reader = new Thread(() -> read(worker, ready, results, index), "fleet-worker-" + c);
      reader.setDaemon(true);
      reader.start();
    }
    if (!ready.await(3, TimeUnit.MINUTES)) {
      workers.forEach(Process::destroyForcibly);
      throw new IllegalStateException(name + ": workers not ready after 3 minutes; see " + logs);
    }
    server.accepted.set(0);
    server.rejected.set(0);
    server.rejections.clear();
    long goNanos = System.nanoTime();
    for (Process worker : workers) {
      OutputStream stdin = worker.getOutputStream();
      stdin.write("GO\n".getBytes(StandardCharsets.US_ASCII));
      stdin.flush();
    }
    long killNanos = -1;
    long killMs = -1;
    long restartNanos = -1;
    long restartMs = -1;
    while (workers.stream().anyMatch(Process::isAlive)) {
      int answered = server.accepted.get();
      if (stopRedis && killNanos < 0 && answered >= calls / 3) {
        redis.kill();
        killNanos = System.nanoTime();
        killMs = System.currentTimeMillis();
      } else if (stopRedis && killNanos >= 0 && restartNanos < 0 && answered >= 2 * calls / 3) {
        redis.restart();
        restartNanos = System.nanoTime();
        restartMs = System.currentTimeMillis();
      }
      Thread.sleep(2);
    }
    for (int c = 0; c < clients; c++) {
      if (workers.get(c).exitValue() != 0 || results.get(c) == null) {
        throw new IllegalStateException(name + ": worker " + c + " failed (exit " + workers.get(c).exitValue() + "); see " + stderr.get(c));
      }
    }

    List<double[]> records = new ArrayList<>(); // startMs, latencyMs, ok (1/0)
    Map<String, Integer> failures = new TreeMap<>();
    for (String json : results) {
      for (JsonElement element : JsonParser.parseString(json).getAsJsonArray()) {
        JsonObject record = element.getAsJsonObject();
        boolean ok = record.get("outcome").getAsString().equals("ok");
        if (!ok) {
          failures.merge(record.get("outcome").getAsString(), 1, Integer::sum);
        }
        records.add(new double[] {record.get("startMs").getAsLong(), record.get("latencyMs").getAsDouble(), ok ? 1 : 0});
      }
    }
    double first = records.stream().mapToDouble(r -> r[0]).min().orElse(0);
    double last = records.stream().mapToDouble(r -> r[0] + r[1]).max().orElse(0);
    double wallMs = last - first;
    int succeeded = (int) records.stream().filter(r -> r[2] == 1).count();

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("limiter", limiter);
    run.put("outagePolicy", policy);
    run.put("limit", limit);
    run.put("windowMs", windowMs);
    run.put("wallMs", wallMs);
    run.put("throughputPerSecond", succeeded / (wallMs / 1000));
    run.put("ofLimit", succeeded / (wallMs / 1000) / (limit * 1000.0 / windowMs));
    run.put("succeeded", succeeded);
    run.put("failed", records.size() - succeeded);
    run.put("failures", failures);
    run.put("served200", server.accepted.get());
    run.put("served429", server.rejected.get());
    List<Long> rejectedAt = new ArrayList<>();
    for (long at : server.rejections) {
      rejectedAt.add((at - goNanos) / 1_000_000);
    }
    run.put("429sAtMsAfterGo", rejectedAt);
    run.put("latency", latency(records));
    run.put("warnings", countLines(stderr, "is unreachable ("));
    run.put("recoveries", countLines(stderr, "answers again after"));
    run.put("singleUnansweredRequests", countLines(stderr, "did not answer one request"));
    run.put("lettuceWarnings", countLines(stderr, "Cannot reconnect"));
    run.put("startDelayMs", (System.nanoTime() - goNanos) / 1e6 - wallMs);
    if (stopRedis) {
      Map<String, Object> phases = new LinkedHashMap<>();
      long end = (long) last;
      phases.put("redisUp", phase(records, first, killMs, server, goNanos, killNanos));
      phases.put("redisDown", phase(records, killMs, restartMs < 0 ? end : restartMs, server, killNanos, restartNanos < 0 ? Long.MAX_VALUE : restartNanos));
      if (restartMs >= 0) {
        phases.put("redisBack", phase(records, restartMs, end + 1, server, restartNanos, Long.MAX_VALUE));
      }
      run.put("phases", phases);
      run.put("redisKilledAfterMs", killMs - first);
      run.put("redisRestartedAfterMs", restartMs < 0 ? null : restartMs - first);
    }
    return run;
  }

  /** Calls started in [fromMs, toMs): count, outcomes, latency; 429s the server sent in [fromNanos, toNanos). */
  private static Map<String, Object> phase(List<double[]> records, double fromMs, double toMs, RateLimitHarness.LimitedServer server,
      long fromNanos, long toNanos) {
    List<double[]> in = new ArrayList<>();
    for (double[] r : records) {
      if (r[0] >= fromMs && r[0] < toMs) {
        in.add(r);
      }
    }
    Map<String, Object> phase = new LinkedHashMap<>();
    phase.put("durationMs", toMs - fromMs);
    phase.put("callsStarted", in.size());
    phase.put("succeeded", in.stream().filter(r -> r[2] == 1).count());
    phase.put("failed", in.stream().filter(r -> r[2] == 0).count());
    phase.put("served429", server.rejections.stream().filter(t -> t >= fromNanos && t < toNanos).count());
    phase.put("latency", latency(in));
    return phase;
  }

  private static Map<String, Object> latency(List<double[]> records) {
    double[] latencies = records.stream().mapToDouble(r -> r[1]).sorted().toArray();
    Map<String, Object> latency = new LinkedHashMap<>();
    if (latencies.length == 0) {
      return latency;
    }
    latency.put("p50Ms", latencies[latencies.length / 2]);
    latency.put("p99Ms", latencies[Math.min(latencies.length - 1, (int) (latencies.length * 0.99))]);
    latency.put("maxMs", latencies[latencies.length - 1]);
    return latency;
  }

  private static void read(Process worker, CountDownLatch ready, List<String> results, int index) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("READY")) {
          ready.countDown();
        } else if (line.startsWith("RESULT ")) {
          synchronized (results) {
            results.set(index, line.substring("RESULT ".length()));
          }
        }
      }
    } catch (IOException e) {
      // the worker is gone; its exit code tells
    }
  }

  private static int countLines(List<Path> files, String needle) throws IOException {
    int count = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        if (line.contains(needle)) {
          count++;
        }
      }
    }
    return count;
  }

  private static String redisVersion() {
    try {
      Process p = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return text.replaceAll(".*v=(\\S+).*", "$1");
    } catch (IOException | InterruptedException e) {
      return "?";
    }
  }

  private static String summary(Map<String, Object> run) {
    return String.format(java.util.Locale.ROOT, "%.1f calls/s (%.2f of the limit), %s succeeded, %s failed, %s × 429, warnings %s",
        (double) run.get("throughputPerSecond"), (double) run.get("ofLimit"), run.get("succeeded"), run.get("failed"),
        run.get("served429"), run.get("warnings"));
  }

}
