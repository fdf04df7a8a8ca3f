package ai.heymilo.sdk.resources;

import ai.heymilo.api.WebhooksApi;
import ai.heymilo.model.CreateWebhookRequest;
import ai.heymilo.model.ListResponseWebhookResponse;
import ai.heymilo.model.WebhookResponse;
import ai.heymilo.sdk.ListParams;
import ai.heymilo.sdk.ListParams.Filter;
import ai.heymilo.sdk.PagedIterable;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.internal.ClientRuntime;
import ai.heymilo.sdk.internal.Envelopes;
import ai.heymilo.sdk.internal.Pager;
import ai.heymilo.sdk.internal.RequestValidator;
import ai.heymilo.sdk.internal.Transport;

/**
 * Webhook endpoints that receive event notifications for a posting ({@code interview_completed},
 * {@code candidate_ingested}, …).
 *
 * <pre>{@code
 * WebhookResponse hook = client.webhooks().create(new CreateWebhookRequest()
 *     .postingId(postingId).webhookUrl("https://example.com/heymilo").eventType("interview_completed"));
 * }</pre>
 */
public final class WebhooksResource {
  private final WebhooksApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public WebhooksResource(ClientRuntime runtime) {
    this.api = runtime.api(WebhooksApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Registers a webhook URL for one event type of one posting. {@code POST /api/v2/webhooks} */
  public WebhookResponse create(CreateWebhookRequest request) {
    return raw.create(request).data();
  }

  /** Every active webhook of the workspace, all pages, fetched lazily. {@code GET /api/v2/webhooks} */
  public PagedIterable<WebhookResponse> list() {
    return list(ListParams.none());
  }

  /** Webhooks matching {@code params} ({@code limit}, {@code startingAfter}), all pages, fetched lazily. {@code GET /api/v2/webhooks} */
  public PagedIterable<WebhookResponse> list(ListParams params) {
    RequestValidator.listParams("webhooks().list", params, Filter.LIMIT, Filter.STARTING_AFTER);
    return Pager.iterable(params, raw::list, WebhookResponse::getWebhookId);
  }

  /** Returns one webhook. {@code GET /api/v2/webhooks/{webhook_id}} */
  public WebhookResponse get(String webhookId) {
    return raw.get(webhookId).data();
  }

  /** Deactivates (soft-deletes) a webhook; returns it as deactivated. {@code DELETE /api/v2/webhooks/{webhook_id}} */
  public WebhookResponse delete(String webhookId) {
    return raw.delete(webhookId).data();
  }

  /** The webhook operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** {@code POST /api/v2/webhooks} — not retried once it may have reached the server (it would register a second webhook). */
    public RawResponse<WebhookResponse> create(CreateWebhookRequest request) {
      return Envelopes.unwrap(transport.execute(api.createWebhook(RequestValidator.required("request", request)), false));
    }

    /** One page. {@code GET /api/v2/webhooks} */
    public RawResponse<ListResponseWebhookResponse> list(ListParams params) {
      return transport.execute(api.listWebhooks(Pager.limit(params), params.startingAfter()), true);
    }

    /** {@code GET /api/v2/webhooks/{webhook_id}} */
    public RawResponse<WebhookResponse> get(String webhookId) {
      return Envelopes.unwrap(transport.execute(api.getWebhook(RequestValidator.id("webhookId", webhookId)), true));
    }

    /** {@code DELETE /api/v2/webhooks/{webhook_id}} */
    public RawResponse<WebhookResponse> delete(String webhookId) {
      return Envelopes.unwrap(transport.execute(api.deleteWebhook(RequestValidator.id("webhookId", webhookId)), true));
    }
  }
}
