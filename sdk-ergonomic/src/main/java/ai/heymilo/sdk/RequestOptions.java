package ai.heymilo.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one call, or for every call of a service ({@code client.postings().withOptions(options)}): a deadline
 * for the whole call, the number of retries, and extra headers and query parameters. What is not set here comes
 * from the client.
 *
 * <pre>{@code
 * RequestOptions patient = RequestOptions.builder()
 *     .timeout(Duration.ofMinutes(2))      // the whole call: every attempt, backoff and rate-limit wait
 *     .maxRetries(5)
 *     .header("X-Correlation-Id", correlationId)
 *     .build();
 * PostingResponse posting = client.postings().get(postingId, patient);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();
  /** Set by the client from its credentials, on the API's own origin only. */
  private static final Set<String> RESERVED_HEADERS = Set.of("x-api-key", "authorization", "x-workspace-id");

  private final @Nullable Duration timeout;
  private final @Nullable Integer maxRetries;
  private final Map<String, List<String>> headers;
  private final Map<String, List<String>> queryParams;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.maxRetries = builder.maxRetries;
    this.headers = freeze(builder.headers);
    this.queryParams = freeze(builder.queryParams);
  }

  /** Returns options with nothing set: every setting comes from the client. */
  public static RequestOptions none() {
    return NONE;
  }

  /** Returns a new builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these options, to derive changed ones. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.timeout = timeout;
    builder.maxRetries = maxRetries;
    headers.forEach((name, values) -> builder.headers.put(name, new ArrayList<>(values)));
    queryParams.forEach((name, values) -> builder.queryParams.put(name, new ArrayList<>(values)));
    return builder;
  }

  /**
   * Returns these options with {@code overrides} applied on top: its timeout and retries win where set; its
   * headers replace same-named ones; its query parameters are added.
   */
  public RequestOptions merge(RequestOptions overrides) {
    if (overrides == NONE || overrides.equals(NONE)) {
      return this;
    }
    if (this == NONE) {
      return overrides;
    }
    Builder merged = toBuilder();
    if (overrides.timeout != null) {
      merged.timeout = overrides.timeout;
    }
    if (overrides.maxRetries != null) {
      merged.maxRetries = overrides.maxRetries;
    }
    overrides.headers.forEach((name, values) -> {
      merged.headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
      merged.headers.put(name, new ArrayList<>(values));
    });
    overrides.queryParams.forEach((name, values) -> merged.queryParams.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
    return merged.build();
  }

  /** Returns the limit for the whole call — every attempt, backoff and wait for a rate-limit slot — or null. */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /** Returns how many times a failed attempt may be retried, or null for the client's setting. */
  public @Nullable Integer maxRetries() {
    return maxRetries;
  }

  /** Returns the extra headers, read-only, in the order set. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the extra query parameters, read-only, in the order added. */
  public Map<String, List<String>> queryParams() {
    return queryParams;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof RequestOptions)) {
      return false;
    }
    RequestOptions that = (RequestOptions) other;
    return java.util.Objects.equals(timeout, that.timeout) && java.util.Objects.equals(maxRetries, that.maxRetries)
        && headers.equals(that.headers) && queryParams.equals(that.queryParams);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(timeout, maxRetries, headers, queryParams);
  }

  /** Shows the settings; header values are left out, since they may be secrets. */
  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries + ", headers=" + headers.keySet()
        + ", queryParams=" + queryParams.keySet() + "}";
  }

  private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((name, values) -> copy.put(name, Collections.unmodifiableList(new ArrayList<>(values))));
    return Collections.unmodifiableMap(copy);
  }

  /** Builds {@link RequestOptions}; every setting is optional. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private @Nullable Integer maxRetries;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> queryParams = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the limit for the whole call: every attempt, the backoff between them and any wait for a rate-limit slot.
     * When it elapses the call fails with {@code ApiTimeoutException} (or the last attempt's failure, if a retry
     * would not fit). The attempt in flight is bounded too (its OkHttp call timeout is the time left), so the call ends
     * within about 500 ms of the limit. Default: none (each attempt is limited by the client's {@code timeout}).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be a positive duration, but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets how many times a failed attempt may be retried (the client's retry rules still decide which failures are
     * retried). Default: the client's {@code maxRetries} (2).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be 0 or more, but was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets a header, replacing one of the same name (any case). Credentials and the workspace are the client's:
     * {@code X-API-KEY}, {@code Authorization} and {@code X-Workspace-Id} are refused. Default: none.
     *
     * @throws IllegalArgumentException if the name is not a valid header name, is reserved, or the value holds a
     *     line break or other control character
     */
    public Builder header(String name, String value) {
      checkHeader(name, value);
      headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
      headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Adds a query parameter to the request URL (encoded as needed), after the operation's own. Default: none.
     *
     * @throws IllegalArgumentException if the name is blank or either argument is null
     */
    public Builder queryParam(String name, String value) {
      if (name == null || name.isBlank() || value == null) {
        throw new IllegalArgumentException("queryParam needs a non-blank name and a value, but got name=" + name + ", value=" + value);
      }
      queryParams.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      return this;
    }

    /** Returns the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }

    private static void checkHeader(@Nullable String name, @Nullable String value) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("header name must not be " + (name == null ? "null" : "empty"));
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
          throw new IllegalArgumentException("header name '" + name + "' has an invalid character at position " + i);
        }
      }
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(name + " is set by the client from its credentials; configure it with "
            + "HeyMiloClient.builder() (or client.withOptions(...)) instead");
      }
      if (value == null) {
        throw new IllegalArgumentException("header " + name + " needs a value, but got null");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < ' ' && c != '\t') || c == 127) {
          throw new IllegalArgumentException("header " + name + " has a control character at position " + i
              + " of its value; line breaks would split the request");
        }
        if (c > 127) {
          // The value itself is not shown: headers often carry tokens.
          throw new IllegalArgumentException("header " + name + " has a non-ASCII character at position " + i
              + " of its value; header values are sent as ASCII (encode the value first)");
        }
      }
    }
  }
}
