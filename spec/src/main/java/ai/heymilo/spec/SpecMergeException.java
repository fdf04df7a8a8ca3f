package ai.heymilo.spec;

import org.jspecify.annotations.Nullable;

/**
 * A source cannot be loaded or the sources cannot be merged into one spec.
 *
 * <p>The message is written for the person who has to fix the sources: it names the file or the merged part
 * (schema, operation, ...), where in it the problem sits, and the values involved. It carries no stack trace: the
 * problem is in the sources, not in the code, and {@code exec:java} logs the whole exception, where a stack trace
 * would bury the message in the build log.
 */
public final class SpecMergeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpecMergeException(String message) {
    this(message, null);
  }

  public SpecMergeException(String message, @Nullable Throwable cause) {
    super(message, cause, true, false);
  }
}
