package ai.heymilo.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Section 7 of {@code docs/benchmarks.md}, from {@code event-waits.json} ({@link EventWaitHarness}).
 * {@link ReportWriter} includes it in a full report; {@code benchmarks/run.sh events} runs only benchmark 7 and
 * calls {@link #main} to replace this section alone, between its two marker comments.
 */
final class EventWaitReport {
  static final String BEGIN = "<!-- benchmark 7 begins: benchmarks/run.sh events rewrites it alone -->";
  static final String END = "<!-- benchmark 7 ends -->";
  static final String RESULTS = "event-waits.json";

  private EventWaitReport() {}

  /** {@code --results DIR --out docs/benchmarks.md}: splices the section into {@code out}. */
  public static void main(String[] args) throws IOException {
    Map<String, String> flags = Flags.parse(args, 0);
    Path out = Path.of(flags.get("out"));
    FleetReport.splice(out, section(Path.of(flags.get("results"))), BEGIN, END, FleetReport.BEFORE);
    System.out.println("wrote benchmark 7 into " + out);
  }

  /** The whole section, markers included, ending with a blank line. */
  static String section(Path results) throws IOException {
    JsonObject r = JsonParser.parseString(Files.readString(results.resolve(RESULTS))).getAsJsonObject();
    JsonObject polling = r.getAsJsonObject("polling");
    JsonObject events = r.getAsJsonObject("events");
    Properties info = new Properties();
    Path infoFile = results.resolve("events-run-info.properties");
    if (Files.exists(infoFile)) {
      try (java.io.Reader in = Files.newBufferedReader(infoFile)) {
        info.load(in);
      }
    }
    int waits = r.get("waits").getAsInt();
    long reportAfterMs = r.get("reportAfterMs").getAsLong();
    StringBuilder md = new StringBuilder(BEGIN).append('\n');
    md.append("## 7. 10,000 waits finished by webhook events\n\n");
    md.append(String.format(Locale.ROOT,
        "`EventWaitHarness`: %,d `awaitDataAsync` calls started at once, one client; the reports of all their interviews come out %s "
            + "later. The API is a loopback server answering the recorded interview data — `not_ready` until the reports are out, "
            + "`completed` after — so that completion is a moment in time, as with the real API. **Polling only** (today): the "
            + "default `WaitOptions` (2 s growing ×1.5 to 30 s, ±20 %% jitter); a wait learns of its report at its next poll. "
            + "**Events**: `dispatcher.completeWaitsOf(client)`, and one `report_available` per interview POSTed by %d threads to a "
            + "`WebhookReceiver` (shared-secret check on) in the client's JVM; each event makes its wait poll once to confirm. "
            + "*Event → completion* is measured per wait from the moment its result could be known (the reports coming out for "
            + "polling; its event being sent for events) to its future completing. One unmeasured run of each mode (1,000 waits, "
            + "reports after 3 s) warms up first.\n\n",
        waits, seconds(reportAfterMs), r.get("senders").getAsInt()));
    md.append("| | polling only (today) | events wired |\n|---|---|---|\n");
    row(md, "waits completed / failed", completed(polling, waits), completed(events, waits));
    row(md, "waits ended by their fallback poll before their event was sent", "—",
        String.valueOf(events.get("endedBeforeTheirEvent").getAsInt()));
    row(md, "**event → completion, p50**", ms(polling, "latencyP50Ms"), ms(events, "latencyP50Ms"));
    row(md, "p90", ms(polling, "latencyP90Ms"), ms(events, "latencyP90Ms"));
    row(md, "**p99**", ms(polling, "latencyP99Ms"), ms(events, "latencyP99Ms"));
    row(md, "max", ms(polling, "latencyMaxMs"), ms(events, "latencyMaxMs"));
    row(md, "**polls** in all (before the reports came out)", String.format(Locale.ROOT, "%,d (%,d)", polling.get("polls").getAsInt(),
        polling.get("pollsBeforeReports").getAsInt()), String.format(Locale.ROOT, "%,d (%,d)", events.get("polls").getAsInt(),
        events.get("pollsBeforeReports").getAsInt()));
    row(md, "polls per wait", String.format(Locale.ROOT, "%.2f", polling.get("polls").getAsDouble() / waits),
        String.format(Locale.ROOT, "%.2f", events.get("polls").getAsDouble() / waits));
    row(md, "all done after the reports came out", ms(polling, "wallAfterReportsMs"), ms(events, "wallAfterReportsMs"));
    row(md, "sending all the events (" + r.get("senders").getAsInt() + " senders)", "—",
        String.format(Locale.ROOT, "%,d ms (%d refused)", events.get("eventDeliveryMs").getAsLong(), events.get("eventsRefused").getAsLong()));
    int saved = polling.get("polls").getAsInt() - events.get("polls").getAsInt();
    md.append('\n').append(String.format(Locale.ROOT,
        "**Polls saved: %,d** (%.0f %% of the polling-only run's). With events wired the waits poll once at the start and once on "
            + "their event; " + (events.get("endedBeforeTheirEvent").getAsInt() == 0 ? "the fallback poll (`eventFallbackDelay`, 60 s) "
            + "never came due. " : "for the waits counted above the fallback poll (`eventFallbackDelay`, 60 s) came before their event. ")
            + "Without events a wait learns of its "
            + "report only at its next poll, on average half a delay late, and the delays grow to 30 s; with events the "
            + "latency is one webhook delivery plus one confirming poll, and it grows with the number of events in flight at "
            + "once (here all %,d within %,d ms on two shared cores), not with the wait's age.\n\n",
        saved, 100.0 * saved / polling.get("polls").getAsInt(), waits, events.get("eventDeliveryMs").getAsLong()));
    md.append(String.format(Locale.ROOT,
        "Here the reports came out %s after the start, so polling alone had made only %.1f polls per wait. The longer a "
            + "report takes, the more a wait saves: over the default timeout of 10 minutes the nominal schedules are %d polls "
            + "polling alone and %d with events wired (the 60 s fallback), and a wait that its event ends makes 2 — its first "
            + "poll and the confirming one. Interviews that a candidate sits take hours.\n\n",
        seconds(reportAfterMs), polling.get("polls").getAsDouble() / waits, nominalPolls(600_000, 2_000, 30_000),
        nominalPolls(600_000, 60_000, 60_000)));
    md.append("Reproduce this section alone (about 2 minutes): `benchmarks/run.sh events`");
    if (info.containsKey("loadStart")) {
      md.append(" (this run: load average ").append(info.getProperty("loadStart")).append(" at the start, ")
          .append(info.getProperty("loadEnd", "?")).append(" at the end)");
    }
    md.append(".\n\n").append(END).append('\n');
    return md.toString();
  }

  /** The polls of one wait over {@code spanMs} with delays from {@code firstMs} growing ×1.5 to {@code maxMs}, no jitter. */
  static int nominalPolls(long spanMs, long firstMs, long maxMs) {
    int polls = 1;
    double at = 0;
    double delay = firstMs;
    while (at + delay <= spanMs) {
      at += delay;
      polls++;
      delay = Math.min(delay * 1.5, maxMs);
    }
    return polls;
  }

  private static String completed(JsonObject run, int waits) {
    int failed = run.get("failed").getAsInt();
    return String.format(Locale.ROOT, "%,d / %,d", waits - failed, failed);
  }

  private static void row(StringBuilder md, String name, String polling, String events) {
    md.append("| ").append(name).append(" | ").append(polling).append(" | ").append(events).append(" |\n");
  }

  private static String ms(JsonObject run, String field) {
    double value = run.get(field).getAsDouble();
    return value >= 1000 ? String.format(Locale.ROOT, "%.2f s", value / 1000) : String.format(Locale.ROOT, "%.1f ms", value);
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
