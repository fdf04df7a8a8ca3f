package ai.heymilo.sdk.resources;

import ai.heymilo.api.PhoneNumbersApi;
import ai.heymilo.model.ListResponsePhoneNumberResponse;
import ai.heymilo.model.PhoneNumberResponse;
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
 * Phone numbers provisioned for the workspace, used by SMS and voice agents.
 *
 * <pre>{@code
 * for (PhoneNumberResponse number : client.phoneNumbers().list()) {
 *   System.out.println(number.getPhoneNumber() + (Boolean.TRUE.equals(number.getActive()) ? "" : " (inactive)"));
 * }
 * }</pre>
 */
public final class PhoneNumbersResource {
  private final PhoneNumbersApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public PhoneNumbersResource(ClientRuntime runtime) {
    this.api = runtime.api(PhoneNumbersApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Every phone number provisioned for the workspace, all pages, fetched lazily. {@code GET /api/v2/phone-numbers} */
  public PagedIterable<PhoneNumberResponse> list() {
    return list(ListParams.none());
  }

  /**
   * Phone numbers matching {@code params}, all pages, fetched lazily. Supports {@code limit}, {@code startingAfter}.
   * {@code GET /api/v2/phone-numbers}
   */
  public PagedIterable<PhoneNumberResponse> list(ListParams params) {
    RequestValidator.listParams("phoneNumbers().list", params, Filter.LIMIT, Filter.STARTING_AFTER);
    return Pager.iterable(params, raw::list, PhoneNumberResponse::getId);
  }

  /** Returns one phone number configuration. {@code GET /api/v2/phone-numbers/{config_id}} */
  public PhoneNumberResponse get(String configId) {
    return raw.get(configId).data();
  }

  /** The phone numbers operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** One page. {@code GET /api/v2/phone-numbers} */
    public RawResponse<ListResponsePhoneNumberResponse> list(ListParams params) {
      return transport.execute(api.listPhoneNumbers(Pager.limit(params), params.startingAfter()), true);
    }

    /** {@code GET /api/v2/phone-numbers/{config_id}} */
    public RawResponse<PhoneNumberResponse> get(String configId) {
      return Envelopes.unwrap(transport.execute(api.getPhoneNumber(RequestValidator.id("configId", configId)), true));
    }
  }
}
