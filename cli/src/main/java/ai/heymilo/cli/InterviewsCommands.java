package ai.heymilo.cli;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sdk.WaitOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo interviews …} */
@Command(name = "interviews", description = "Interview results and per-interview metadata.")
final class InterviewsCommands {
  private final Session session;

  InterviewsCommands(Session session) {
    this.session = session;
  }

  @Command(name = "get", description = "Show an interview's results now, whatever its status.")
  int get(@Parameters(paramLabel = "INTERVIEW_ID") String interviewId, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> show(client.interviews().getData(interviewId), flags));
  }

  @Command(name = "wait", description = "Wait until the interview's results are final (not 'not_ready' or 'evaluating'), then show the scorecard.")
  int await(@Parameters(paramLabel = "INTERVIEW_ID") String interviewId,
      @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class,
          description = "Give up after this long (default: ${DEFAULT-VALUE}); exit code 8.") Duration timeout,
      @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      WaitOptions options = waitOptions(timeout, connection.sandbox).listener(new ProgressLine(session.console, "interview " + interviewId)).build();
      return show(client.interviews().awaitData(interviewId, options), flags);
    });
  }

  /** Polls fast on the sandbox (its results are recorded), at the SDK's defaults on the real API. */
  static WaitOptions.Builder waitOptions(Duration timeout, boolean sandbox) {
    WaitOptions.Builder builder = WaitOptions.builder().timeout(timeout);
    return sandbox ? builder.initialDelay(Duration.ofMillis(700)).maxDelay(Duration.ofMillis(1500)) : builder;
  }

  private int show(InterviewDataResponse data, Flags flags) {
    return session.show(flags, data, scorecard -> Scorecard.print(scorecard, session.console.out));
  }

  /** {@code heymilo interviews metadata …} */
  @Command(name = "metadata", description = "Key-value metadata of an interview (up to 50 keys).")
  static final class MetadataCommands {
    private final Session session;

    MetadataCommands(Session session) {
      this.session = session;
    }

    @Command(name = "get", description = "Show an interview's metadata.")
    int get(@Parameters(paramLabel = "INTERVIEW_ID") String interviewId, @Mixin Flags flags) {
      return session.run(flags, (client, connection) -> print(client.interviews().getMetadata(interviewId), flags));
    }

    @Command(name = "set", description = "Replace an interview's metadata with KEY=VALUE pairs.")
    int set(@Parameters(index = "0", paramLabel = "INTERVIEW_ID") String interviewId,
        @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "1..*") List<String> pairs,
        @Mixin Flags flags) {
      return session.run(flags, (client, connection) -> print(client.interviews().setMetadata(interviewId, parse(pairs)), flags));
    }

    @Command(name = "delete", description = "Remove all metadata from an interview.")
    int delete(@Parameters(paramLabel = "INTERVIEW_ID") String interviewId, @Mixin Flags flags) {
      return session.run(flags, (client, connection) -> print(client.interviews().deleteMetadata(interviewId), flags));
    }

    private int print(Map<String, String> metadata, Flags flags) {
      return session.show(flags, metadata, pairs -> session.console.println(Scorecard.metadataLine(pairs)));
    }

    static Map<String, String> parse(List<String> pairs) {
      Map<String, String> metadata = new LinkedHashMap<>();
      for (String pair : pairs) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new ai.heymilo.sdk.errors.InvalidRequestException("metadata", "'" + pair + "' is not KEY=VALUE");
        }
        metadata.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
      return metadata;
    }
  }
}
