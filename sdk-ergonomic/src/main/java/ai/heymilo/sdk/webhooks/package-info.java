/**
 * Receiving HeyMilo's webhook events: parse them leniently, check them, drop repeated deliveries and hand each
 * event once to the listeners that want it.
 *
 * <pre>{@code
 * WebhookDispatcher dispatcher = WebhookDispatcher.create();
 * dispatcher.on(WebhookEventType.REPORT_AVAILABLE, event -> fetchReport(event.interviewId()));
 * WebhookHandler handler = WebhookHandler.builder()
 *     .verifier(WebhookVerifier.sharedSecretQueryParameter("token", secret))
 *     .dispatcher(dispatcher)
 *     .build();
 *
 * // In a web framework: one call per delivery (see WebhookHandler for Spring and servlet snippets).
 * WebhookEvent event = handler.handle(WebhookRequest.of(body, headers::getFirst).withQuery(query));
 *
 * // Without one: the JDK's own HTTP server.
 * WebhookReceiver receiver = WebhookReceiver.builder().handler(handler).port(8080).path("/heymilo/webhooks").start();
 * }</pre>
 *
 * <ul>
 *   <li>{@link ai.heymilo.sdk.webhooks.WebhookEvent} — one event: open {@link ai.heymilo.sdk.webhooks.WebhookEventType},
 *       ids, timestamps, every other field, the raw JSON and the de-duplication key;</li>
 *   <li>{@link ai.heymilo.sdk.webhooks.WebhookHandler} — the entry point for a raw body and headers;</li>
 *   <li>{@link ai.heymilo.sdk.webhooks.WebhookReceiver} — an embeddable endpoint on {@code com.sun.net.httpserver};</li>
 *   <li>{@link ai.heymilo.sdk.webhooks.WebhookDispatcher} — subscriptions by event type, by interview, or to all,
 *       with {@link ai.heymilo.sdk.webhooks.WebhookDeduplicator} against at-least-once delivery;</li>
 *   <li>{@link ai.heymilo.sdk.webhooks.WebhookVerifier} — where a signature check goes once HeyMilo publishes one,
 *       and the shared-secret check until then.</li>
 * </ul>
 *
 * <p>What HeyMilo publishes about events is their three type names and the fields {@code event_type},
 * {@code posting_id} and {@code interview_id} (the AsyncAPI document in the spec module); everything else is read
 * leniently and kept raw, and no signature scheme is assumed. Refusals are
 * {@link ai.heymilo.sdk.errors.InvalidWebhookException}s naming the reason and the HTTP status to answer.
 */
@NullMarked
package ai.heymilo.sdk.webhooks;

import org.jspecify.annotations.NullMarked;
