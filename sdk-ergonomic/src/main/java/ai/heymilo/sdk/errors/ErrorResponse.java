package ai.heymilo.sdk.errors;

import ai.heymilo.sdk.internal.HeaderMaps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about a non-2xx response, decoded once and shared by every {@link ApiException}.
 *
 * <p>The API answers errors in two shapes — {@code {"error": {type, code, message, param, doc_url,
 * errors[]}}} and, for request validation, {@code {"detail": [{loc, msg, type}]}} — and proxies
 * in between may answer with HTML or nothing at all. This class holds the union: fields the body
 * did not carry are {@code null}, and the raw body text is always available (bounded).
 */
public final class ErrorResponse {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final @Nullable String type;
  private final @Nullable String code;
  private final @Nullable String message;
  private final @Nullable String param;
  private final @Nullable String docUrl;
  private final List<FieldError> fieldErrors;
  private final String body;
  private final boolean bodyTruncated;

  private ErrorResponse(Builder builder) {
    this.statusCode = builder.statusCode;
    this.headers = HeaderMaps.caseInsensitiveCopy(builder.headers);
    this.type = builder.type;
    this.code = builder.code;
    this.message = builder.message;
    this.param = builder.param;
    this.docUrl = builder.docUrl;
    this.fieldErrors = List.copyOf(builder.fieldErrors);
    this.body = builder.body;
    this.bodyTruncated = builder.bodyTruncated;
  }

  /** Returns a builder; used by the SDK's error mapping and by tests. */
  public static Builder builder(int statusCode) {
    return new Builder(statusCode);
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

  /** Returns the error category, such as {@code invalid_request_error}, if the body had one. */
  public @Nullable String type() {
    return type;
  }

  /** Returns the machine-readable error code, such as {@code validation_error}, if the body had one. */
  public @Nullable String code() {
    return code;
  }

  /** Returns the human-readable summary from the body, if it had one. */
  public @Nullable String message() {
    return message;
  }

  /** Returns the top-level parameter that caused the error, if the body named one. */
  public @Nullable String param() {
    return param;
  }

  /** Returns a link to relevant documentation, if the body had one. */
  public @Nullable String docUrl() {
    return docUrl;
  }

  /** Returns the per-field errors from either error shape; empty if there were none. */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** Returns the body as text, at most the first 64 KiB (see {@link #bodyTruncated()}). */
  public String body() {
    return body;
  }

  /** Returns true if the body was longer than what {@link #body()} holds. */
  public boolean bodyTruncated() {
    return bodyTruncated;
  }

  /** Collects the parts of an error response. */
  public static final class Builder {
    private final int statusCode;
    private Map<String, List<String>> headers = Map.of();
    private @Nullable String type;
    private @Nullable String code;
    private @Nullable String message;
    private @Nullable String param;
    private @Nullable String docUrl;
    private List<FieldError> fieldErrors = List.of();
    private String body = "";
    private boolean bodyTruncated;

    private Builder(int statusCode) {
      this.statusCode = statusCode;
    }

    /** Sets the response headers. */
    public Builder headers(Map<String, List<String>> headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /** Sets the error category. */
    public Builder type(@Nullable String type) {
      this.type = type;
      return this;
    }

    /** Sets the machine-readable code. */
    public Builder code(@Nullable String code) {
      this.code = code;
      return this;
    }

    /** Sets the human-readable summary. */
    public Builder message(@Nullable String message) {
      this.message = message;
      return this;
    }

    /** Sets the parameter that caused the error. */
    public Builder param(@Nullable String param) {
      this.param = param;
      return this;
    }

    /** Sets the documentation link. */
    public Builder docUrl(@Nullable String docUrl) {
      this.docUrl = docUrl;
      return this;
    }

    /** Sets the per-field errors. */
    public Builder fieldErrors(List<FieldError> fieldErrors) {
      this.fieldErrors = Objects.requireNonNull(fieldErrors, "fieldErrors");
      return this;
    }

    /** Sets the (bounded) body text and whether it was cut short. */
    public Builder body(String body, boolean truncated) {
      this.body = Objects.requireNonNull(body, "body");
      this.bodyTruncated = truncated;
      return this;
    }

    /** Returns the error response. */
    public ErrorResponse build() {
      return new ErrorResponse(this);
    }
  }
}
