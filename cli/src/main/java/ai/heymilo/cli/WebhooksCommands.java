package ai.heymilo.cli;

import ai.heymilo.model.CreateWebhookRequest;
import ai.heymilo.model.WebhookResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo webhooks …} */
@Command(name = "webhooks", description = "Webhook endpoints that receive events such as interview_completed.")
final class WebhooksCommands {
  private final Session session;

  WebhooksCommands(Session session) {
    this.session = session;
  }

  @Command(name = "list", description = "List webhooks, following every page (lazily).")
  int list(@Option(names = "--limit", description = "Stop after this many webhooks.") @Nullable Integer limit, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      List<WebhookResponse> webhooks = Lists.take(client.webhooks().list().stream(), limit);
      return session.show(flags, webhooks, list -> {
        Table table = new Table("ID", "EVENT", "POSTING", "ACTIVE", "URL");
        list.forEach(w -> table.row(w.getWebhookId(), w.getEventType(), w.getPostingId(), w.getIsActive(), w.getWebhookUrl()));
        table.print(session.console.out);
      });
    });
  }

  @Command(name = "create", description = "Register a webhook for a posting's events.")
  int create(@Option(names = "--posting-id", required = true, description = "The posting whose events to send.") String postingId,
      @Option(names = "--url", required = true, description = "Where to deliver them (https).") String url,
      @Option(names = "--event", defaultValue = "interview_completed", description = "Event type (default: ${DEFAULT-VALUE}).") String event,
      @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      WebhookResponse webhook = client.webhooks().create(new CreateWebhookRequest().postingId(postingId).webhookUrl(url).eventType(event));
      return session.show(flags, webhook, w ->
          session.console.println("created webhook " + w.getWebhookId() + ": " + w.getEventType() + " → " + w.getWebhookUrl()));
    });
  }

  @Command(name = "delete", description = "Delete a webhook.")
  int delete(@Parameters(paramLabel = "WEBHOOK_ID") String webhookId, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      WebhookResponse deleted = client.webhooks().delete(webhookId);
      return session.show(flags, deleted, w -> session.console.println("deleted webhook " + w.getWebhookId()));
    });
  }
}
