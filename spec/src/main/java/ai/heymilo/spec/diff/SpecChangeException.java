package ai.heymilo.spec.diff;

/**
 * The spec changed in a way that is not acknowledged yet, or the release bookkeeping (baseline, CHANGELOG.md, API
 * surface) cannot be read or written.
 *
 * <p>The message alone says what changed and what to run; like {@link ai.heymilo.spec.SpecMergeException} it
 * carries no stack trace, which would bury the message in the build log.
 */
public final class SpecChangeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the message the build prints. */
  public SpecChangeException(String message) {
    super(message, null, true, false);
  }

  /** Creates the exception with the message the build prints and the I/O failure behind it. */
  public SpecChangeException(String message, Throwable cause) {
    super(message, cause, true, false);
  }
}
