package ai.heymilo.sdk.resources;

import ai.heymilo.api.DesignTemplateGroupsApi;
import ai.heymilo.model.DesignTemplateGroupResponse;
import ai.heymilo.model.ListResponseDesignTemplateGroupResponse;
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
 * Design template groups: named sets of design templates a posting can use.
 *
 * <pre>{@code
 * for (DesignTemplateGroupResponse group : client.designTemplateGroups().list()) {
 *   System.out.println(group.getName() + (Boolean.TRUE.equals(group.getIsDefault()) ? " (default)" : ""));
 * }
 * }</pre>
 */
public final class DesignTemplateGroupsResource {
  private final DesignTemplateGroupsApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public DesignTemplateGroupsResource(ClientRuntime runtime) {
    this.api = runtime.api(DesignTemplateGroupsApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Every design template group of the workspace, all pages, fetched lazily. {@code GET /api/v2/design-template-groups} */
  public PagedIterable<DesignTemplateGroupResponse> list() {
    return list(ListParams.none());
  }

  /**
   * Design template groups matching {@code params}, all pages, fetched lazily. Supports
   * {@code limit}, {@code startingAfter} and {@code search} (case-insensitive, on the group name).
   * {@code GET /api/v2/design-template-groups}
   */
  public PagedIterable<DesignTemplateGroupResponse> list(ListParams params) {
    RequestValidator.listParams("designTemplateGroups().list", params, Filter.LIMIT, Filter.STARTING_AFTER, Filter.SEARCH);
    return Pager.iterable(params, raw::list, DesignTemplateGroupResponse::getId);
  }

  /** Returns one design template group. {@code GET /api/v2/design-template-groups/{group_id}} */
  public DesignTemplateGroupResponse get(String groupId) {
    return raw.get(groupId).data();
  }

  /** The design template groups operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** One page. {@code GET /api/v2/design-template-groups} */
    public RawResponse<ListResponseDesignTemplateGroupResponse> list(ListParams params) {
      return transport.execute(api.listDesignTemplateGroups(Pager.limit(params), params.startingAfter(), params.search()), true);
    }

    /** {@code GET /api/v2/design-template-groups/{group_id}} */
    public RawResponse<DesignTemplateGroupResponse> get(String groupId) {
      return Envelopes.unwrap(transport.execute(api.getDesignTemplateGroup(RequestValidator.id("groupId", groupId)), true));
    }
  }
}
