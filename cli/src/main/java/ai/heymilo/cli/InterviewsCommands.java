package ai.heymilo.cli;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sdk.WaitOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo interviews …} */
@Command(name = "interviews", description = "Interview results (scorecard, transcript, recordings) and per-interview metadata.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  heymilo interviews wait iv_123 --timeout 30m   (exit 8 if not ready by then)",
        "  heymilo interviews scorecard iv_123 --transcript",
        "  heymilo interviews metadata set iv_123 external_id=ats_12345 source=workday"})
final class InterviewsCommands {
  private final Session session;

  InterviewsCommands(Session session) {
    this.session = session;
  }

  @Command(name = "get", description = "Show an interview's results now, whatever its status.")
  int get(@Parameters(paramLabel = "INTERVIEW_ID", description = "The interview's id (from candidates ingest or list).") String interviewId,
      @Option(names = "--transcript", description = "Also print the whole conversation.") boolean transcript,
      @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> show(client.interviews().getData(interviewId), flags, transcript));
  }

  @Command(name = "scorecard", description = "The readable scorecard: overall and speech score, per question score (1–5), weight and "
      + "the AI's reasoning, highlights and lowlights, the video and audio recording links; --transcript adds the conversation.",
      footerHeading = "%nExamples:%n",
      footer = {"  heymilo interviews scorecard iv_123", "  heymilo interviews scorecard iv_123 --transcript | less"})
  int scorecard(@Parameters(paramLabel = "INTERVIEW_ID", description = "The interview's id.") String interviewId,
      @Option(names = "--transcript", description = "Also print the whole conversation, with timestamps.") boolean transcript,
      @Mixin Flags flags) {
    return get(interviewId, transcript, flags);
  }

  @Command(name = "wait", description = "Wait until the interview's results are final (not 'not_ready' or 'evaluating'), showing a live "
      + "progress line, then print the scorecard. Exit code 8 when the time runs out, 7 when the API cannot be reached.",
      footerHeading = "%nExamples:%n",
      footer = {"  heymilo interviews wait iv_123", "  heymilo interviews wait iv_123 --timeout 2h --json > result.json"})
  int await(@Parameters(paramLabel = "INTERVIEW_ID", description = "The interview's id.") String interviewId,
      @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
          description = "Give up after this long: 90s, 10m, 2h or PT10M (default: ${DEFAULT-VALUE}).") Duration timeout,
      @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
          description = "First delay between polls; later ones grow to 15 times it, at most 30s (default: 2s, 0.7s on the sandbox).") @Nullable Duration interval,
      @Option(names = "--transcript", description = "Also print the whole conversation.") boolean transcript,
      @Mixin Flags flags) {
    Inputs.checkPositive(interval, "--interval");
    return session.run(flags, (client, connection) -> {
      WaitOptions options = waitOptions(timeout, interval, connection.sandbox).listener(new ProgressLine(session.console, "interview " + interviewId)).build();
      return show(client.interviews().awaitData(interviewId, options), flags, transcript);
    });
  }

  /** Polls every {@code interval} and more slowly after; by default fast on the sandbox (its results are recorded), at the SDK's defaults on the real API. */
  static WaitOptions.Builder waitOptions(Duration timeout, @Nullable Duration interval, boolean sandbox) {
    WaitOptions.Builder builder = WaitOptions.builder().timeout(timeout);
    if (interval != null) {
      Duration max = interval.multipliedBy(15).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : interval.multipliedBy(15);
      return builder.initialDelay(interval).maxDelay(max.compareTo(interval) < 0 ? interval : max);
    }
    return sandbox ? builder.initialDelay(Duration.ofMillis(700)).maxDelay(Duration.ofMillis(1500)) : builder;
  }

  private int show(InterviewDataResponse data, Flags flags, boolean transcript) {
    return session.showText(flags, data, scorecard -> Scorecard.print(scorecard, session.console, transcript));
  }

  /** {@code heymilo interviews metadata …} */
  @Command(name = "metadata", description = "Key-value metadata of an interview (up to 50 keys, keys up to 40 and values up to 500 characters).",
      footerHeading = "%nExamples:%n",
      footer = {"  heymilo interviews metadata get iv_123", "  heymilo interviews metadata set iv_123 external_id=ats_12345 source=workday",
          "  heymilo interviews metadata delete iv_123"})
  static final class MetadataCommands {
    private final Session session;

    MetadataCommands(Session session) {
      this.session = session;
    }

    @Command(name = "get", description = "Show an interview's metadata.")
    int get(@Parameters(paramLabel = "INTERVIEW_ID", description = "The interview's id.") String interviewId, @Mixin Flags flags) {
      return session.run(flags, (client, connection) -> print(client.interviews().getMetadata(interviewId), flags));
    }

    @Command(name = "set", description = "Replace an interview's metadata with KEY=VALUE pairs.")
    int set(@Parameters(index = "0", paramLabel = "INTERVIEW_ID", description = "The interview's id.") String interviewId,
        @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "1..*", description = "The new metadata, all of it.") List<String> pairs,
        @Mixin Flags flags) {
      Map<String, String> metadata = Inputs.pairs(pairs);
      return session.run(flags, (client, connection) -> print(client.interviews().setMetadata(interviewId, metadata), flags));
    }

    @Command(name = "delete", description = "Remove all metadata from an interview.")
    int delete(@Parameters(paramLabel = "INTERVIEW_ID", description = "The interview's id.") String interviewId, @Mixin Flags flags) {
      return session.run(flags, (client, connection) -> print(client.interviews().deleteMetadata(interviewId), flags));
    }

    private int print(Map<String, String> metadata, Flags flags) {
      return session.showTable(flags, metadata, pairs -> {
        Table table = new Table("KEY", "VALUE");
        pairs.forEach(table::row);
        return table;
      });
    }
  }
}
