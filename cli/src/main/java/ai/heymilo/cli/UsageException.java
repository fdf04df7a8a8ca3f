package ai.heymilo.cli;

/**
 * A command line that cannot work, found before anything is started: exit code 2, with the command's
 * name so that the message can point at its help.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
