package ai.heymilo.spec.api;

/**
 * The public API of a published artifact differs incompatibly from its committed snapshot, or the snapshot cannot
 * be read or written. The message names each changed signature, the spec change behind it where one is known, and
 * the command that acknowledges the change; there is no stack trace to bury it in the build log.
 */
public final class ApiGateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the message the build prints. */
  public ApiGateException(String message) {
    super(message, null, true, false);
  }

  /** Creates the exception with the message the build prints and the failure behind it. */
  public ApiGateException(String message, Throwable cause) {
    super(message, cause, true, false);
  }
}
