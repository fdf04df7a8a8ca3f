package ai.heymilo.sandbox;

import ai.heymilo.sdk.errors.HeyMiloException;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox could not do what was asked: start on a port, or write recordings (for example
 * because a secret would have reached a file). The message says what and why.
 */
public final class SandboxException extends HeyMiloException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and an optional cause. */
  public SandboxException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
