package ai.heymilo.sdk.resources;

import ai.heymilo.api.DesignTemplatesApi;
import ai.heymilo.model.DesignTemplateResponse;
import ai.heymilo.model.ListResponseDesignTemplateResponse;
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
 * Design templates: the look of the candidate-facing interview UI.
 *
 * <pre>{@code
 * for (DesignTemplateResponse template : client.designTemplates().list()) {
 *   System.out.println(template.getName() + " (" + template.getTemplateType() + ")");
 * }
 * }</pre>
 */
public final class DesignTemplatesResource {
  private final DesignTemplatesApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public DesignTemplatesResource(ClientRuntime runtime) {
    this.api = runtime.api(DesignTemplatesApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Every design template of the workspace, all pages, fetched lazily. {@code GET /api/v2/design-templates} */
  public PagedIterable<DesignTemplateResponse> list() {
    return list(ListParams.none());
  }

  /**
   * Design templates matching {@code params}, all pages, fetched lazily. Supports
   * {@code limit}, {@code startingAfter} and {@code search} (case-insensitive, on the template name).
   * {@code GET /api/v2/design-templates}
   */
  public PagedIterable<DesignTemplateResponse> list(ListParams params) {
    RequestValidator.listParams("designTemplates().list", params, Filter.LIMIT, Filter.STARTING_AFTER, Filter.SEARCH);
    return Pager.iterable(params, raw::list, DesignTemplateResponse::getId);
  }

  /** Returns one design template. {@code GET /api/v2/design-templates/{template_id}} */
  public DesignTemplateResponse get(String templateId) {
    return raw.get(templateId).data();
  }

  /** The design templates operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** One page. {@code GET /api/v2/design-templates} */
    public RawResponse<ListResponseDesignTemplateResponse> list(ListParams params) {
      return transport.execute(api.listDesignTemplates(Pager.limit(params), params.startingAfter(), params.search()), true);
    }

    /** {@code GET /api/v2/design-templates/{template_id}} */
    public RawResponse<DesignTemplateResponse> get(String templateId) {
      return Envelopes.unwrap(transport.execute(api.getDesignTemplate(RequestValidator.id("templateId", templateId)), true));
    }
  }
}
