package ai.heymilo.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the SDK throws; catch it to handle any SDK failure in one place.
 *
 * <p>Messages never contain the API key or bearer token.
 */
public class HeyMiloException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and an optional cause. */
  public HeyMiloException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with a message. */
  public HeyMiloException(String message) {
    super(message);
  }
}
