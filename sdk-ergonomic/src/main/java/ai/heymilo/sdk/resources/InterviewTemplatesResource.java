package ai.heymilo.sdk.resources;

import ai.heymilo.api.InterviewTemplatesApi;
import ai.heymilo.model.InterviewTemplateResponse;
import ai.heymilo.model.ListResponseInterviewTemplateResponse;
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
 * Interview templates: reusable agent configurations cloned from a blueprint posting, from which
 * new postings can be created.
 *
 * <pre>{@code
 * for (InterviewTemplateResponse template : client.interviewTemplates().list(ListParams.builder().search("sales").build())) {
 *   System.out.println(template.getTemplateCode() + " " + template.getName());
 * }
 * }</pre>
 */
public final class InterviewTemplatesResource {
  private final InterviewTemplatesApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public InterviewTemplatesResource(ClientRuntime runtime) {
    this.api = runtime.api(InterviewTemplatesApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Every interview template of the workspace, all pages, fetched lazily. {@code GET /api/v2/interview-templates} */
  public PagedIterable<InterviewTemplateResponse> list() {
    return list(ListParams.none());
  }

  /**
   * Interview templates matching {@code params}, all pages, fetched lazily. Supports
   * {@code limit}, {@code startingAfter} and {@code search} (case-insensitive, on the template name).
   * {@code GET /api/v2/interview-templates}
   */
  public PagedIterable<InterviewTemplateResponse> list(ListParams params) {
    RequestValidator.listParams("interviewTemplates().list", params, Filter.LIMIT, Filter.STARTING_AFTER, Filter.SEARCH);
    return Pager.iterable(params, raw::list, InterviewTemplateResponse::getId);
  }

  /** Returns one interview template. {@code GET /api/v2/interview-templates/{template_id}} */
  public InterviewTemplateResponse get(String templateId) {
    return raw.get(templateId).data();
  }

  /** The interview templates operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** One page. {@code GET /api/v2/interview-templates} */
    public RawResponse<ListResponseInterviewTemplateResponse> list(ListParams params) {
      return transport.execute(api.listInterviewTemplates(Pager.limit(params), params.startingAfter(), params.search()), true);
    }

    /** {@code GET /api/v2/interview-templates/{template_id}} */
    public RawResponse<InterviewTemplateResponse> get(String templateId) {
      return Envelopes.unwrap(transport.execute(api.getInterviewTemplate(RequestValidator.id("templateId", templateId)), true));
    }
  }
}
