package ai.heymilo.spec.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One place where a JSON value breaks its schema, as networknt json-schema-validator reports it.
 *
 * <pre>{@code
 * spec.schemas().validate("/components/schemas/WebhookResponse", body);
 * // [$.is_active = "yes": string found, boolean expected]
 * }</pre>
 */
public final class SchemaViolation {
  private final String jsonPath;
  private final @Nullable JsonNode value;
  private final String keyword;
  private final String message;

  SchemaViolation(String jsonPath, @Nullable JsonNode value, String keyword, String message) {
    this.jsonPath = jsonPath;
    this.value = value;
    this.keyword = keyword;
    this.message = message;
  }

  /** Where the value sits, such as {@code $.data.items[0].score}. */
  public String jsonPath() {
    return jsonPath;
  }

  /** The offending value, if the validator reported it. */
  public @Nullable JsonNode value() {
    return value;
  }

  /** The schema keyword that failed, such as {@code type} or {@code required}. */
  public String keyword() {
    return keyword;
  }

  /** The validator's message, such as {@code string found, boolean expected}. */
  public String message() {
    return message;
  }

  /** {@code $.data.score = "high": string found, number expected}. */
  @Override
  public String toString() {
    // Objects and arrays (the target of "required" and the like) would only repeat the document.
    String shown = value == null || !value.isValueNode() ? "" : " = " + abbreviate(value.toString());
    return jsonPath + shown + ": " + message;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
