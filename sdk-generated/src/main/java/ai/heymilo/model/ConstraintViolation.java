package ai.heymilo.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rule of the spec that a model does not meet, found by {@link ApiObject#violations()}.
 *
 * <pre>{@code
 * for (ConstraintViolation v : request.violations()) {
 *   System.out.println(v);   // workflow[0].questions[1].text is required but was not set
 * }
 * }</pre>
 *
 * <p>Immutable; equal when path and message are equal.
 */
public final class ConstraintViolation {
  private final String path;
  private final String message;

  ConstraintViolation(String path, String message) {
    this.path = path;
    this.message = message;
  }

  /**
   * Returns where the rule is broken, in JSON names from the model the check started at:
   * {@code title}, {@code workflow[0].type}, {@code metadata.external_id}.
   */
  public String path() {
    return path;
  }

  /** Returns what is wrong, such as {@code is required but was not set}. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ConstraintViolation && ((ConstraintViolation) other).path.equals(path)
        && ((ConstraintViolation) other).message.equals(message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, message);
  }

  /** Returns {@code path + " " + message}. */
  @Override
  public String toString() {
    return path + " " + message;
  }
}
