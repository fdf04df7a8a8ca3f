package ai.heymilo.sdk.webhooks;

/**
 * Receives the events a {@link WebhookDispatcher} delivers to it: each event once per subscription, even when
 * HeyMilo delivers it several times.
 *
 * <pre>{@code
 * dispatcher.on(WebhookEventType.REPORT_AVAILABLE, event -> reports.fetchLater(event.interviewId()));
 * }</pre>
 *
 * <p>Keep it quick: without {@link WebhookDispatcher.Builder#executor} it runs before HeyMilo gets its answer, and a
 * sender that waits too long retries. An exception it throws does not reach HeyMilo or the other listeners; the
 * dispatcher's error handler gets it (by default it is logged at ERROR).
 */
@FunctionalInterface
public interface WebhookListener {
  /** Handles one event. */
  void onEvent(WebhookEvent event);
}
