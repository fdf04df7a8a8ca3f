package ai.heymilo.sdk.resources;

import ai.heymilo.api.EmailTemplatesApi;
import ai.heymilo.model.EmailTemplateResponse;
import ai.heymilo.model.ListResponseEmailTemplateResponse;
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
 * Email templates for candidate outreach configured for the workspace.
 *
 * <pre>{@code
 * for (EmailTemplateResponse template : client.emailTemplates().list(ListParams.builder().search("reminder").build())) {
 *   System.out.println(template.getName() + ": " + template.getSubject());
 * }
 * }</pre>
 */
public final class EmailTemplatesResource {
  private final EmailTemplatesApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public EmailTemplatesResource(ClientRuntime runtime) {
    this.api = runtime.api(EmailTemplatesApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Every email template of the workspace, all pages, fetched lazily. {@code GET /api/v2/email-templates} */
  public PagedIterable<EmailTemplateResponse> list() {
    return list(ListParams.none());
  }

  /**
   * Email templates matching {@code params}, all pages, fetched lazily. Supports
   * {@code limit}, {@code startingAfter} and {@code search} (case-insensitive, on the template name).
   * {@code GET /api/v2/email-templates}
   */
  public PagedIterable<EmailTemplateResponse> list(ListParams params) {
    RequestValidator.listParams("emailTemplates().list", params, Filter.LIMIT, Filter.STARTING_AFTER, Filter.SEARCH);
    return Pager.iterable(params, raw::list, EmailTemplateResponse::getId);
  }

  /** Returns one email template. {@code GET /api/v2/email-templates/{template_id}} */
  public EmailTemplateResponse get(String templateId) {
    return raw.get(templateId).data();
  }

  /** The email templates operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** One page. {@code GET /api/v2/email-templates} */
    public RawResponse<ListResponseEmailTemplateResponse> list(ListParams params) {
      return transport.execute(api.listEmailTemplates(Pager.limit(params), params.startingAfter(), params.search()), true);
    }

    /** {@code GET /api/v2/email-templates/{template_id}} */
    public RawResponse<EmailTemplateResponse> get(String templateId) {
      return Envelopes.unwrap(transport.execute(api.getEmailTemplate(RequestValidator.id("templateId", templateId)), true));
    }
  }
}
