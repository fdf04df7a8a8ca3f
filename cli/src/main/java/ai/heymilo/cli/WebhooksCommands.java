package ai.heymilo.cli;

import ai.heymilo.model.CreateWebhookRequest;
import ai.heymilo.model.WebhookResponse;
import ai.heymilo.sdk.webhooks.WebhookEventType;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo webhooks …} */
@Command(name = "webhooks", description = "Webhook registrations (events: interview_started, interview_completed, report_available), "
    + "and a local receiver that prints events as they arrive.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  heymilo webhooks create --posting-id 13D77095 --event report_available \\",
        "      --url https://hooks.example.com/heymilo",
        "  heymilo webhooks listen --port 8080 --forward http://localhost:3000/webhooks",
        "  heymilo webhooks delete wh_123"})
final class WebhooksCommands {
  private final Session session;

  WebhooksCommands(Session session) {
    this.session = session;
  }

  @Command(name = "list", description = "List webhooks, following every page (lazily).")
  int list(@Option(names = "--limit", paramLabel = "N", description = "Stop after this many webhooks.") @Nullable Integer limit, @Mixin Flags flags) {
    Inputs.checkLimit(limit);
    return session.run(flags, (client, connection) -> {
      List<WebhookResponse> webhooks = Lists.take(session.console, client.webhooks().list(), limit);
      return session.showTable(flags, webhooks, list -> {
        Table table = new Table("ID", "EVENT", "POSTING", "ACTIVE", "CREATED", "URL");
        list.forEach(w -> table.row(w.getWebhookId(), w.getEventType(), w.getPostingId(), w.getIsActive(),
            session.console.time(w.getCreatedAt()), w.getWebhookUrl()));
        return table;
      });
    });
  }

  @Command(name = "get", description = "Show one webhook.")
  int get(@Parameters(paramLabel = "WEBHOOK_ID", description = "The webhook's id.") String webhookId, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> session.showText(flags, client.webhooks().get(webhookId), this::describe));
  }

  @Command(name = "create", description = "Register a webhook for a posting's events.")
  int create(@Option(names = "--posting-id", required = true, paramLabel = "POSTING_ID", description = "The posting whose events to send.") String postingId,
      @Option(names = "--url", required = true, paramLabel = "URL", description = "Where to deliver them (https; keep it secret).") String url,
      @Option(names = "--event", paramLabel = "EVENT", defaultValue = "interview_completed",
          description = "interview_started, interview_completed or report_available (default: ${DEFAULT-VALUE}).") String event,
      @Mixin Flags flags) {
    if (!WebhookEventType.fromValue(event).isKnown()) {
      throw new UsageException("unknown --event '" + event + "'; HeyMilo sends interview_started, interview_completed, report_available");
    }
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new UsageException("--url must be an http(s) URL, but was '" + url + "'");
    }
    return session.run(flags, (client, connection) -> {
      WebhookResponse webhook = client.webhooks().create(new CreateWebhookRequest().postingId(postingId).webhookUrl(url).eventType(event));
      return session.showText(flags, webhook, w ->
          session.console.println("created webhook " + w.getWebhookId() + ": " + w.getEventType() + " → " + w.getWebhookUrl()));
    });
  }

  @Command(name = "delete", description = "Delete a webhook.")
  int delete(@Parameters(paramLabel = "WEBHOOK_ID", description = "The webhook's id.") String webhookId, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      WebhookResponse deleted = client.webhooks().delete(webhookId);
      return session.showText(flags, deleted, w -> session.console.println("deleted webhook " + w.getWebhookId()));
    });
  }

  private void describe(WebhookResponse webhook) {
    session.console.println("webhook " + webhook.getWebhookId() + ": " + webhook.getEventType() + " of posting " + webhook.getPostingId()
        + " → " + webhook.getWebhookUrl());
    session.console.println((Boolean.TRUE.equals(webhook.getIsActive()) ? "active" : "inactive") + " · created "
        + session.console.time(webhook.getCreatedAt()) + " · updated " + session.console.time(webhook.getUpdatedAt()));
  }
}
