package ai.heymilo.benchmarks;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.webhooks.WebhookDispatcher;
import ai.heymilo.sdk.webhooks.WebhookHandler;
import ai.heymilo.sdk.webhooks.WebhookReceiver;
import ai.heymilo.sdk.webhooks.WebhookVerifier;
import com.google.gson.GsonBuilder;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 7: {@code --waits} (10,000) pending {@code awaitDataAsync} calls whose reports all come out
 * {@code --report-after-ms} (15 s) after they start — found by polling alone (today's default {@link WaitOptions}:
 * 2 s growing ×1.5 to 30 s, ±20 % jitter), or by a {@code report_available} webhook event per interview, POSTed by
 * {@code --senders} (4) threads to a {@link WebhookReceiver} whose dispatcher is wired to the client
 * ({@code dispatcher.completeWaitsOf(client)}, fallback polling every 60 s).
 *
 * <p>The API is a {@link LoopbackServer} answering the recorded interview data: {@code not_ready} until the reports
 * come out, {@code completed} after, for every id — so that completion is a moment in time, as with the real API,
 * not a number of polls. Measured per wait: the time from the moment its result could be known (the report coming
 * out for polling; its event being sent for events) to the wait's future completing; and every poll the waits made.
 * Each mode runs once unmeasured (1,000 waits, reports after 3 s) to warm up, then measured, each with a client of
 * its own.
 */
public final class EventWaitHarness {
  private static final String SECRET = "bench-webhook-secret-7c1e";

  private EventWaitHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = Flags.parse(args, 0);
    int waits = Integer.parseInt(flags.getOrDefault("waits", "10000"));
    long reportAfterMs = Long.parseLong(flags.getOrDefault("report-after-ms", "15000"));
    int senders = Integer.parseInt(flags.getOrDefault("senders", "4"));
    Path out = Path.of(flags.get("out"));

    byte[] completed = Recorded.interviewData200Response();
    byte[] pending = new String(completed, StandardCharsets.ISO_8859_1)
        .replaceFirst("\"status\": \"completed\"", "\"status\": \"not_ready\"").getBytes(StandardCharsets.ISO_8859_1);
    ReportClock reports = new ReportClock();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("waits", waits);
    result.put("reportAfterMs", reportAfterMs);
    result.put("senders", senders);
    result.put("javaVersion", System.getProperty("java.version"));
    result.put("jvmArgs", ManagementFactoryArgs.inputArguments());
    try (LoopbackServer api = LoopbackServer.start((method, target) -> reports.out() ? completed : pending)) {
      String baseUrl = api.baseUrl();
      run(baseUrl, reports, false, 1000, 3000, senders);
      run(baseUrl, reports, true, 1000, 3000, senders);
      result.put("polling", run(baseUrl, reports, false, waits, reportAfterMs, senders));
      result.put("events", run(baseUrl, reports, true, waits, reportAfterMs, senders));
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer writer = Files.newBufferedWriter(out)) {
      new GsonBuilder().setPrettyPrinting().create().toJson(result, writer);
    }
    System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(result));
  }

  /** Whether the reports are out; the moment they came out. */
  private static final class ReportClock {
    volatile boolean out;
    volatile long outAtNanos;

    boolean out() {
      return out;
    }
  }

  private static Map<String, Object> run(String baseUrl, ReportClock reports, boolean events, int waits, long reportAfterMs,
      int senders) throws Exception {
    reports.out = false;
    AtomicInteger polls = new AtomicInteger();
    WaitOptions options = WaitOptions.builder().timeout(Duration.ofMinutes(10)).listener(progress -> polls.incrementAndGet()).build();
    long[] knownAt = new long[waits];
    long[] doneAt = new long[waits];
    AtomicInteger failed = new AtomicInteger();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("waitOptions", options.toString());
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    WebhookHandler handler = WebhookHandler.builder().verifier(WebhookVerifier.sharedSecretQueryParameter("token", SECRET))
        .dispatcher(dispatcher).build();
    try (HeyMiloClient client = HeyMiloClient.builder().apiKey("hm_sandbox_key").baseUrl(baseUrl).build();
         WebhookReceiver receiver = WebhookReceiver.builder().handler(handler).port(0).path("/heymilo").start();
         WebhookDispatcher.Subscription wired = events ? dispatcher.completeWaitsOf(client) : () -> { }) {
      String tag = (events ? "ev" : "poll") + "-" + Long.toString(System.nanoTime(), 36);
      long started = System.nanoTime();
      List<CompletableFuture<InterviewDataResponse>> futures = new ArrayList<>(waits);
      for (int i = 0; i < waits; i++) {
        int index = i;
        futures.add(client.interviews().awaitDataAsync(tag + "-" + i, options).whenComplete((data, error) -> {
          doneAt[index] = System.nanoTime();
          if (error != null || !"completed".equals(data.getStatus())) {
            failed.incrementAndGet();
          }
        }));
      }
      result.put("startAllMs", (System.nanoTime() - started) / 1e6);
      long wake = started + TimeUnit.MILLISECONDS.toNanos(reportAfterMs);
      while (System.nanoTime() < wake) {
        Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wake - System.nanoTime())));
      }
      int pollsBefore = polls.get();
      reports.outAtNanos = System.nanoTime();
      reports.out = true;
      long deliveryMs = 0;
      AtomicLong refused = new AtomicLong();
      if (events) {
        deliveryMs = send(receiver.uri() + "?token=" + SECRET, tag, waits, senders, knownAt, refused);
      } else {
        Arrays.fill(knownAt, reports.outAtNanos);
      }
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).exceptionally(e -> null).join();
      // A wait whose event comes later than its fallback poll ends on that poll, before its event: counted apart.
      double[] latencies = new double[waits];
      int endedBeforeKnown = 0;
      int measured = 0;
      for (int i = 0; i < waits; i++) {
        if (doneAt[i] < knownAt[i]) {
          endedBeforeKnown++;
        } else {
          latencies[measured++] = (doneAt[i] - knownAt[i]) / 1e6;
        }
      }
      latencies = Arrays.copyOf(latencies, measured);
      Arrays.sort(latencies);
      result.put("endedBeforeTheirEvent", endedBeforeKnown);
      result.put("pollsBeforeReports", pollsBefore);
      result.put("polls", polls.get());
      result.put("failed", failed.get());
      result.put("eventsRefused", refused.get());
      result.put("eventDeliveryMs", deliveryMs);
      result.put("wallAfterReportsMs", (Arrays.stream(doneAt).max().orElse(0) - reports.outAtNanos) / 1e6);
      result.put("latencyP50Ms", percentile(latencies, 0.50));
      result.put("latencyP90Ms", percentile(latencies, 0.90));
      result.put("latencyP99Ms", percentile(latencies, 0.99));
      result.put("latencyMaxMs", latencies[measured - 1]);
      result.put("latencyMinMs", latencies[0]);
    }
    return result;
  }

  /** POSTs one report_available per wait from {@code senders} threads; returns how long sending all took. */
  private static long send(String url, String tag, int waits, int senders, long[] sentAt, AtomicLong refused) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        int first = s;
        parts.add(pool.submit(() -> {
          for (int i = first; i < waits; i += senders) {
            String body = "{\"event_type\":\"report_available\",\"posting_id\":\"13D77095\",\"interview_id\":\"" + tag + "-" + i
                + "\",\"status\":\"completed\",\"timestamp\":\"" + Instant.now() + "\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            sentAt[i] = System.nanoTime();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
              refused.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
