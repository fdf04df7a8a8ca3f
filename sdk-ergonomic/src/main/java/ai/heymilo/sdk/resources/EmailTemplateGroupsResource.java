package ai.heymilo.sdk.resources;

import ai.heymilo.api.EmailTemplateGroupsApi;
import ai.heymilo.model.EmailTemplateGroupResponse;
import ai.heymilo.model.ListResponseEmailTemplateGroupResponse;
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
 * Email template groups: named sets of email templates (and a sender address) a posting can use.
 *
 * <pre>{@code
 * for (EmailTemplateGroupResponse group : client.emailTemplateGroups().list()) {
 *   System.out.println(group.getName() + " -> " + group.getTemplateMappings());
 * }
 * }</pre>
 */
public final class EmailTemplateGroupsResource {
  private final EmailTemplateGroupsApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public EmailTemplateGroupsResource(ClientRuntime runtime) {
    this.api = runtime.api(EmailTemplateGroupsApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Every email template group of the workspace, all pages, fetched lazily. {@code GET /api/v2/email-template-groups} */
  public PagedIterable<EmailTemplateGroupResponse> list() {
    return list(ListParams.none());
  }

  /**
   * Email template groups matching {@code params}, all pages, fetched lazily. Supports
   * {@code limit}, {@code startingAfter} and {@code search} (case-insensitive, on the group name).
   * {@code GET /api/v2/email-template-groups}
   */
  public PagedIterable<EmailTemplateGroupResponse> list(ListParams params) {
    RequestValidator.listParams("emailTemplateGroups().list", params, Filter.LIMIT, Filter.STARTING_AFTER, Filter.SEARCH);
    return Pager.iterable(params, raw::list, EmailTemplateGroupResponse::getId);
  }

  /** Returns one email template group. {@code GET /api/v2/email-template-groups/{group_id}} */
  public EmailTemplateGroupResponse get(String groupId) {
    return raw.get(groupId).data();
  }

  /** The email template groups operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** One page. {@code GET /api/v2/email-template-groups} */
    public RawResponse<ListResponseEmailTemplateGroupResponse> list(ListParams params) {
      return transport.execute(api.listEmailTemplateGroups(Pager.limit(params), params.startingAfter(), params.search()), true);
    }

    /** {@code GET /api/v2/email-template-groups/{group_id}} */
    public RawResponse<EmailTemplateGroupResponse> get(String groupId) {
      return Envelopes.unwrap(transport.execute(api.getEmailTemplateGroup(RequestValidator.id("groupId", groupId)), true));
    }
  }
}
