package ai.heymilo.sdk.resources;

import ai.heymilo.api.SenderEmailsApi;
import ai.heymilo.model.ListResponseSenderEmailResponse;
import ai.heymilo.model.SenderEmailResponse;
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
 * Sender email addresses configured for the workspace, from which candidate emails are sent.
 *
 * <pre>{@code
 * for (SenderEmailResponse sender : client.senderEmails().list()) {
 *   System.out.println(sender.getFullEmail());
 * }
 * }</pre>
 */
public final class SenderEmailsResource {
  private final SenderEmailsApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public SenderEmailsResource(ClientRuntime runtime) {
    this.api = runtime.api(SenderEmailsApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Every sender email address of the workspace, all pages, fetched lazily. {@code GET /api/v2/sender-emails} */
  public PagedIterable<SenderEmailResponse> list() {
    return list(ListParams.none());
  }

  /**
   * Sender emails matching {@code params}, all pages, fetched lazily. Supports {@code limit}, {@code startingAfter}.
   * {@code GET /api/v2/sender-emails}
   */
  public PagedIterable<SenderEmailResponse> list(ListParams params) {
    RequestValidator.listParams("senderEmails().list", params, Filter.LIMIT, Filter.STARTING_AFTER);
    return Pager.iterable(params, raw::list, SenderEmailResponse::getId);
  }

  /** Returns one sender email address. {@code GET /api/v2/sender-emails/{sender_email_id}} */
  public SenderEmailResponse get(String senderEmailId) {
    return raw.get(senderEmailId).data();
  }

  /** The sender emails operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** One page. {@code GET /api/v2/sender-emails} */
    public RawResponse<ListResponseSenderEmailResponse> list(ListParams params) {
      return transport.execute(api.listSenderEmails(Pager.limit(params), params.startingAfter()), true);
    }

    /** {@code GET /api/v2/sender-emails/{sender_email_id}} */
    public RawResponse<SenderEmailResponse> get(String senderEmailId) {
      return Envelopes.unwrap(transport.execute(api.getSenderEmail(RequestValidator.id("senderEmailId", senderEmailId)), true));
    }
  }
}
