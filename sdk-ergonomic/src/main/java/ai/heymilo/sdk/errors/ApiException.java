package ai.heymilo.sdk.errors;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The API answered with a non-2xx status. Subclasses name the common statuses; catch this class
 * for all of them.
 *
 * <pre>{@code
 * try {
 *   client.postings().create(request);
 * } catch (UnprocessableEntityException e) {
 *   for (FieldError error : e.fieldErrors()) {
 *     System.err.println(error.field() + ": " + error.message());
 *   }
 * } catch (ApiException e) {
 *   System.err.println(e.statusCode() + " " + e.code() + " " + e.getMessage());
 * }
 * }</pre>
 */
public class ApiException extends HeyMiloException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_MESSAGE_BODY = 500;

  private final transient ErrorResponse response;

  /** Creates the exception for an error response. */
  public ApiException(ErrorResponse response) {
    super(describe(response));
    this.response = response;
  }

  /** Returns the full decoded error response. */
  public ErrorResponse response() {
    return response;
  }

  /** Returns the HTTP status code. */
  public int statusCode() {
    return response.statusCode();
  }

  /** Returns the error category, such as {@code invalid_request_error}, if the body had one. */
  public @Nullable String type() {
    return response.type();
  }

  /** Returns the machine-readable error code, if the body had one. */
  public @Nullable String code() {
    return response.code();
  }

  /** Returns the API's own message (without the status prefix of {@link #getMessage()}), if any. */
  public @Nullable String apiMessage() {
    return response.message();
  }

  /** Returns the parameter that caused the error, if the body named one. */
  public @Nullable String param() {
    return response.param();
  }

  /** Returns a link to relevant documentation, if the body had one. */
  public @Nullable String docUrl() {
    return response.docUrl();
  }

  /** Returns the per-field errors from either error shape; empty if none. */
  public List<FieldError> fieldErrors() {
    return response.fieldErrors();
  }

  /** Returns the response headers (lookups ignore case). */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /** Returns the request id the server assigned, if any; quote it when contacting HeyMilo. */
  public @Nullable String requestId() {
    return response.requestId();
  }

  /**
   * Returns the body text, at most the first 64 KiB, with the values of candidates' personal data
   * masked ({@code "email": "***"}) unless the client was built with
   * {@code revealPersonalData(true)}; the message quotes the same text.
   */
  public String body() {
    return response.body();
  }

  /** Builds the one-line message: status, API message, code, type, fields, request id. */
  static String describe(ErrorResponse response) {
    StringBuilder out = new StringBuilder("HTTP ").append(response.statusCode());
    String apiMessage = response.message();
    if (apiMessage != null && !apiMessage.isEmpty()) {
      out.append(": ").append(apiMessage);
    } else if (!response.body().isBlank() && response.fieldErrors().isEmpty()) {
      out.append(": ").append(excerpt(response.body()));
    }
    if (response.code() != null || response.type() != null) {
      out.append(" (");
      if (response.code() != null) {
        out.append("code ").append(response.code());
      }
      if (response.type() != null) {
        out.append(response.code() != null ? ", " : "").append("type ").append(response.type());
      }
      out.append(')');
    }
    if (response.param() != null) {
      out.append(" [param ").append(response.param()).append(']');
    }
    if (!response.fieldErrors().isEmpty()) {
      out.append("; fields: ");
      List<FieldError> errors = response.fieldErrors();
      for (int i = 0; i < errors.size() && i < 10; i++) {
        out.append(i == 0 ? "" : "; ").append(errors.get(i));
      }
      if (errors.size() > 10) {
        out.append("; … ").append(errors.size() - 10).append(" more");
      }
    }
    if (response.requestId() != null) {
      out.append(" [request id ").append(response.requestId()).append(']');
    }
    return out.toString();
  }

  /** A single-line, bounded excerpt of a body that was not a recognised error shape. */
  private static String excerpt(String body) {
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_MESSAGE_BODY ? oneLine : oneLine.substring(0, MAX_MESSAGE_BODY) + "…";
  }
}
