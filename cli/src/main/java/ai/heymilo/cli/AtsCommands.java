package ai.heymilo.cli;

import ai.heymilo.model.QueueItemStatus;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo ats …} */
@Command(name = "ats", description = "ATS integration: status of candidate pushes.")
final class AtsCommands {
  private final Session session;

  AtsCommands(Session session) {
    this.session = session;
  }

  @Command(name = "push-status", description = "Show the status of a queued candidate push; --wait polls until it is final.")
  int pushStatus(@Parameters(paramLabel = "ITEM_ID") String itemId,
      @Option(names = "--wait", description = "Poll until the push is no longer pending.") boolean wait,
      @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class,
          description = "With --wait: give up after this long (default: ${DEFAULT-VALUE}).") Duration timeout,
      @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      QueueItemStatus status = wait
          ? client.ats().awaitPushStatus(itemId, InterviewsCommands.waitOptions(timeout, connection.sandbox)
              .listener(new ProgressLine(session.console, "push " + itemId)).build())
          : client.ats().getPushStatus(itemId);
      return session.show(flags, status, s -> session.console.println("push " + s.getItemId() + ": " + s.getStatus()
          + (s.getRetryCount() == null || s.getRetryCount() == 0 ? "" : " after " + s.getRetryCount() + " retries")));
    });
  }
}
