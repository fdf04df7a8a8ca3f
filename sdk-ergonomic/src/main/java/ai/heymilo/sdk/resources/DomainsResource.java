package ai.heymilo.sdk.resources;

import ai.heymilo.api.DomainsApi;
import ai.heymilo.model.CustomDomainResponse;
import ai.heymilo.model.ListResponseCustomDomainResponse;
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
 * Custom domains configured for the workspace, for white-labelled interview URLs.
 *
 * <pre>{@code
 * for (CustomDomainResponse domain : client.domains().list()) {
 *   System.out.println(domain.getDomain() + " " + domain.getStatus());
 * }
 * }</pre>
 */
public final class DomainsResource {
  private final DomainsApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public DomainsResource(ClientRuntime runtime) {
    this.api = runtime.api(DomainsApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Every custom domain of the workspace, all pages, fetched lazily. {@code GET /api/v2/domains} */
  public PagedIterable<CustomDomainResponse> list() {
    return list(ListParams.none());
  }

  /**
   * Custom domains matching {@code params}, all pages, fetched lazily. Supports {@code limit}, {@code startingAfter}.
   * {@code GET /api/v2/domains}
   */
  public PagedIterable<CustomDomainResponse> list(ListParams params) {
    RequestValidator.listParams("domains().list", params, Filter.LIMIT, Filter.STARTING_AFTER);
    return Pager.iterable(params, raw::list, CustomDomainResponse::getId);
  }

  /** Returns one custom domain configuration. {@code GET /api/v2/domains/{config_id}} */
  public CustomDomainResponse get(String configId) {
    return raw.get(configId).data();
  }

  /** The custom domains operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** One page. {@code GET /api/v2/domains} */
    public RawResponse<ListResponseCustomDomainResponse> list(ListParams params) {
      return transport.execute(api.listDomains(Pager.limit(params), params.startingAfter()), true);
    }

    /** {@code GET /api/v2/domains/{config_id}} */
    public RawResponse<CustomDomainResponse> get(String configId) {
      return Envelopes.unwrap(transport.execute(api.getDomain(RequestValidator.id("configId", configId)), true));
    }
  }
}
