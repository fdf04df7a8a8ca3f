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
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Section 6 of {@code docs/benchmarks.md}, from {@code fleet-rate-limit.json} ({@link FleetRateLimitHarness}).
 * {@link ReportWriter} includes it in a full report; {@code benchmarks/run.sh fleet} runs only benchmark 6 and
 * calls {@link #main} to replace this section alone in the existing file, between its two marker comments.
 */
final class FleetReport {
  static final String BEGIN = "<!-- benchmark 6 begins: benchmarks/run.sh fleet rewrites it alone -->";
  static final String END = "<!-- benchmark 6 ends -->";
  /** Where a report without the section gets it: before the first section after the numbered ones. */
  static final String BEFORE = "## The OkHttp dispatcher setting";

  private FleetReport() {}

  /** {@code --results DIR --out docs/benchmarks.md}: splices the section into {@code out}. */
  public static void main(String[] args) throws IOException {
    Map<String, String> flags = Flags.parse(args, 0);
    Path results = Path.of(flags.get("results"));
    Path out = Path.of(flags.get("out"));
    splice(out, section(results), BEGIN, END, BEFORE);
    System.out.println("wrote benchmark 6 into " + out);
  }

  /**
   * Replaces the section between {@code begin} and {@code end} (markers included) in {@code out} with
   * {@code section}; a file without it gets it before {@code before}, or at the end.
   */
  static void splice(Path out, String section, String begin, String end, String before) throws IOException {
    String md = Files.readString(out, StandardCharsets.UTF_8);
    int from = md.indexOf(begin);
    int to = md.indexOf(end);
    if (from >= 0 && to > from) {
      md = md.substring(0, from) + section + md.substring(to + end.length() + 1);
    } else if (md.contains(before)) {
      md = md.replace(before, section + before);
    } else {
      md = md + "\n" + section;
    }
    Files.writeString(out, md, StandardCharsets.UTF_8);
  }

  /** The whole section, markers included, ending with a blank line. */
  static String section(Path results) throws IOException {
    JsonObject r = JsonParser.parseString(Files.readString(results.resolve("fleet-rate-limit.json"))).getAsJsonObject();
    Properties info = new Properties();
    Path infoFile = results.resolve("fleet-run-info.properties");
    if (Files.exists(infoFile)) {
      try (java.io.Reader in = Files.newBufferedReader(infoFile)) {
        info.load(in);
      }
    }
    StringBuilder md = new StringBuilder(BEGIN).append('\n');
    int calls = r.get("calls").getAsInt();
    int clients = r.get("clients").getAsInt();
    int threads = r.get("threadsPerClient").getAsInt();
    int limit = r.get("limit").getAsInt();
    long windowMs = r.get("windowMs").getAsLong();
    double rate = r.get("limitPerSecond").getAsDouble();
    md.append("## 6. A rate limit shared by a fleet (Redis)\n\n");
    if (info.containsKey("started")) {
      md.append("Run ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochSecond(Long.parseLong(info.getProperty("started")))
          .atOffset(ZoneOffset.UTC))).append(" by `").append(info.getProperty("command", "benchmarks/run.sh fleet"))
          .append("` (load average at the start ").append(info.getProperty("loadStart", "?")).append(", at the end ")
          .append(info.getProperty("loadEnd", "?")).append("; nice ").append(info.getProperty("nice", "0")).append("); ");
    }
    md.append("Java ").append(r.get("javaVersion").getAsString()).append(", redis-server ").append(r.get("redisVersion").getAsString())
        .append(" (Debian).\n\n");
    md.append("`FleetRateLimitHarness` (plain Java) starts ").append(clients).append(" JVMs (`FleetWorker`), each with one `HeyMiloClient` and ")
        .append(threads).append(" calling threads, all using one API key; together they make ").append(String.format(Locale.ROOT, "%,d", calls))
        .append(" `getData` calls against one `LoopbackServer` (benchmark 4's) that allows ").append(limit).append(" requests per ")
        .append(seconds(windowMs)).append(" over a sliding window and answers the excess with the recorded 429 and `Retry-After`. ")
        .append("That is HeyMilo's 300 per minute scaled to a run of seconds: ").append(String.format(Locale.ROOT, "%.0f", rate))
        .append(" requests per second instead of 5, over a window of ").append(seconds(windowMs)).append(" instead of 60 s. ")
        .append("The limiter's defaults then give a burst of ").append(r.get("burst").getAsInt()).append(" and a safety margin of ")
        .append(String.format(Locale.ROOT, "%.0f ms", r.get("safetyMarginMs").getAsDouble())).append(": a steady ")
        .append(String.format(Locale.ROOT, "%.1f/s (%.2f of the limit)", r.get("shapePerSecond").getAsDouble(), r.get("shapePerSecond").getAsDouble() / rate))
        .append(", and a request may reach the server up to ").append(String.format(Locale.ROOT, "%.0f ms", r.get("latenessToleranceMs").getAsDouble()))
        .append(" later than its reserved time without breaking the limit (0.8 s at HeyMilo's scale). Every client has `maxRetries(")
        .append(r.get("maxRetries").getAsInt()).append(")`. Each run gets a fresh server and a redis-server of its own; the workers warm up on an ")
        .append("unlimited server, wait until their limiter is connected, and start together. Throughput = successful calls ÷ wall time ")
        .append("(first call's start to last call's end).\n\n");

    md.append("| run | limiter in each JVM | calls/s | ÷ limit | 429 answers | failed calls | latency p50 / p99 / max | outage warnings (recoveries) |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    row(md, r, "shared", "`rateLimiter(RedisRateLimiter)`: the fleet's budget");
    row(md, r, "perClient", "`rateLimit(RateLimit.of(" + limit + ", " + seconds(windowMs) + "))`: its own budget");
    row(md, r, "redisStopped", "the fleet's budget; Redis killed at ⅓, restarted at ⅔ (fail open, the default)");
    row(md, r, "redisStoppedFailClosed", "the same with `outagePolicy(FAIL_CLOSED)`");
    if (r.has("sharedShortWindow")) {
      row(md, r, "sharedShortWindow", "the fleet's budget, " + r.get("shortLimit").getAsInt() + " per " + seconds(r.get("shortWindowMs").getAsLong())
          + " (benchmark 4's scale)");
    }
    md.append('\n');

    JsonObject shared = r.getAsJsonObject("shared");
    boolean met = shared.get("ofLimit").getAsDouble() >= 0.9 && shared.get("served429").getAsInt() == 0 && shared.get("failed").getAsInt() == 0;
    JsonObject perClient = r.getAsJsonObject("perClient");
    md.append(String.format(Locale.ROOT, "**Goal** (shared budget): ≥ 0.90 of the limit's throughput, 0 × 429, 0 failed calls — **%s**: %.2f, %d × 429, %d failed. "
        + "The same fleet with a limiter per JVM got %d × 429 (and %d failed calls), whose `Retry-After` stalled callers up to %.1f s (p99 %.1f s against %.2f s shared). "
        + "It finishes sooner only because a sliding window lets a whole window's budget through at once and this run lasts about two windows; "
        + "kept up, four JVMs each pacing to the whole limit send four times the budget, and the excess is answered with 429.\n\n",
        met ? "met" : "not met", shared.get("ofLimit").getAsDouble(), shared.get("served429").getAsInt(), shared.get("failed").getAsInt(),
        perClient.get("served429").getAsInt(), perClient.get("failed").getAsInt(), perClient.getAsJsonObject("latency").get("maxMs").getAsDouble() / 1000,
        perClient.getAsJsonObject("latency").get("p99Ms").getAsDouble() / 1000, shared.getAsJsonObject("latency").get("p99Ms").getAsDouble() / 1000));

    md.append("**Redis stopped mid-run** (SIGKILL once a third of the calls were answered; started again on the same port once two thirds were), by phase:\n\n");
    md.append("| run | phase | length | calls started | succeeded | failed | 429 answers | latency p50 / max |\n|---|---|---|---|---|---|---|---|\n");
    for (String run : new String[] {"redisStopped", "redisStoppedFailClosed"}) {
      JsonObject phases = r.getAsJsonObject(run).getAsJsonObject("phases");
      for (Map.Entry<String, JsonElement> phase : phases.entrySet()) {
        JsonObject p = phase.getValue().getAsJsonObject();
        JsonObject latency = p.getAsJsonObject("latency");
        md.append(String.format(Locale.ROOT, "| %s | %s | %.1f s | %d | %d | %d | %d | %s |\n", run, phaseName(phase.getKey()),
            p.get("durationMs").getAsDouble() / 1000, p.get("callsStarted").getAsInt(), p.get("succeeded").getAsInt(), p.get("failed").getAsInt(),
            p.get("served429").getAsInt(), latency.size() == 0 ? "—" : String.format(Locale.ROOT, "%.1f / %.0f ms",
                latency.get("p50Ms").getAsDouble(), latency.get("maxMs").getAsDouble())));
      }
    }
    JsonObject open = r.getAsJsonObject("redisStopped");
    JsonObject closed = r.getAsJsonObject("redisStoppedFailClosed");
    md.append('\n').append(String.format(Locale.ROOT,
        "Fail open (the default) kept every call going: %d failed. Each JVM logged one warning when it declared the outage (%d in all, "
            + "for %d JVMs) and one message when Redis answered again (%d); Lettuce adds its own reconnect lines (%d). Meanwhile every JVM "
            + "paced itself to the whole limit, so the fleet sent up to %d times the budget and the server answered %d × 429 while Redis was "
            + "down; the client's retries absorbed them. After the restart Redis holds a fresh, full bucket while the server still counts "
            + "the outage's requests, hence %d more 429s until the window has passed. Fail closed sent nothing while Redis was down: %d calls "
            + "failed with `RateLimiterUnavailableException`, in %.2f ms at the median and %.0f ms at most (the slowest were waiting for their "
            + "turn or a `Retry-After` when Redis went, or were among the three requests per JVM that wait for the command timeout before the "
            + "outage is declared; after that no request waits for Redis).\n\n",
        open.get("failed").getAsInt(), open.get("warnings").getAsInt(), clients, open.get("recoveries").getAsInt(),
        open.get("lettuceWarnings").getAsInt(), clients, phase429(open, "redisDown"), phase429(open, "redisBack"),
        closed.getAsJsonObject("phases").getAsJsonObject("redisDown").get("failed").getAsInt(),
        closed.getAsJsonObject("phases").getAsJsonObject("redisDown").getAsJsonObject("latency").get("p50Ms").getAsDouble(),
        closed.getAsJsonObject("phases").getAsJsonObject("redisDown").getAsJsonObject("latency").get("maxMs").getAsDouble()));
    if (r.has("sharedShortWindow")) {
      JsonObject shortRun = r.getAsJsonObject("sharedShortWindow");
      md.append(String.format(Locale.ROOT,
          "**Why a 10-second window.** Over a window of %s (the last row) the margin is at its 50 ms floor and a request may arrive only "
              + "%.0f ms late: there the fleet got %d × 429 at %.2f of the limit. A late request is one whose sender was descheduled between "
              + "its reservation and its send — the scheduling delays of this shared 2-core machine do not shrink with the window, while at "
              + "HeyMilo's scale the same defaults tolerate 0.8 s. A larger margin would buy more tolerance at the cost of throughput "
              + "(`safetyMargin(...)`).\n\n",
          seconds(r.get("shortWindowMs").getAsLong()), r.get("shortLatenessToleranceMs").getAsDouble(), shortRun.get("served429").getAsInt(),
          shortRun.get("ofLimit").getAsDouble()));
    }
    md.append("Reproduce this section alone (about 4 minutes; needs `redis-server` on the PATH): `benchmarks/run.sh fleet`.\n\n");
    md.append(END).append('\n');
    return md.toString();
  }

  private static int phase429(JsonObject run, String phase) {
    JsonObject phases = run.getAsJsonObject("phases");
    return phases.has(phase) ? phases.getAsJsonObject(phase).get("served429").getAsInt() : 0;
  }

  private static void row(StringBuilder md, JsonObject r, String name, String limiter) {
    JsonObject run = r.getAsJsonObject(name);
    JsonObject latency = run.getAsJsonObject("latency");
    md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | **%.2f** | **%d** | %d%s | %.0f / %.0f / %.0f ms | %d (%d) |\n", name, limiter,
        run.get("throughputPerSecond").getAsDouble(), run.get("ofLimit").getAsDouble(), run.get("served429").getAsInt(),
        run.get("failed").getAsInt(), run.getAsJsonObject("failures").size() == 0 ? "" : " " + run.get("failures"),
        latency.get("p50Ms").getAsDouble(), latency.get("p99Ms").getAsDouble(), latency.get("maxMs").getAsDouble(),
        run.get("warnings").getAsInt(), run.get("recoveries").getAsInt()));
  }

  private static String phaseName(String key) {
    switch (key) {
      case "redisUp":
        return "Redis up";
      case "redisDown":
        return "**Redis down**";
      default:
        return "Redis back";
    }
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
