package ai.heymilo.sdk.errors;

/**
 * The request got no HTTP response: the host could not be resolved or reached, the connection was
 * reset, or the response was cut off. Idempotent requests were already retried.
 */
public class ApiConnectionException extends HeyMiloException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and the I/O failure behind it. */
  public ApiConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
