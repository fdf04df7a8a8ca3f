package ai.heymilo.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Base of every generated enumeration: an <em>open</em> enum.
 *
 * <p>A Java {@code enum} cannot hold a value it does not declare, so a value the server adds after
 * this SDK was built would fail to decode. Generated enums are instead final classes with a
 * constant per known value; an unknown value decodes to an instance whose {@link #value()} is the
 * raw string and whose {@code known()} is {@code UNRECOGNIZED}. It is encoded back unchanged.
 *
 * <pre>{@code
 * switch (question.getModality().known()) {
 *   case VOICE: ...; break;
 *   case UNRECOGNIZED: log.info("new modality {}", question.getModality().value()); break;
 * }
 * }</pre>
 *
 * <p>Instances are immutable; equality is by class and value.
 */
public abstract class ApiEnum {
  private final String value;

  /** For generated subclasses only. */
  ApiEnum(String value) {
    this.value = Objects.requireNonNull(value, "value == null");
  }

  /** Returns the value as sent on the wire. */
  public final String value() {
    return value;
  }

  /** Returns true if this SDK version declares this value. */
  public abstract boolean isKnown();

  @Override
  public final boolean equals(@Nullable Object other) {
    return other != null && other.getClass() == getClass() && ((ApiEnum) other).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** Returns the wire value. */
  @Override
  public final String toString() {
    return value;
  }
}
