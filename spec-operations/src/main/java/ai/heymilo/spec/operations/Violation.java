package ai.heymilo.spec.operations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One reason the API refuses a request, in the shape of an entry of its 422 {@code HTTPValidationError.detail}:
 * where ({@code loc}, such as {@code ["body", "workflow", 0, "config", "num_questions"]}), what ({@code msg}, such
 * as {@code Input should be greater than or equal to 1}), a machine-readable {@code type} ({@code greater_than_equal})
 * and its context ({@code {"ge": 1}}). Immutable.
 *
 * <pre>{@code
 * Violation v = problems.get(0);
 * v.field();   // "body.score_weight"
 * v.msg();     // "Input should be less than or equal to 10"
 * }</pre>
 */
public final class Violation {
  private final List<Object> loc;
  private final String msg;
  private final String type;
  private final Map<String, Object> ctx;
  private final @Nullable JsonNode input;

  Violation(List<Object> loc, String msg, String type, Map<String, Object> ctx, @Nullable JsonNode input) {
    this.loc = Collections.unmodifiableList(new ArrayList<>(loc));
    this.msg = msg;
    this.type = type;
    this.ctx = Collections.unmodifiableMap(new LinkedHashMap<>(ctx));
    this.input = input;
  }

  /** The location: {@code body}, {@code query}, {@code path} or {@code header}, then names (strings) and array indexes (integers). */
  public List<Object> loc() {
    return loc;
  }

  /** The location joined with dots, such as {@code body.workflow.0.type} or {@code query.limit}. */
  public String field() {
    StringBuilder field = new StringBuilder();
    for (Object part : loc) {
      field.append(field.length() == 0 ? "" : ".").append(part);
    }
    return field.toString();
  }

  /** The message, such as {@code Field required}. */
  public String msg() {
    return msg;
  }

  /** The error type, such as {@code missing}, {@code enum}, {@code int_parsing} or {@code less_than_equal}. */
  public String type() {
    return type;
  }

  /** The limit or the expected values the message names ({@code {"le": 10}}); empty when there are none. */
  public Map<String, Object> ctx() {
    return ctx;
  }

  /** The offending input, if there was one (a missing field has none). */
  public @Nullable JsonNode input() {
    return input;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof Violation)) {
      return false;
    }
    Violation that = (Violation) other;
    return loc.equals(that.loc) && msg.equals(that.msg) && type.equals(that.type) && ctx.equals(that.ctx)
        && Objects.equals(input, that.input);
  }

  @Override
  public int hashCode() {
    return Objects.hash(loc, msg, type, ctx);
  }

  /** {@code body.title: Field required (missing)}. */
  @Override
  public String toString() {
    return field() + ": " + msg + " (" + type + ")";
  }
}
