package ai.heymilo.sdk.errors;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field-level problem reported by the API, unified from both error shapes it uses:
 * {@code error.errors[]} of an {@code APIErrorResponse} and {@code detail[]} of a 422
 * {@code HTTPValidationError}.
 */
public final class FieldError {
  private final String field;
  private final String message;
  private final @Nullable String code;

  /**
   * Creates a field error.
   *
   * @param field the dotted path of the field, such as {@code body.workflow.0.config}
   * @param message what is wrong with it
   * @param code a machine-readable code or error type, if the API gave one
   */
  public FieldError(String field, String message, @Nullable String code) {
    this.field = Objects.requireNonNull(field, "field");
    this.message = Objects.requireNonNull(message, "message");
    this.code = code;
  }

  /** Returns the dotted path of the field, such as {@code body.workflow.0.config} (may be empty). */
  public String field() {
    return field;
  }

  /** Returns what is wrong with the field. */
  public String message() {
    return message;
  }

  /** Returns the machine-readable code or error type, if any. */
  public @Nullable String code() {
    return code;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof FieldError)) {
      return false;
    }
    FieldError that = (FieldError) other;
    return field.equals(that.field) && message.equals(that.message) && Objects.equals(code, that.code);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, message, code);
  }

  /** Renders {@code field: message (code)}. */
  @Override
  public String toString() {
    return (field.isEmpty() ? "" : field + ": ") + message + (code == null ? "" : " (" + code + ")");
  }
}
