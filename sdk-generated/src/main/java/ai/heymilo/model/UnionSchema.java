package ai.heymilo.model;

import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A generated {@code oneOf} interface whose implementation is chosen by a discriminator property
 * (for example the workflow step's {@code type}).
 */
final class UnionSchema {
  private final Class<?> type;
  private final String discriminator;
  private final Map<String, Class<? extends ApiObject>> variants;

  UnionSchema(Class<?> type, String discriminator, Map<String, Class<? extends ApiObject>> variants) {
    this.type = type;
    this.discriminator = discriminator;
    this.variants = variants;
  }

  /** The JSON property whose value names the variant. */
  String discriminator() {
    return discriminator;
  }

  /** Returns the class for a discriminator value, or null if this SDK version does not know it. */
  @Nullable Class<? extends ApiObject> variant(@Nullable String value) {
    return value == null ? null : variants.get(value);
  }

  /** Explains a discriminator value that names no variant, listing the known ones. */
  String unknownVariantMessage(@Nullable String value) {
    return type.getSimpleName() + ": " + (value == null ? "missing '" + discriminator + "'" : "unknown " + discriminator + " '" + value + "'")
        + "; known: " + new TreeSet<>(variants.keySet());
  }
}
