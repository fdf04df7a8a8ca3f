package ai.heymilo.sdk;

import ai.heymilo.sdk.internal.HeaderMaps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A successful response with everything around its data: status, headers, request id, rate-limit
 * headers and the envelope's {@code meta}. Obtained from a resource's {@code withRawResponse()} view:
 *
 * <pre>{@code
 * RawResponse<InterviewDataResponse> raw = client.interviews().withRawResponse().getData("iv_1");
 * log.info("request {} left {} calls", raw.requestId(), raw.rateLimit().remaining());
 * InterviewDataResponse data = raw.data();
 * }</pre>
 *
 * @param <T> the type of the data
 */
public final class RawResponse<T> {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final T data;
  private final @Nullable Object envelope;
  private final @Nullable Map<String, Object> meta;

  private RawResponse(int statusCode, Map<String, List<String>> headers, T data, @Nullable Object envelope,
      @Nullable Map<String, Object> meta) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.data = data;
    this.envelope = envelope;
    this.meta = meta;
  }

  /** Creates a raw response; the SDK does this, tests may too. Header lookups ignore case. */
  public static <T> RawResponse<T> of(int statusCode, Map<String, List<String>> headers, T data) {
    return new RawResponse<>(statusCode, HeaderMaps.caseInsensitiveCopy(headers), Objects.requireNonNull(data, "data"), data, null);
  }

  /**
   * Returns a response with the same status and headers whose data is {@code data}, keeping this
   * response's data as the envelope and {@code meta} as its metadata.
   */
  public <R> RawResponse<R> withData(R data, @Nullable Map<String, Object> meta) {
    return new RawResponse<>(statusCode, headers, Objects.requireNonNull(data, "data"), envelope, meta);
  }

  /** Returns the data: the unwrapped payload of the response. */
  public T data() {
    return data;
  }

  /** Returns the decoded body as sent, envelope included ({@code {data, meta}} or {@code {data, pagination}}). */
  public @Nullable Object envelope() {
    return envelope;
  }

  /** Returns the envelope's {@code meta}, if the response had one; its shape varies by endpoint. */
  public @Nullable Map<String, Object> meta() {
    return meta;
  }

  /** Returns the HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the response headers; lookups ignore case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the first value of a header (any case), or null. */
  public @Nullable String header(String name) {
    return HeaderMaps.first(headers, name);
  }

  /** Returns the request id the server assigned ({@code X-Request-Id} or {@code Request-Id}), if any. */
  public @Nullable String requestId() {
    return HeaderMaps.requestId(headers);
  }

  /** Returns the rate-limit headers of this response. */
  public RateLimitInfo rateLimit() {
    return new RateLimitInfo(longHeader("X-RateLimit-Limit"), longHeader("X-RateLimit-Remaining"), longHeader("X-RateLimit-Reset"));
  }

  /** Returns a response with the same status, headers, envelope and meta and the data mapped by {@code mapper}. */
  public <R> RawResponse<R> map(Function<? super T, ? extends R> mapper) {
    return new RawResponse<>(statusCode, headers, Objects.requireNonNull(mapper.apply(data), "mapped data"), envelope, meta);
  }

  private @Nullable Long longHeader(String name) {
    String value = header(name);
    if (value == null) {
      return null;
    }
    try {
      return (long) Double.parseDouble(value.trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "RawResponse{status=" + statusCode + ", requestId=" + requestId() + ", data=" + data + "}";
  }
}
