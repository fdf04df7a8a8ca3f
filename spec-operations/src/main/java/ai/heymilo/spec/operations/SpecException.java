package ai.heymilo.spec.operations;

import org.jspecify.annotations.Nullable;

/**
 * The OpenAPI document cannot be read: it is missing from the class path, is not JSON, or lacks what an operation
 * needs (an {@code operationId}, {@code responses}). The message names the document and the place.
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and an optional cause. */
  public SpecException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
