package ai.heymilo.sdk.errors;

/**
 * A connect, read or call timeout elapsed before the response arrived. Timeouts are set on the
 * client builder ({@code timeout}, {@code connectTimeout}, {@code readTimeout}).
 */
public final class ApiTimeoutException extends ApiConnectionException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and the timeout failure behind it. */
  public ApiTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
