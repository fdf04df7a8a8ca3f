package ai.heymilo.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Base of every generated model: the state that is not a declared property.
 *
 * <ul>
 *   <li><b>Additional properties</b> — JSON properties this SDK version has no field for. Decoding
 *       keeps them (in arrival order) and encoding writes them back, so nothing the server sends is
 *       lost; {@link #putAdditionalProperty} sends a property the model does not declare yet.
 *   <li><b>Explicit nulls</b> — a property that was present as JSON {@code null}, or that the caller
 *       set to {@code null} on a nullable property, is written as {@code null}. Everything else that
 *       is {@code null} is left out. This is how an update (PATCH) tells "clear this field" from
 *       "leave it unchanged".
 *
 *   <li><b>Rules</b> — {@link #violations()} lists what the spec requires that this model (and every
 *       model inside it) does not meet: required properties, string lengths, number ranges, item
 *       and entry limits.
 * </ul>
 *
 * <p>Models are mutable and not thread-safe; share them between threads only after they are built.
 * {@code equals}, {@code hashCode} and {@code toString} cover declared properties, additional
 * properties and explicit nulls. {@code toString} masks candidates' personal data (see
 * {@link #toString()}); {@link #toUnmaskedString()} shows it.
 */
public abstract class ApiObject {
  private @Nullable Map<String, @Nullable Object> additionalProperties;
  private @Nullable Set<String> explicitNulls;

  /** For generated subclasses only. */
  ApiObject() {}

  /** The generated description of this model's properties. */
  abstract ModelSchema<?> schema();

  /**
   * Returns the JSON properties this SDK version has no field for, in the order they arrived.
   * Values are {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null},
   * {@code List} or {@code Map} (or whatever the caller put). The map is read-only.
   */
  public final Map<String, @Nullable Object> getAdditionalProperties() {
    return additionalProperties == null ? Collections.emptyMap() : Collections.unmodifiableMap(additionalProperties);
  }

  /** Returns one additional property, or {@code null} if absent (or present as JSON null). */
  public final @Nullable Object getAdditionalProperty(String name) {
    return additionalProperties == null ? null : additionalProperties.get(name);
  }

  /**
   * Adds a property that this model does not declare; it is sent as is ({@code null} is sent as JSON
   * null). Use it for API fields newer than this SDK. A declared property's name is refused: set it
   * through its setter. The value must have a JSON form: {@code null}, {@code String},
   * {@code Number}, {@code Boolean}, a {@code List} or {@code Map} of those, a generated model or
   * enum, {@code OffsetDateTime}, {@code LocalDate}, {@code UUID} or {@code byte[]} (base64).
   *
   * @throws IllegalArgumentException if {@code name} is a declared property of this model, or the
   *     value (or something inside it) has no JSON form
   */
  public ApiObject putAdditionalProperty(String name, @Nullable Object value) {
    Objects.requireNonNull(name, "name == null");
    if (schema().property(name) != null) {
      throw new IllegalArgumentException(
          "'" + name + "' is a declared property of " + getClass().getSimpleName() + "; use its setter instead");
    }
    FreeformCodec.checkEncodable(value, getClass().getSimpleName() + "." + name);
    putAdditionalPropertyUnchecked(name, value);
    return this;
  }

  /** Removes an additional property; returns this model. */
  public ApiObject removeAdditionalProperty(String name) {
    if (additionalProperties != null) {
      additionalProperties.remove(name);
    }
    return this;
  }

  /**
   * Returns true if the declared property with this JSON name is an explicit null: decoded from a
   * JSON {@code null}, or set to {@code null} by the caller on a nullable property.
   */
  public final boolean isExplicitNull(String jsonName) {
    return explicitNulls != null && explicitNulls.contains(jsonName);
  }

  /**
   * Returns the rules of the spec this model does not meet, checked through every model it holds
   * (nested, in lists, as map values); empty when it may be sent. The rules, from the spec:
   *
   * <ul>
   *   <li>a required property must be set; a JSON null counts only where the property is nullable
   *       — {@code "is required but was not set"};
   *   <li>{@code minLength}/{@code maxLength} of strings, counted in Unicode code points;
   *   <li>{@code minimum}/{@code maximum} (and their exclusive forms) of numbers, which must also be finite;
   *   <li>{@code minItems}/{@code maxItems} of lists;
   *   <li>on maps carrying {@code x-heymilo-limits}: {@code maxEntries}, {@code maxKeyLength} and
   *       {@code maxValueLength} (the metadata limits: 50 keys, 40 characters, 500 characters).
   * </ul>
   *
   * <p>Paths use JSON names relative to this model: {@code title}, {@code workflow[0].type},
   * {@code metadata.external_id}.
   *
   * <pre>{@code
   * List<ConstraintViolation> problems = new CreateQuestion().text("Why us?").violations();
   * // [modality is required but was not set]
   * }</pre>
   *
   * @return the violations in property order, depth first; an unmodifiable list
   */
  public final List<ConstraintViolation> violations() {
    List<ConstraintViolation> violations = new ArrayList<>();
    schema().collectViolations(this, "", violations);
    return Collections.unmodifiableList(violations);
  }

  final void putAdditionalPropertyUnchecked(String name, @Nullable Object value) {
    if (additionalProperties == null) {
      additionalProperties = new LinkedHashMap<>();
    }
    additionalProperties.put(name, value);
  }

  /** Records whether a declared property is an explicit null (called by setters and decoders). */
  final void explicitNull(String jsonName, boolean isNull) {
    if (isNull) {
      if (explicitNulls == null) {
        explicitNulls = new HashSet<>(4);
      }
      explicitNulls.add(jsonName);
    } else if (explicitNulls != null) {
      explicitNulls.remove(jsonName);
    }
  }

  @Override
  public final boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (other == null || other.getClass() != getClass()) {
      return false;
    }
    ApiObject that = (ApiObject) other;
    return schema().propertiesEqual(this, that)
        && getAdditionalProperties().equals(that.getAdditionalProperties())
        && explicitNullsOrEmpty().equals(that.explicitNullsOrEmpty());
  }

  @Override
  public final int hashCode() {
    return 31 * schema().propertiesHash(this) + getAdditionalProperties().hashCode();
  }

  /**
   * Renders {@code ClassName{json_name=value, …}} with the properties that are set, with
   * candidates' personal data masked: the properties the spec marks personal (names, email
   * addresses, phone numbers, transcripts, answers, resumes…) read {@code ***}, in nested models
   * too, and so do additional properties and free-form map entries with a personal name
   * ({@link PersonalData}). So a model can be logged as it is. The getters return the real values.
   *
   * <pre>{@code
   * InterviewDataResponse{interview_id=iv_1, name=***, email=***, score=78.5, status=completed}
   * }</pre>
   */
  @Override
  public final String toString() {
    StringBuilder out = new StringBuilder();
    appendTo(out, false);
    return out.toString();
  }

  /**
   * Renders this model as {@link #toString()} does but with personal data shown as it is: for a
   * place where candidates' data may be written, such as a debugger or a test.
   */
  public final String toUnmaskedString() {
    StringBuilder out = new StringBuilder();
    appendTo(out, true);
    return out.toString();
  }

  private void appendTo(StringBuilder out, boolean reveal) {
    out.append(getClass().getSimpleName()).append('{');
    int empty = out.length();
    schema().appendProperties(this, out, reveal);
    appendEntries(getAdditionalProperties(), out.length() == empty, out, reveal);
    out.append('}');
  }

  /** Appends a value as {@code toString()} would, masking personal data within it unless {@code reveal}. */
  static void appendValue(@Nullable Object value, StringBuilder out, boolean reveal) {
    if (value instanceof ApiObject) {
      ((ApiObject) value).appendTo(out, reveal);
    } else if (value instanceof byte[]) {
      out.append('<').append(((byte[]) value).length).append(" bytes>");
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) value) {
        out.append(first ? "" : ", ");
        appendValue(item, out, reveal);
        first = false;
      }
      out.append(']');
    } else if (value instanceof Map) {
      out.append('{');
      appendEntries((Map<?, ?>) value, true, out, reveal);
      out.append('}');
    } else {
      out.append(value);
    }
  }

  private static void appendEntries(Map<?, ?> entries, boolean first, StringBuilder out, boolean reveal) {
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      out.append(first ? "" : ", ").append(entry.getKey()).append('=');
      if (!reveal && entry.getValue() != null && PersonalData.isPersonal(String.valueOf(entry.getKey()))) {
        out.append(PersonalData.MASK);
      } else {
        appendValue(entry.getValue(), out, reveal);
      }
      first = false;
    }
  }

  private Set<String> explicitNullsOrEmpty() {
    return explicitNulls == null ? Collections.emptySet() : explicitNulls;
  }
}
