package ai.heymilo.cli;

import ai.heymilo.model.AtsConnection;
import ai.heymilo.model.EnqueuePushResponse;
import ai.heymilo.model.PushCandidateRequest;
import ai.heymilo.model.QueueItemStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo ats …} */
@Command(name = "ats", description = "ATS integration: connections, pushing a candidate to your ATS, and the push's status.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  heymilo ats connections",
        "  heymilo ats push --file push.json              (a PushCandidateRequest)",
        "  heymilo ats push-status qi_123 --wait --timeout 5m"})
final class AtsCommands {
  private final Session session;

  AtsCommands(Session session) {
    this.session = session;
  }

  @Command(name = "connections", description = "List the workspace's ATS connections.")
  int connections(@Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      List<AtsConnection> connections = client.ats().listConnections();
      return session.showTable(flags, connections, list -> {
        Table table = new Table("INTEGRATION_ID", "PROVIDER", "NAME", "ACTIVE", "CREATED");
        list.forEach(c -> table.row(c.getIntegrationId(), c.getAtsProvider(), c.getDisplayName(), c.getIsActive(), session.console.time(c.getCreatedAt())));
        return table;
      });
    });
  }

  @Command(name = "push", description = "Queue a candidate's push to your ATS; prints the queue item to follow with push-status.")
  int push(@Option(names = "--file", required = true, paramLabel = "FILE", description = "A PushCandidateRequest as JSON.") Path file,
      @Mixin Flags flags) {
    PushCandidateRequest request = Inputs.json(file, PushCandidateRequest.class, "a PushCandidateRequest");
    return session.run(flags, (client, connection) -> {
      EnqueuePushResponse queued = client.ats().pushCandidate(request);
      return session.showText(flags, queued, q -> session.console.println("push " + Scorecard.orDash(q.getItemId()) + ": " + q.getStatus()
          + (q.getError() == null ? "" : " (" + q.getError() + ")")));
    });
  }

  @Command(name = "push-status", description = "Show the status of a queued candidate push; --wait polls until it is final.")
  int pushStatus(@Parameters(paramLabel = "ITEM_ID", description = "The queue item's id (from ats push).") String itemId,
      @Option(names = "--wait", description = "Poll until the push is no longer pending.") boolean wait,
      @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
          description = "With --wait: give up after this long (default: ${DEFAULT-VALUE}); exit code 8.") Duration timeout,
      @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
          description = "With --wait: first delay between polls (default: 2s, 0.7s on the sandbox).") @Nullable Duration interval,
      @Mixin Flags flags) {
    Inputs.checkPositive(interval, "--interval");
    return session.run(flags, (client, connection) -> {
      QueueItemStatus status = wait
          ? client.ats().awaitPushStatus(itemId, InterviewsCommands.waitOptions(timeout, interval, connection.sandbox)
              .listener(new ProgressLine(session.console, "push " + itemId)).build())
          : client.ats().getPushStatus(itemId);
      return session.showText(flags, status, s -> session.console.println("push " + s.getItemId() + ": " + s.getStatus()
          + (s.getRetryCount() == null || s.getRetryCount() == 0 ? "" : " after " + s.getRetryCount() + " retries")
          + " · updated " + session.console.time(s.getUpdatedAt())));
    });
  }
}
