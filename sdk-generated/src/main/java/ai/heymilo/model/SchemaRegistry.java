package ai.heymilo.model;

import org.jspecify.annotations.Nullable;

/**
 * Finds the codec of a generated type by class. One generation run writes one registry (the
 * {@code ModelSchemas} of this library) as a switch on the class name, so no reflection is needed
 * and unrelated model classes are not loaded.
 */
interface SchemaRegistry {
  /** Returns the codec of a generated model, enum or {@code oneOf} interface, or null for any other class. */
  @Nullable Codec<?> codec(Class<?> type);
}
