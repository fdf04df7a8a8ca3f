package ai.heymilo.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * A 2xx response whose body could not be decoded into the documented model: malformed or
 * truncated JSON, or a value of the wrong type. {@link #jsonPath()} names where decoding stopped.
 */
public final class InvalidResponseException extends HeyMiloException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final @Nullable String jsonPath;

  /** Creates the exception for a response with status {@code statusCode}. */
  public InvalidResponseException(String message, int statusCode, @Nullable String jsonPath, @Nullable Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.jsonPath = jsonPath;
  }

  /** Returns the HTTP status of the response that could not be decoded. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the JSON path where decoding failed, such as {@code $.data.score}, if known. */
  public @Nullable String jsonPath() {
    return jsonPath;
  }
}
