package ai.heymilo.benchmarks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code docs/benchmarks.md} (and the chart {@code docs/benchmarks.svg}) from the result files of
 * one {@code benchmarks/run.sh} run: tables, ratios with propagated errors, each goal judged, and the
 * hand-written notes of {@code benchmarks/NOTES.md} at the end.
 *
 * <p>A ratio {@code a/b} of two results {@code a ± ea} and {@code b ± eb} is reported as
 * {@code r ± r·sqrt((ea/a)² + (eb/b)²)}: first-order propagation of the two independent errors, each the
 * half-width of a 99.9 % confidence interval as JMH prints it.
 */
public final class ReportWriter {
  private final Path results;
  private final Map<String, String> flags;
  private final StringBuilder md = new StringBuilder();
  private final List<Bar> bars = new ArrayList<>();

  private ReportWriter(Path results, Map<String, String> flags) {
    this.results = results;
    this.flags = flags;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> flags = Flags.parse(args, 0);
    ReportWriter writer = new ReportWriter(Path.of(flags.get("results")), flags);
    Path out = Path.of(flags.get("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    writer.write();
    Files.writeString(out, writer.md.toString(), StandardCharsets.UTF_8);
    Files.writeString(out.resolveSibling("benchmarks.svg"), writer.chart(), StandardCharsets.UTF_8);
    System.out.println("wrote " + out + " and " + out.resolveSibling("benchmarks.svg"));
  }

  /** One ratio for the chart. */
  private static final class Bar {
    final String label;
    final double ratio;
    final double error;
    final double goal; // NaN: none
    final boolean goalIsMax;

    Bar(String label, double ratio, double error, double goal, boolean goalIsMax) {
      this.label = label;
      this.ratio = ratio;
      this.error = error;
      this.goal = goal;
      this.goalIsMax = goalIsMax;
    }
  }

  private JsonObject read(String name) throws IOException {
    return JsonParser.parseString(Files.readString(results.resolve(name))).getAsJsonObject();
  }

  private void write() throws IOException {
    JsonObject overhead = read("overhead.json");
    JsonObject decode = read("decode.json");
    List<JsonObject> waitRuns = new ArrayList<>();
    for (String name : flags.get("waits").split(",")) {
      waitRuns.add(read(name));
    }
    JsonObject waitChosen = waitRuns.get(0);
    JsonObject rateLimit = read("rate-limit.json");
    JsonObject coldStart = read("cold-start.json");
    long bodyBytes = LargeInterview.json().length;

    java.util.Properties run = new java.util.Properties();
    try (java.io.Reader in = Files.newBufferedReader(results.resolve("run-info.properties"))) {
      run.load(in);
    }
    long started = Long.parseLong(run.getProperty("started"));
    long finished = Long.parseLong(run.getProperty("finished"));

    md.append("# Benchmarks\n\n");
    if (run.getProperty("quick", "0").equals("1")) {
      md.append("> **Smoke run (`QUICK=1`)**: one round of three iterations per benchmark — the figures below only show that ")
          .append("the pipeline works. Run `benchmarks/run.sh` without `QUICK` for figures to publish.\n\n");
    }
    md.append("Written by `benchmarks/run.sh` on ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochSecond(started).atOffset(ZoneOffset.UTC)))
        .append(" — do not edit by hand; the hand-written part comes from `benchmarks/NOTES.md`. ")
        .append("Every figure is set against a baseline measured in the same run, because the machine is shared and its speed ")
        .append("changes from minute to minute; JMH figures carry JMH's error (half-width of the 99.9 % confidence interval).\n\n");
    md.append("**Reproduce** (from the repository root; builds the SDK snapshots and `benchmarks/`, runs everything and rewrites ")
        .append("this file and `docs/benchmarks.svg`):\n\n```sh\n").append(flags.getOrDefault("command", "benchmarks/run.sh")).append("\n```\n\n");
    md.append("This run took **").append(minutes(finished - started)).append("**, build included. ");
    md.append("Machine: ").append(machine()).append(" Load average (1 min) at the start ").append(run.getProperty("loadStart", "?"))
        .append(", at the end ").append(run.getProperty("loadEnd", "?")).append(": other work ran beside the benchmarks.\n\n");

    summary(overhead, decode, waitChosen, rateLimit, coldStart, bodyBytes);
    md.append("![Ratios against their baselines, with error bars and goals](benchmarks.svg)\n\n");
    detailOverhead(overhead);
    detailDecode(decode, bodyBytes);
    detailWait(waitRuns);
    detailRateLimit(rateLimit);
    detailColdStart(coldStart);
    if (Files.exists(results.resolve("fleet-rate-limit.json"))) {
      md.append(FleetReport.section(results));
    }
    if (Files.exists(results.resolve(EventWaitReport.RESULTS))) {
      md.append(EventWaitReport.section(results));
    }
    dispatcher(waitRuns);
    method(overhead, run.getProperty("nice", "0"));
    Path notes = Path.of(flags.getOrDefault("notes", "benchmarks/NOTES.md"));
    if (Files.exists(notes)) {
      md.append(Files.readString(notes).replaceFirst("^# [^\n]*\n", "## Findings, changes and what was tried\n")).append('\n');
    }
  }

  // ---------------------------------------------------------------------------------------------- summary

  private void summary(JsonObject overhead, JsonObject decode, JsonObject wait, JsonObject rateLimit, JsonObject coldStart,
      long bodyBytes) {
    md.append("## Results\n\n");
    md.append("| # | measured | baseline (same run) | ratio ± error | goal | verdict |\n|---|---|---|---|---|---|\n");

    // 1
    JsonObject o = overhead.getAsJsonObject("results");
    double[] erg = score(o, "ergonomic");
    double[] raw = score(o, "rawRetrofit");
    double[] plain = score(o, "plainOkHttpGson");
    double[] r1 = ratio(erg, raw);
    double[] r1p = ratio(erg, plain);
    JsonObject paired = overhead.getAsJsonObject("interleaved");
    double[] pw = paired(paired, "ergonomic/rawRetrofit.wallRatio");
    double[] pc = paired(paired, "ergonomic/rawRetrofit.cpuRatio");
    boolean met1 = r1[0] <= 1.05 && pw[0] <= 1.05;
    md.append("| 1 | `client.interviews().getData(id)` on a loopback server: ").append(us(erg)).append(" | raw generated Retrofit call, same OkHttp client: ")
        .append(us(raw)).append(" | **").append(ratioText(r1)).append("** (interleaved: wall ").append(ratioText(pw)).append(", CPU ")
        .append(ratioText(pc)).append(") | ≤ 1.05× | ").append(verdict(met1, r1, 1.05, true)).append(" |\n");
    md.append("| 1 | the same | plain OkHttp + Gson: ").append(us(plain)).append(" | ").append(ratioText(r1p)).append(" (interleaved: wall ")
        .append(ratioText(paired(paired, "ergonomic/plainOkHttpGson.wallRatio"))).append(") | — | for information |\n");
    if (o.has("ergonomicAsync") && o.has("rawRetrofitAsync")) {
      double[] ergAsync = score(o, "ergonomicAsync");
      double[] rawAsync = score(o, "rawRetrofitAsync");
      double[] r1a = ratio(ergAsync, rawAsync);
      md.append("| 1 | `client.async().interviews().getData(id)`, awaited: ").append(us(ergAsync))
          .append(" | raw generated Retrofit `enqueue`, awaited: ").append(us(rawAsync)).append(" | **").append(ratioText(r1a))
          .append("** | reported (same ratio as the sync call) | for information |\n");
      bars.add(new Bar("1 getData async: SDK ÷ raw Retrofit", r1a[0], r1a[1], 1.05, true));
    }
    bars.add(new Bar("1 getData: SDK ÷ raw Retrofit", r1[0], r1[1], 1.05, true));
    bars.add(new Bar("1 getData: SDK ÷ raw, interleaved", pw[0], pw[1], 1.05, true));
    bars.add(new Bar("1 getData: SDK ÷ OkHttp+Gson", r1p[0], r1p[1], Double.NaN, true));

    // 2
    JsonObject d = decode.getAsJsonObject("results");
    double[] gson = mbPerSecond(score(d, "gson"), bodyBytes);
    double[] moshi = mbPerSecond(score(d, "moshi"), bodyBytes);
    double[] jackson = mbPerSecond(score(d, "jacksonTree"), bodyBytes);
    double[] r2g = ratio(gson, jackson);
    double[] r2m = ratio(moshi, jackson);
    JsonObject decodePaired = decode.getAsJsonObject("interleaved");
    double[] pg = inverse(paired(decodePaired, "gson/jacksonTree.wallRatio"));
    double[] pm = inverse(paired(decodePaired, "moshi/jacksonTree.wallRatio"));
    boolean met2 = r2g[0] >= 0.7 && pg[0] >= 0.7;
    md.append("| 2 | decoding a ").append(String.format(Locale.ROOT, "%.2f", bodyBytes / 1e6))
        .append(" MB `InterviewDataResponse` with **Gson** (default): ").append(mbs(gson)).append(" | Jackson tree parse of the same bytes: ")
        .append(mbs(jackson)).append(" | **").append(ratioText(r2g)).append("** (interleaved: ").append(ratioText(pg))
        .append(") | ≥ 0.7× | ").append(verdict(met2, r2g, 0.7, false)).append(" |\n");
    md.append("| 2 | the same with **Moshi**: ").append(mbs(moshi)).append(" | the same | ").append(ratioText(r2m)).append(" (interleaved: ")
        .append(ratioText(pm)).append(") | — | ").append(faster(gson, moshi, inverse(paired(decodePaired, "gson/moshi.wallRatio")))).append(" |\n");
    bars.add(new Bar("2 decode MB/s: Gson ÷ Jackson tree", r2g[0], r2g[1], 0.7, false));
    bars.add(new Bar("2 decode MB/s: Gson ÷ Jackson, interleaved", pg[0], pg[1], 0.7, false));
    bars.add(new Bar("2 decode MB/s: Moshi ÷ Jackson tree", r2m[0], r2m[1], Double.NaN, false));

    // 3
    JsonObject outcomes = wait.getAsJsonObject("waitOutcomes");
    JsonObject sampler = wait.getAsJsonObject("sampler");
    int waits = wait.get("waits").getAsInt();
    int succeeded = outcomes.get("succeeded").getAsInt();
    int failed = outcomes.get("failed").getAsInt();
    int sdkThreads = sampler.get("peakSdkThreads").getAsInt();
    double heapMb = sampler.get("peakHeapUsedBytes").getAsDouble() / (1 << 20);
    double maxHeapMb = sampler.get("maxHeapBytes").getAsDouble() / (1 << 20);
    double wallS = wait.get("wallMs").getAsDouble() / 1000;
    double idealS = wait.get("idealMs").getAsDouble() / 1000;
    boolean met3 = succeeded == waits && failed == 0 && sdkThreads <= 8 && heapMb <= 256 && maxHeapMb <= 256;
    md.append("| 3 | ").append(String.format(Locale.ROOT, "%,d", waits)).append(" concurrent `awaitDataAsync`, ready after ")
        .append(wait.get("pollsPerWait").getAsInt()).append(" polls, `maxConcurrentRequests(").append(wait.get("maxConcurrentRequests").getAsInt())
        .append(")`: ").append(String.format(Locale.ROOT, "%.1f s", wallS)).append(" | ideal ").append(String.format(Locale.ROOT, "%.1f s", idealS))
        .append(" (the same polls back to back; the poll schedule is ").append(String.format(Locale.ROOT, "%.1f s", wait.get("scheduleMs").getAsDouble() / 1000))
        .append(") | ").append(String.format(Locale.ROOT, "%.2f", wallS / idealS)).append(" | all complete, no failures, SDK threads ≤ 8, peak heap ≤ 256 MB | ")
        .append(met3 ? "**met**" : "**not met**").append(": ").append(String.format(Locale.ROOT, "%,d", succeeded)).append(" completed, ")
        .append(failed).append(" failed, ").append(sdkThreads).append(" SDK threads, peak heap ")
        .append(String.format(Locale.ROOT, "%.0f MB of -Xmx%.0fm (live: %.0f MB)", heapMb, maxHeapMb,
            wait.get("liveHeapWithAllWaitsInFlightBytes").getAsDouble() / (1 << 20))).append(" |\n");
    bars.add(new Bar("3 10,000 waits: wall ÷ ideal", wallS / idealS, 0, Double.NaN, true));

    // 4
    JsonObject on = rateLimit.getAsJsonObject("limiter_on");
    JsonObject off = rateLimit.getAsJsonObject("limiter_off");
    double limitRate = rateLimit.get("limitPerSecond").getAsDouble();
    double onShare = on.get("ofLimit").getAsDouble();
    double offShare = off.get("ofLimit").getAsDouble();
    boolean met4 = onShare >= 0.9 && on.get("failed").getAsInt() == 0;
    md.append("| 4 | ").append(String.format(Locale.ROOT, "%,d", rateLimit.get("calls").getAsInt())).append(" `getData` at concurrency ")
        .append(rateLimit.get("concurrency").getAsInt()).append(", server limit ").append(String.format(Locale.ROOT, "%.0f/s", limitRate))
        .append(", **rate limiter on**: ").append(String.format(Locale.ROOT, "%.1f calls/s, %d × 429, %d failed", on.get("throughputPerSecond").getAsDouble(),
            on.get("served429").getAsInt(), on.get("failed").getAsInt()))
        .append(" | the limit's throughput, ").append(String.format(Locale.ROOT, "%.0f/s", limitRate)).append(" | **")
        .append(String.format(Locale.ROOT, "%.2f", onShare)).append("** | ≥ 0.90, 0 failed | ").append(met4 ? "**met**" : "**not met**").append(" |\n");
    md.append("| 4 | the same, **rate limiter off** (429 + `Retry-After` retries only): ")
        .append(String.format(Locale.ROOT, "%.1f calls/s, %d × 429, %d failed", off.get("throughputPerSecond").getAsDouble(),
            off.get("served429").getAsInt(), off.get("failed").getAsInt()))
        .append(" | the same | ").append(String.format(Locale.ROOT, "%.2f", offShare)).append(" | — | for comparison |\n");
    bars.add(new Bar("4 bulk, limiter on: calls/s ÷ limit", onShare, 0, 0.9, false));
    bars.add(new Bar("4 bulk, limiter off: calls/s ÷ limit", offShare, 0, Double.NaN, false));

    // 5
    JsonObject c = coldStart.getAsJsonObject("commands");
    boolean launcher = c.has("cliLauncher");
    double[] cli = msStats(c, launcher ? "cliLauncher" : "cli", "firstOutput");
    double[] ok = msStats(c, "okhttp", "firstOutput");
    double[] embedded = msStats(c, "cliEmbedded", "firstOutput");
    double[] r5 = ratio(cli, ok);
    md.append("| 5 | cold start, JVM start → first response printed, ").append(launcher ? "`./heymilo`" : "CLI").append(" on the sandbox: ").append(ms(cli))
        .append(" | plain OkHttp call in a minimal main: ").append(ms(ok)).append(" | **").append(ratioText(r5))
        .append("** | ≤ 1.4 | ").append(verdict(r5[0] <= 1.4, r5, 1.4, true)).append(" | `java -jar` without the launcher: ")
        .append(ms(msStats(c, "cli", "firstOutput"))).append("; CLI with its embedded sandbox: ").append(ms(embedded)).append(" |\n\n");
    bars.add(new Bar("5 cold start: CLI ÷ minimal OkHttp", r5[0], r5[1], 1.4, true));
    md.append("Verdicts: *met* — the ratio meets the goal; *(within error)* — its error interval also crosses the goal, so this run ")
        .append("cannot tell the two apart at 99.9 %. Figures: mean ± error; µs/op and MB/s from JMH, the others from the harnesses below.\n\n");
  }

  // ---------------------------------------------------------------------------------------------- details

  private void detailOverhead(JsonObject overhead) {
    md.append("## 1. Per-call overhead\n\n");
    md.append("`CallOverheadBenchmark` (JMH, average time). A `LoopbackServer` in the benchmark JVM answers every request with the ")
        .append("sandbox's recorded `getInterviewData` 200 (15 KB body and its recorded headers) in one write on a `TCP_NODELAY` socket. ")
        .append("All variants share one `OkHttpClient` (pool and dispatcher) and decode into the same generated models:\n\n");
    md.append("- **ergonomic** — `HeyMiloClient.builder().apiKey(…).baseUrl(…).okHttpClient(shared)`, then `client.interviews().getData(id)`;\n")
        .append("- **rawRetrofit** (baseline) — the generated `InterviewsApi.getInterviewData(id).execute()` on a bare Retrofit with ")
        .append("`GsonConverterFactory(HeyMiloGson)` and an interceptor adding `X-API-KEY`;\n")
        .append("- **plainOkHttpGson** (baseline) — `okHttp.newCall(request).execute()` and `HeyMiloGson.fromJson` of the body;\n")
        .append("- **ergonomicAsync** / **rawRetrofitAsync** — the same call without blocking (`client.async().interviews().getData(id)`, ")
        .append("Retrofit's `enqueue`), awaited by the benchmark thread: both include the hand-over to the dispatcher thread and back;\n")
        .append("- **interleaved** — the three in turn within every operation, each call timed (wall, and CPU time of the calling thread), ")
        .append("so that they share the same moments of machine load; the ratio is taken per iteration and averaged. Wall time also ")
        .append("depends on other threads (the server's, Okio's timeout watchdog); the calling thread's CPU time is the client's own work ")
        .append("and the steadiest measure of the overhead.\n\n");
    jmhTable(overhead, "µs/op", false, 0);
    interleavedTable(overhead, new String[] {"ergonomic", "rawRetrofit", "plainOkHttpGson"},
        new String[] {"ergonomic/rawRetrofit", "ergonomic/plainOkHttpGson"}, false);
  }

  private void detailDecode(JsonObject decode, long bodyBytes) {
    md.append("## 2. Decoding a large interview\n\n");
    md.append("`DecodeBenchmark` (JMH, average time). The body is the recorded interview with its scorecard grown to ")
        .append(LargeInterview.QUESTIONS).append(" questions × ").append(LargeInterview.ENTRIES_PER_QUESTION)
        .append(" transcript entries (5,000 entries, built from the recorded ones), compact JSON, ")
        .append(String.format(Locale.ROOT, "%,d bytes", bodyBytes)).append(". From the same byte array in memory:\n\n");
    md.append("- **gson** / **moshi** — exactly what the SDK runs per response for `JsonLibrary.GSON` / `MOSHI`: the Retrofit converter ")
        .append("(`GsonConverterFactory(HeyMiloGson)` / `MoshiConverterFactory(HeyMiloMoshi)`) on a `ResponseBody`, into ")
        .append("`SingleResponseInterviewDataResponse` (both must decode equal models before timing starts);\n")
        .append("- **jacksonTree** (baseline) — `ObjectMapper.readTree(byte[])` (Jackson ").append(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION)
        .append("): a parse into a generic tree, no binding;\n- **interleaved** — the three in turn, as in 1.\n\n");
    md.append("MB/s = body bytes ÷ time per decode (1 MB = 10⁶ bytes).\n\n");
    jmhTable(decode, "µs/op", true, bodyBytes);
    interleavedTable(decode, new String[] {"gson", "moshi", "jacksonTree"}, new String[] {"gson/jacksonTree", "moshi/jacksonTree", "gson/moshi"},
        true);
  }

  private void detailWait(List<JsonObject> runs) {
    JsonObject chosen = runs.get(0);
    md.append("## 3. 10,000 concurrent waits\n\n");
    md.append("`AsyncWaitHarness` (plain Java), run as `java -Xmx256m …` so that the run itself proves the heap bound. The recorded sandbox ")
        .append("runs in a JVM of its own (its heap and threads are not counted). One client; each wait is on its own interview id ")
        .append("`iv_after3_<run>-wait-<i>`, which answers `not_ready` twice and `completed` on the third poll. WaitOptions: `")
        .append(chosen.get("waitOptions").getAsString()).append("`. Phases:\n\n")
        .append("1. *latency*: 300 sequential `getData` calls (the first 100 discarded): the median unloaded latency of one poll;\n")
        .append("2. *back-to-back floor* (the baseline): the same 30,000 polls without delays — for 10,000 fresh ids three chained ")
        .append("`async().interviews().getData` calls, all started at once: what client, dispatcher concurrency and sandbox allow on this machine;\n")
        .append("3. *waits*: 10,000 `awaitDataAsync` started at once (starting them all takes the 'start' time), then all joined.\n\n")
        .append("Before these, unmeasured, 2,000 ids back to back and one full pass of 10,000 waits warm up both JVMs; during that pass, once ")
        .append("all its waits are in flight, a full GC gives the live heap the waits hold. Each result is reduced to its status as it ")
        .append("arrives, as an application that hands results on would do: keeping all 10,000 decoded interviews would be the application's ")
        .append("memory (see the last row), not the SDK's.\n\n");
    md.append("**Ideal** = max(back-to-back floor, poll schedule), where the schedule is the nominal sum of one wait's delays ")
        .append("(initial delay, then ×1.5). The *latency ideal* = max(schedule, polls × unloaded latency ÷ maxConcurrentRequests) is what ")
        .append("the dispatcher's concurrency would allow if the sandbox answered every poll as fast as it answers one alone — it ignores ")
        .append("that sandbox, client and harness share two cores, which the back-to-back floor does not. A wall ÷ ideal below 1 means the ")
        .append("waits cost nothing over the floor: spread out by their delays, they load the two cores more evenly than 10,000 chains ")
        .append("started at once (most visibly with 16 connections). ")
        .append("Threads are sampled every 5 ms from before the client exists (see the dispatcher section for which).\n\n");
    md.append("|");
    for (JsonObject run : runs) {
      int c = run.get("maxConcurrentRequests").getAsInt();
      md.append(" | `maxConcurrentRequests(").append(c).append(")`").append(run == chosen ? " (chosen)" : c == 16 ? " (the SDK's default)" : "");
    }
    md.append(" |\n|---|").append("---|".repeat(runs.size())).append('\n');
    waitRow("waits completed / failed (final statuses)", runs, w -> {
      JsonObject outcomes = w.getAsJsonObject("waitOutcomes");
      List<String> statuses = new ArrayList<>();
      outcomes.getAsJsonObject("statuses").entrySet().forEach(e -> statuses.add(String.format(Locale.ROOT, "%,d `%s`", e.getValue().getAsInt(), e.getKey())));
      return String.format(Locale.ROOT, "%,d / %d (%s)", outcomes.get("succeeded").getAsInt(), outcomes.get("failed").getAsInt(), String.join(", ", statuses));
    });
    waitRow("polls seen by the listener", runs, w -> String.format(Locale.ROOT, "%,d", w.get("pollsSeen").getAsInt()));
    waitRow("**wall time** (start: time to start all)", runs, w -> String.format(Locale.ROOT, "**%.2f s** (start %.2f s)",
        w.get("wallMs").getAsDouble() / 1000, w.get("startAllMs").getAsDouble() / 1000));
    waitRow("back-to-back floor (same 30,000 polls, no delays)", runs, w -> String.format(Locale.ROOT, "%.2f s (%s)",
        w.get("backToBackMs").getAsDouble() / 1000, w.getAsJsonObject("backToBack").get("failed").getAsInt() == 0 ? "0 failed"
            : w.getAsJsonObject("backToBack").get("failed").getAsInt() + " failed"));
    waitRow("poll schedule of one wait (nominal)", runs, w -> String.format(Locale.ROOT, "%.2f s", w.get("scheduleMs").getAsDouble() / 1000));
    waitRow("**wall ÷ ideal**", runs, w -> String.format(Locale.ROOT, "**%.2f** (ideal %.2f s)", w.get("wallOverIdeal").getAsDouble(),
        w.get("idealMs").getAsDouble() / 1000));
    waitRow("unloaded latency of one poll (median)", runs, w -> String.format(Locale.ROOT, "%.2f ms", w.get("unloadedLatencyMedianMs").getAsDouble()));
    waitRow("wall ÷ latency ideal", runs, w -> String.format(Locale.ROOT, "%.2f (latency ideal %.2f s)", w.get("wallOverLatencyIdeal").getAsDouble(),
        w.get("latencyIdealMs").getAsDouble() / 1000));
    waitRow("**SDK threads**, peak at once (created in all)", runs, w -> "**" + w.getAsJsonObject("sampler").get("peakSdkThreads").getAsInt()
        + "** (" + w.getAsJsonObject("sampler").get("sdkThreadsCreated").getAsInt() + ")");
    waitRow("all new threads, peak (created)", runs, w -> w.getAsJsonObject("sampler").get("peakNewThreads").getAsInt() + " ("
        + w.getAsJsonObject("sampler").get("newThreadsCreated").getAsInt() + ")");
    waitRow("their names", runs, w -> names(w.getAsJsonObject("sampler").getAsJsonObject("threadNames")));
    waitRow("**peak heap used** (sampled, garbage included)", runs, w -> String.format(Locale.ROOT, "**%.0f MB** of %.0f MB max",
        w.getAsJsonObject("sampler").get("peakHeapUsedBytes").getAsDouble() / (1 << 20), w.getAsJsonObject("sampler").get("maxHeapBytes").getAsDouble() / (1 << 20)));
    waitRow("live heap with all 10,000 waits in flight (after a full GC; before the waits)", runs, w -> String.format(Locale.ROOT,
        "%.1f MB (%.1f MB): %.1f KB per wait", w.get("liveHeapWithAllWaitsInFlightBytes").getAsDouble() / (1 << 20),
        w.get("liveHeapBeforeWaitsBytes").getAsDouble() / (1 << 20), w.get("bytesPerWaitInFlight").getAsDouble() / 1024));
    waitRow("GC during the timed waits", runs, w -> String.format(Locale.ROOT, "%d collections, %d ms", w.get("gcCountDuringWaits").getAsLong(),
        w.get("gcMillisDuringWaits").getAsLong()));
    waitRow("heap one decoded `completed` result holds (15 KB of JSON)", runs, w -> String.format(Locale.ROOT, "%.1f KB",
        w.get("retainedBytesPerResult").getAsDouble() / 1024));
    waitRow("JVM options", runs, w -> "`" + w.get("jvmArgs").getAsString() + "`");
    md.append('\n');
  }

  private interface Cell {
    String of(JsonObject run);
  }

  private void waitRow(String label, List<JsonObject> runs, Cell cell) {
    md.append("| ").append(label);
    for (JsonObject run : runs) {
      md.append(" | ").append(cell.of(run));
    }
    md.append(" |\n");
  }

  /** "`heymilo-http-*` × 2, `OkHttp TaskRunner` × 3, …" from name → count. */
  private static String names(JsonObject names) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonElement> entry : names.entrySet()) {
      parts.add("`" + entry.getKey() + "` × " + entry.getValue().getAsInt());
    }
    return String.join(", ", parts);
  }

  private void detailRateLimit(JsonObject r) {
    md.append("## 4. Bulk calls against a rate limit\n\n");
    md.append("`RateLimitHarness` (plain Java). A `LoopbackServer` enforces ").append(r.get("limit").getAsInt()).append(" requests per ")
        .append(r.get("windowMs").getAsLong()).append(" ms over a sliding window (HeyMilo's documented 300/min scaled to a short run); within ")
        .append("the limit it answers the recorded 200, beyond it the recorded 429 `rate_limit_exceeded` with `Retry-After` in whole seconds, ")
        .append("rounded up to when the oldest request leaves the window (at least 1). ")
        .append(String.format(Locale.ROOT, "%,d", r.get("calls").getAsInt())).append(" `getData` calls come from ")
        .append(r.get("concurrency").getAsInt()).append(" threads; the client has `maxConcurrentRequests(").append(r.get("concurrency").getAsInt())
        .append(")` and `maxRetries(").append(r.get("maxRetries").getAsInt()).append(")`, and either `rateLimit(RateLimit.of(")
        .append(r.get("limit").getAsInt()).append(", ").append(r.get("windowMs").getAsLong()).append(" ms))` — the server's limit — or no limiter. ")
        .append("Each mode gets a fresh server and client, after an unmeasured warm-up of the same calls on an unlimited server. ")
        .append("Throughput = calls ÷ wall time; since a sliding window lets the first ").append(r.get("limit").getAsInt())
        .append(" calls through at once, the best possible is ").append(String.format(Locale.ROOT, "%.1f/s (%.2f of the limit)",
            r.get("bestPossiblePerSecond").getAsDouble(), r.get("bestPossiblePerSecond").getAsDouble() / r.get("limitPerSecond").getAsDouble()))
        .append(".\n\n");
    md.append("| limiter | wall | calls/s | ÷ limit | 429 answers | failed calls | latency p50 / p99 / max |\n|---|---|---|---|---|---|---|\n");
    for (String mode : new String[] {"on", "off"}) {
      JsonObject run = r.getAsJsonObject("limiter_" + mode);
      md.append(String.format(Locale.ROOT, "| %s | %.1f s | %.1f | **%.2f** | %d | %d %s | %.0f / %.0f / %.0f ms |\n", mode,
          run.get("wallMs").getAsDouble() / 1000, run.get("throughputPerSecond").getAsDouble(), run.get("ofLimit").getAsDouble(),
          run.get("served429").getAsInt(), run.get("failed").getAsInt(), run.getAsJsonObject("failures").size() == 0 ? "" : run.get("failures").toString(),
          run.get("latencyMedianMs").getAsDouble(), run.get("latencyP99Ms").getAsDouble(), run.get("latencyMaxMs").getAsDouble()));
    }
    md.append('\n');
  }

  private void detailColdStart(JsonObject coldStart) {
    md.append("## 5. Cold start\n\n");
    md.append("`ColdStartHarness` (plain Java) starts the sandbox inside the harness, then runs each command ")
        .append("(after two unmeasured runs each, for the file cache) ").append(coldStart.get("runs").getAsInt())
        .append(" times, the commands taking turns, with the same `java` (").append(coldStart.get("javaVersion").getAsString())
        .append(") and no JVM options. Measured from `ProcessBuilder.start()` to the first byte the child prints (the response) and to its exit. ")
        .append("The CLI is pointed at the running sandbox through `HEYMILO_API_KEY`/`HEYMILO_BASE_URL`, like any API; the third row is ")
        .append("`./heymilo` out of the box, which first starts its embedded sandbox (WireMock) and is shown for information. ")
        .append("The `./heymilo` row is the launcher users run: the same jar with `-XX:TieredStopAtLevel=1 -XX:+UseSerialGC` and an ")
        .append("application class-data archive (AppCDS) that the launcher records on its first run after a build (here: in the warm-up ")
        .append("runs) from a typical command and maps on every later run.\n\n");
    md.append("| command | first response: mean ± error (median) | exit: mean ± error | ÷ baseline (first response) |\n|---|---|---|---|\n");
    JsonObject c = coldStart.getAsJsonObject("commands");
    double[] base = msStats(c, "okhttp", "firstOutput");
    for (String key : new String[] {"cliLauncher", "cli", "okhttp", "cliEmbedded"}) {
      if (!c.has(key)) {
        continue;
      }
      JsonObject cmd = c.getAsJsonObject(key);
      double[] first = msStats(c, key, "firstOutput");
      double[] exit = msStats(c, key, "exit");
      md.append("| `").append(cmd.get("command").getAsString()).append("`").append(key.equals("okhttp") ? " (baseline)" : "").append(" | ")
          .append(ms(first)).append(String.format(Locale.ROOT, " (%.0f ms)", cmd.getAsJsonObject("firstOutput").get("medianMs").getAsDouble()))
          .append(" | ").append(ms(exit)).append(" | ").append(key.equals("okhttp") ? "1" : ratioText(ratio(first, base))).append(" |\n");
    }
    md.append('\n');
  }

  private void dispatcher(List<JsonObject> runs) {
    JsonObject chosen = runs.get(0);
    int c = chosen.get("maxConcurrentRequests").getAsInt();
    md.append("## The OkHttp dispatcher setting\n\n");
    md.append("OkHttp's own defaults are 64 asynchronous requests in flight in total but only 5 per host, on an unbounded thread pool. ")
        .append("Every SDK call goes to one host, so the per-host limit would be the real one, silently. The SDK therefore never uses ")
        .append("OkHttp's defaults: `HeyMiloClient.Builder.maxConcurrentRequests(n)` (default 16) sets **both** `maxRequests` and ")
        .append("`maxRequestsPerHost` to `n` and runs asynchronous calls on a pool of at most `n` daemon threads (`heymilo-http-*`; idle ones ")
        .append("end after 60 s). Synchronous calls are not queued by OkHttp's dispatcher: they run on the caller's thread, so the caller's ")
        .append("own concurrency bounds them (16 threads in benchmark 4). With a custom `okHttpClient(...)` its dispatcher is used as configured.\n\n");
    md.append("Threads a client makes: up to `n` × `heymilo-http-*`, one `heymilo-scheduler-1` (the delays of every wait and the backoff ")
        .append("of every asynchronous retry), OkHttp's `Okio Watchdog` (timeouts) and OkHttp's process-wide `OkHttp TaskRunner` pool ")
        .append("(connection-pool housekeeping), which grows to a few threads while many connections are released at once — the more ")
        .append("connections, the more threads — and shrinks after 60 s idle. So **n + 2 + TaskRunner**; nothing is held per wait. ")
        .append("Measured peaks, 10,000 waits:");
    for (JsonObject run : runs) {
      JsonObject sampler = run.getAsJsonObject("sampler");
      JsonObject names = sampler.getAsJsonObject("threadNames");
      int taskRunner = 0;
      for (String name : new String[] {"OkHttp TaskRunner", "OkHttp ConnectionPool"}) { // the latter: a TaskRunner thread mid-task
        taskRunner += names.has(name) ? names.get(name).getAsInt() : 0;
      }
      md.append(String.format(Locale.ROOT, " n = %d → %d threads (TaskRunner %d), %.2f s;", run.get("maxConcurrentRequests").getAsInt(),
          sampler.get("peakSdkThreads").getAsInt(), taskRunner, run.get("wallMs").getAsDouble() / 1000));
    }
    md.setLength(md.length() - 1);
    JsonObject last = runs.get(runs.size() - 1);
    md.append(". For at most 8 threads, use **`maxConcurrentRequests(").append(c).append(")`**: ")
        .append("with 3 the count is 8 or 9 depending on OkHttp's TaskRunner, which with 2 connections has not gone past 3 threads in any ")
        .append("run. The price is throughput: the 10,000 waits took ")
        .append(String.format(Locale.ROOT, "%.0f %% longer than with %d connections", (chosen.get("wallMs").getAsDouble()
            / last.get("wallMs").getAsDouble() - 1) * 100, last.get("maxConcurrentRequests").getAsInt()))
        .append(String.format(Locale.ROOT, " (%.2f × the back-to-back floor for that concurrency)", chosen.get("wallOverIdeal").getAsDouble()))
        .append(". Where time matters more than threads, keep the default.\n\n");
  }

  private void method(JsonObject overhead, String nice) {
    md.append("## How the numbers are produced\n\n");
    md.append("- **JMH (1 and 2).** JMH ").append(org.openjdk.jmh.util.Utils.class.getPackage().getImplementationVersion() == null ? "1.37"
        : org.openjdk.jmh.util.Utils.class.getPackage().getImplementationVersion())
        .append(", average time, one thread. `JmhRounds` runs the methods of a benchmark class in ")
        .append(overhead.get("rounds").getAsInt()).append(" rounds; a round is one fork of every method, the order rotating, each fork ")
        .append(overhead.get("warmupIterations").getAsInt()).append(" × ").append(overhead.get("iterationSeconds").getAsInt())
        .append(" s warm-up and ").append(overhead.get("measurementIterations").getAsInt()).append(" × ").append(overhead.get("iterationSeconds").getAsInt())
        .append(" s measurement, all forks with `").append(overhead.get("forkJvmArgs").getAsString()).append("`. Each method's iterations from all rounds ")
        .append("are pooled and summarised with JMH's own statistics (the same score and error JMH prints for `-f ")
        .append(overhead.get("rounds").getAsInt()).append("`). Interleaving the forks means a benchmark and its baseline see the same drift in machine ")
        .append("load; on 2 busy cores single iterations still vary by ±20 %, which is why ").append(overhead.get("rounds").getAsInt() * overhead.get("measurementIterations").getAsInt())
        .append(" iterations per method are pooled, and why the *interleaved* variant (paired call by call) is reported next to them. ")
        .append("Allocation per operation comes from JMH's `gc` profiler (all threads, so the loopback server's share is in it for every variant).\n");
    md.append("- **Ratios** a/b of two JMH results carry the error `r·sqrt((ea/a)² + (eb/b)²)`; interleaved ratios are the mean and 99.9 % ")
        .append("interval of the per-iteration ratios. Harness figures (3–5) are single runs, with mean ± 99.9 % interval where a command repeats.\n");
    md.append("- The script runs its Java processes at `nice ").append(nice)
        .append("` where allowed, to be scheduled ahead of other work on the machine; all else is in the sections above.\n\n");
  }

  // ---------------------------------------------------------------------------------------------- tables

  private void jmhTable(JsonObject run, String unit, boolean throughput, long bodyBytes) {
    JsonObject results = run.getAsJsonObject("results");
    md.append("| method | score (").append(unit).append(") ± error").append(throughput ? " | MB/s ± error" : "")
        .append(" | allocated per op | round means | n |\n|---|---|").append(throughput ? "---|" : "").append("---|---|---|\n");
    for (Map.Entry<String, JsonElement> entry : results.entrySet()) {
      if (entry.getKey().equals("interleaved")) {
        continue;
      }
      JsonObject r = entry.getValue().getAsJsonObject();
      double[] s = {r.get("score").getAsDouble(), r.get("error").getAsDouble()};
      md.append("| ").append(entry.getKey()).append(" | ").append(String.format(Locale.ROOT, "%.1f ± %.1f", s[0], s[1]));
      if (throughput) {
        md.append(" | ").append(mbs(mbPerSecond(s, bodyBytes)));
      }
      md.append(" | ").append(r.has("allocBytesPerOp") ? String.format(Locale.ROOT, "%,.0f B", r.get("allocBytesPerOp").getAsDouble()) : "—")
          .append(" | ");
      List<String> means = new ArrayList<>();
      r.getAsJsonArray("roundMeans").forEach(m -> means.add(String.format(Locale.ROOT, "%.0f", m.getAsDouble())));
      md.append(String.join(", ", means)).append(" | ").append(r.get("n").getAsInt()).append(" |\n");
    }
    md.append('\n');
  }

  /** @param throughput show ratios of MB/s (the inverse of the time ratios) */
  private void interleavedTable(JsonObject run, String[] variants, String[] pairs, boolean throughput) {
    JsonObject paired = run.getAsJsonObject("interleaved");
    if (paired == null || paired.size() == 0) {
      return;
    }
    md.append("Interleaved, per call (mean ± error over ").append(paired.getAsJsonObject(variants[0] + ".wallMicros").get("n").getAsInt())
        .append(" iterations; the per-call timers add the same small cost to every variant):\n\n");
    md.append("| variant | wall µs | CPU µs (calling thread) |\n|---|---|---|\n");
    for (String v : variants) {
      double[] w = paired(paired, v + ".wallMicros");
      double[] c = paired(paired, v + ".cpuMicros");
      md.append(String.format(Locale.ROOT, "| %s | %.1f ± %.1f | %.1f ± %.1f |\n", v, w[0], w[1], c[0], c[1]));
    }
    md.append(throughput ? "\n| ratio of MB/s | wall | CPU |\n|---|---|---|\n" : "\n| ratio of times | wall | CPU |\n|---|---|---|\n");
    for (String p : pairs) {
      String[] ab = p.split("/");
      double[] w = paired.has(p + ".wallRatio") ? paired(paired, p + ".wallRatio") : null;
      double[] c = paired.has(p + ".cpuRatio") ? paired(paired, p + ".cpuRatio") : null;
      if (w == null) {
        // Not requested as a pair: derive from the per-variant means.
        w = ratio(paired(paired, ab[0] + ".wallMicros"), paired(paired, ab[1] + ".wallMicros"));
        c = ratio(paired(paired, ab[0] + ".cpuMicros"), paired(paired, ab[1] + ".cpuMicros"));
      }
      if (throughput) {
        w = inverse(w);
        c = inverse(c);
      }
      md.append("| ").append(ab[0]).append(" ÷ ").append(ab[1]).append(" | ").append(ratioText(w)).append(" | ").append(ratioText(c)).append(" |\n");
    }
    md.append('\n');
  }

  // ---------------------------------------------------------------------------------------------- numbers

  private static double[] score(JsonObject results, String method) {
    JsonObject r = results.getAsJsonObject(method);
    return new double[] {r.get("score").getAsDouble(), r.get("error").getAsDouble()};
  }

  private static double[] paired(JsonObject paired, String name) {
    JsonObject r = paired.getAsJsonObject(name);
    return new double[] {r.get("mean").getAsDouble(), r.get("error").getAsDouble()};
  }

  private static double[] msStats(JsonObject commands, String key, String which) {
    JsonObject s = commands.getAsJsonObject(key).getAsJsonObject(which);
    return new double[] {s.get("meanMs").getAsDouble(), s.get("errorMs").getAsDouble()};
  }

  /** a/b with the first-order propagated error. */
  static double[] ratio(double[] a, double[] b) {
    double r = a[0] / b[0];
    return new double[] {r, r * Math.sqrt(Math.pow(a[1] / a[0], 2) + Math.pow(b[1] / b[0], 2))};
  }

  /** 1/r with the same relative error. */
  private static double[] inverse(double[] r) {
    return new double[] {1 / r[0], r[1] / (r[0] * r[0])};
  }

  /** µs per decode → MB/s, same relative error. */
  private static double[] mbPerSecond(double[] microsPerOp, long bytes) {
    double mbs = bytes / microsPerOp[0];
    return new double[] {mbs, mbs * microsPerOp[1] / microsPerOp[0]};
  }

  /** Which library decodes faster, by how much; "neither" when the error of either measurement covers 1. */
  private static String faster(double[] gson, double[] moshi, double[] interleaved) {
    double[] r = ratio(gson, moshi);
    String figures = String.format(Locale.ROOT, "Gson ÷ Moshi MB/s %.2f ± %.2f (interleaved %.2f ± %.2f)", r[0], r[1], interleaved[0], interleaved[1]);
    boolean gsonFaster = r[0] - r[1] > 1 && interleaved[0] - interleaved[1] > 1;
    boolean moshiFaster = r[0] + r[1] < 1 && interleaved[0] + interleaved[1] < 1;
    if (gsonFaster || moshiFaster) {
      double[] lead = gsonFaster ? r : inverse(r);
      return String.format(Locale.ROOT, "**%s is faster**, by %.0f %%: %s", gsonFaster ? "Gson" : "Moshi", (lead[0] - 1) * 100, figures);
    }
    return "**neither is faster** beyond the error: " + figures;
  }

  private static String verdict(boolean met, double[] r, double goal, boolean goalIsMax) {
    boolean crosses = goalIsMax ? r[0] + r[1] > goal : r[0] - r[1] < goal;
    String text = met ? "**met**" : "**not met**";
    return crosses ? text + " (within error)" : text;
  }

  private static String ratioText(double[] r) {
    return String.format(Locale.ROOT, "%.3f ± %.3f", r[0], r[1]);
  }

  private static String us(double[] s) {
    return String.format(Locale.ROOT, "%.1f ± %.1f µs", s[0], s[1]);
  }

  private static String mbs(double[] s) {
    return String.format(Locale.ROOT, "%.0f ± %.0f MB/s", s[0], s[1]);
  }

  private static String ms(double[] s) {
    return String.format(Locale.ROOT, "%.0f ± %.0f ms", s[0], s[1]);
  }

  private static String minutes(long seconds) {
    return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
  }

  private static String machine() throws IOException {
    String cpu = "?";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.exists(cpuinfo)) {
      for (String line : Files.readAllLines(cpuinfo)) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    }
    long memKb = 0;
    Path meminfo = Path.of("/proc/meminfo");
    if (Files.exists(meminfo)) {
      for (String line : Files.readAllLines(meminfo)) {
        if (line.startsWith("MemTotal:")) {
          memKb = Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    }
    return String.format(Locale.ROOT, "%d cores (%s), %.0f GB RAM, %s %s; %s %s (%s).", Runtime.getRuntime().availableProcessors(), cpu,
        memKb / 1024.0 / 1024.0, System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("java.vendor"));
  }

  // ---------------------------------------------------------------------------------------------- chart

  /** Horizontal bars of each ratio with its error and goal; 1 = as fast as the baseline. */
  private String chart() {
    int rowHeight = 30;
    int labelWidth = 290;
    int plotWidth = 460;
    int top = 40;
    int height = top + bars.size() * rowHeight + 40;
    double max = 1.2;
    for (Bar bar : bars) {
      max = Math.max(max, bar.ratio + bar.error);
    }
    max = Math.ceil(max * 2) / 2;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n",
        labelWidth + plotWidth + 90, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-weight=\"bold\">Ratio to the baseline measured in the same run "
        + "(bar: ratio, whisker: error, red tick: goal)</text>\n", 10));
    for (double x = 0; x <= max + 1e-9; x += 0.5) {
      double px = labelWidth + x / max * plotWidth;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>\n", px, top - 5, px,
          top + bars.size() * rowHeight, x == 1.0 ? "#555" : "#ddd"));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>\n", px, top + bars.size() * rowHeight + 15, x));
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = top + i * rowHeight;
      boolean meets = Double.isNaN(bar.goal) || (bar.goalIsMax ? bar.ratio <= bar.goal : bar.ratio >= bar.goal);
      double w = Math.min(bar.ratio, max) / max * plotWidth;
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", labelWidth - 8, y + 17, escape(bar.label)));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>\n", labelWidth, y + 4, w,
          Double.isNaN(bar.goal) ? "#9ab" : meets ? "#6a6" : "#c66"));
      if (bar.error > 0) {
        double lo = labelWidth + Math.max(0, bar.ratio - bar.error) / max * plotWidth;
        double hi = labelWidth + Math.min(max, bar.ratio + bar.error) / max * plotWidth;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>\n", lo, y + 13, hi, y + 13));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>\n", lo, y + 8, lo, y + 18));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>\n", hi, y + 8, hi, y + 18));
      }
      if (!Double.isNaN(bar.goal)) {
        double gx = labelWidth + bar.goal / max * plotWidth;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"red\" stroke-width=\"2\"/>\n", gx, y + 1, gx, y + 25));
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", labelWidth + plotWidth + 8, y + 17,
          bar.error > 0 ? String.format(Locale.ROOT, "%.2f ± %.2f", bar.ratio, bar.error) : String.format(Locale.ROOT, "%.2f", bar.ratio)));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
