package ai.heymilo.benchmarks;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sandbox.SandboxData;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.WaitOptions;
import com.google.gson.GsonBuilder;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark 3: {@value #DEFAULT_WAITS} concurrent {@code awaitDataAsync} calls against the recorded sandbox
 * (in its own JVM), each on an {@code iv_after3_…} interview that completes on its third poll.
 *
 * <p>Phases, one client throughout, after an unmeasured warm-up (2,000 ids back to back, then 10,000 waits
 * during which the live heap is measured after a full GC, once all of them are in flight):
 * <ol>
 *   <li><b>latency</b>: 300 sequential {@code getData} calls (the first 100 discarded as warm-up): the
 *       unloaded latency of one poll;
 *   <li><b>back-to-back baseline</b>: the same 30,000 polls with no delays — for each of 10,000 fresh
 *       {@code iv_after3} ids three chained {@code async().interviews().getData} calls, all started at once. Its wall time is
 *       what the client, the dispatcher's concurrency and the sandbox allow on this machine;
 *   <li><b>waits</b>: 10,000 {@code awaitDataAsync} calls started at once, with {@link WaitOptions}
 *       initial delay {@code --initial-delay-ms}, growing ×1.5 (the default) up to {@code --max-delay-ms},
 *       ±20 % jitter (the default), timeout 10 minutes.
 * </ol>
 * The ideal wall time for the waits is the larger of the back-to-back time and the poll schedule (the two
 * delays of one wait, nominal); a second ideal uses the unloaded latency: polls × latency ÷ concurrency.
 * Threads and heap are sampled every 5 ms from before the client exists (see {@link ThreadAndHeapSampler});
 * run it with {@code -Xmx256m} to show the run fits.
 */
public final class AsyncWaitHarness {
  static final int DEFAULT_WAITS = 10_000;

  private AsyncWaitHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = Flags.parse(args, 0);
    int waits = Integer.parseInt(flags.getOrDefault("waits", String.valueOf(DEFAULT_WAITS)));
    int polls = Integer.parseInt(flags.getOrDefault("polls", "3"));
    int concurrency = Integer.parseInt(flags.getOrDefault("max-concurrent", "5"));
    long initialDelayMs = Long.parseLong(flags.getOrDefault("initial-delay-ms", "200"));
    long maxDelayMs = Long.parseLong(flags.getOrDefault("max-delay-ms", "500"));
    Path out = Path.of(flags.get("out"));
    String tag = Long.toString(System.currentTimeMillis(), 36);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("waits", waits);
    result.put("pollsPerWait", polls);
    result.put("maxConcurrentRequests", concurrency);
    result.put("javaVersion", System.getProperty("java.version"));
    result.put("jvmArgs", ManagementFactoryArgs.inputArguments());

    try (SandboxProcess sandbox = SandboxProcess.start();
         ThreadAndHeapSampler sampler = new ThreadAndHeapSampler(5).snapshot()) {
      WaitOptions.Builder optionsBuilder = WaitOptions.builder()
          .initialDelay(Duration.ofMillis(initialDelayMs))
          .maxDelay(Duration.ofMillis(maxDelayMs))
          .timeout(Duration.ofMinutes(10));
      AtomicInteger pollsSeen = new AtomicInteger();
      WaitOptions options = optionsBuilder.listener(progress -> pollsSeen.incrementAndGet()).build();
      result.put("waitOptions", options.toString());
      double scheduleMs = 0;
      double delay = initialDelayMs;
      for (int i = 1; i < polls; i++) {
        scheduleMs += delay;
        delay = Math.min(delay * options.multiplier(), maxDelayMs);
      }
      result.put("scheduleMs", scheduleMs);

      try (HeyMiloClient client = HeyMiloClient.builder()
          .apiKey("hm_sandbox_key")
          .baseUrl(sandbox.baseUrl())
          .maxConcurrentRequests(concurrency)
          .build()) {
        // Warm-up, not measured: the JIT of both JVMs, connections, threads. The full-size wait pass also
        // measures the footprint: the live heap (after a full GC) while all its waits are in flight.
        Outcomes.collect(backToBack(client, waits / 5, polls, tag + "-warm"));
        long liveBefore = usedAfterFullGc();
        List<CompletableFuture<String>> warm = waitAll(client, waits, polls, tag + "-footprint", options);
        long liveInFlight = usedAfterFullGc();
        Outcomes footprint = Outcomes.collect(warm);
        warm = null;
        result.put("footprintRun", footprint.toMap());
        result.put("liveHeapBeforeWaitsBytes", liveBefore);
        result.put("liveHeapWithAllWaitsInFlightBytes", liveInFlight);
        result.put("bytesPerWaitInFlight", (liveInFlight - liveBefore) / waits);
        result.put("retainedBytesPerResult", retainedBytesPerResult(client, tag));
        pollsSeen.set(0);

        // 1. Unloaded latency of one poll.
        double[] latencies = new double[200];
        for (int i = 0; i < 300; i++) {
          long t0 = System.nanoTime();
          client.interviews().getData(SandboxData.interviewCompletingAfter(1_000_000, tag + "-lat"));
          if (i >= 100) {
            latencies[i - 100] = (System.nanoTime() - t0) / 1e6;
          }
        }
        Arrays.sort(latencies);
        double latencyMs = latencies[latencies.length / 2];
        result.put("unloadedLatencyMedianMs", latencyMs);

        // 2. The same polls back to back.
        long t0 = System.nanoTime();
        Outcomes baseline = Outcomes.collect(backToBack(client, waits, polls, tag + "-base"));
        double baselineMs = (System.nanoTime() - t0) / 1e6;
        result.put("backToBackMs", baselineMs);
        result.put("backToBack", baseline.toMap());

        // 3. The waits.
        long gcCount0 = gcCount();
        long gcMillis0 = gcMillis();
        t0 = System.nanoTime();
        List<CompletableFuture<String>> futures = waitAll(client, waits, polls, tag + "-wait", options);
        double startedMs = (System.nanoTime() - t0) / 1e6;
        Outcomes waited = Outcomes.collect(futures);
        double wallMs = (System.nanoTime() - t0) / 1e6;
        result.put("gcCountDuringWaits", gcCount() - gcCount0);
        result.put("gcMillisDuringWaits", gcMillis() - gcMillis0);
        result.put("startAllMs", startedMs);
        result.put("wallMs", wallMs);
        result.put("waitOutcomes", waited.toMap());
        result.put("pollsSeen", pollsSeen.get());

        double totalPolls = (double) waits * polls;
        double idealMs = Math.max(baselineMs, scheduleMs);
        result.put("idealMs", idealMs);
        result.put("wallOverIdeal", wallMs / idealMs);
        double latencyIdealMs = Math.max(scheduleMs, totalPolls * latencyMs / concurrency);
        result.put("latencyIdealMs", latencyIdealMs);
        result.put("wallOverLatencyIdeal", wallMs / latencyIdealMs);
      }
      result.put("sampler", sampler.results());
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer writer = Files.newBufferedWriter(out)) {
      new GsonBuilder().setPrettyPrinting().create().toJson(result, writer);
    }
    System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(result));
  }

  /**
   * For each of {@code count} fresh ids, {@code polls} chained {@code async().interviews().getData} calls, all started at once.
   * Each result is reduced to its status as it arrives (see {@link #waitAll}).
   */
  private static List<CompletableFuture<String>> backToBack(HeyMiloClient client, int count, int polls, String prefix) {
    List<CompletableFuture<String>> chains = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = SandboxData.interviewCompletingAfter(polls, prefix + "-" + i);
      CompletableFuture<InterviewDataResponse> chain = client.async().interviews().getData(id);
      for (int p = 1; p < polls; p++) {
        chain = chain.thenCompose(previous -> client.async().interviews().getData(id));
      }
      chains.add(chain.thenApply(InterviewDataResponse::getStatus));
    }
    return chains;
  }

  /**
   * Starts {@code count} waits at once. Each result is reduced to its status as it arrives, as an
   * application that hands results on would do: holding all 10,000 decoded interviews (about
   * {@code retainedBytesPerResult} each) is the application's memory, not the SDK's.
   */
  private static List<CompletableFuture<String>> waitAll(HeyMiloClient client, int count, int polls, String prefix, WaitOptions options) {
    List<CompletableFuture<String>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      futures.add(client.interviews().awaitDataAsync(SandboxData.interviewCompletingAfter(polls, prefix + "-" + i), options)
          .thenApply(InterviewDataResponse::getStatus));
    }
    return futures;
  }

  /** The heap one decoded completed result holds on to, measured over 200 kept results. */
  private static long retainedBytesPerResult(HeyMiloClient client, String tag) throws InterruptedException {
    List<InterviewDataResponse> kept = new ArrayList<>();
    long before = usedAfterFullGc();
    for (int i = 0; i < 200; i++) {
      kept.add(client.interviews().getData(SandboxData.interviewCompletingAfter(1, tag + "-size-" + i)));
    }
    long after = usedAfterFullGc();
    if (kept.size() != 200) {
      throw new AssertionError();
    }
    return (after - before) / 200;
  }

  /** Heap in use right after a full collection ({@code System.gc()} is a full GC with G1 by default): the live set. */
  private static long usedAfterFullGc() {
    System.gc();
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long gcCount() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionCount())).sum();
  }

  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
  }

  /** How a batch of futures ended: final statuses and failures by exception type. */
  static final class Outcomes {
    final Map<String, Integer> statuses = new TreeMap<>();
    final Map<String, Integer> failures = new TreeMap<>();
    int completed;

    static Outcomes collect(List<CompletableFuture<String>> futures) throws InterruptedException {
      Outcomes outcomes = new Outcomes();
      for (CompletableFuture<String> future : futures) {
        try {
          String status = future.get(15, TimeUnit.MINUTES);
          outcomes.statuses.merge(String.valueOf(status), 1, Integer::sum);
          outcomes.completed++;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          outcomes.failures.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
        }
      }
      return outcomes;
    }

    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("succeeded", completed);
      map.put("statuses", statuses);
      map.put("failed", failures.values().stream().mapToInt(Integer::intValue).sum());
      map.put("failures", failures);
      return map;
    }
  }
}
