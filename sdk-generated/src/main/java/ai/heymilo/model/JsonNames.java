package ai.heymilo.model;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The declared JSON property names of one model, in schema order, with a lookup from name to
 * index. A binding may keep a library-specific form of the same names in {@link #bindingCache}:
 * the Moshi binding keeps its {@code JsonReader.Options} there, which match a name against the
 * raw bytes without decoding it. The slot is typed {@code Object} so that this class, used on
 * the Gson path, never refers to a Moshi class.
 */
final class JsonNames {
  private final String[] names;
  private final Map<String, Integer> indices;
  /** Written once per binding; a race only builds the same value twice. */
  private volatile @Nullable Object bindingCache;

  JsonNames(String[] names) {
    this.names = names.clone();
    this.indices = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      indices.put(names[i], i);
    }
  }

  /** Returns a copy of the names, for a binding that builds its own index. */
  String[] toArray() {
    return names.clone();
  }

  /**
   * Returns the index of {@code name}, or -1, trying {@code expected} first: servers write the
   * properties in schema order, so one {@code equals} usually saves hashing the name.
   */
  int indexOf(String name, int expected) {
    if (expected < names.length && names[expected].equals(name)) {
      return expected;
    }
    return indexOf(name);
  }

  /** Returns the index of {@code name}, or -1. */
  int indexOf(String name) {
    Integer index = indices.get(name);
    return index == null ? -1 : index;
  }

  @Nullable Object bindingCache() {
    return bindingCache;
  }

  void bindingCache(Object value) {
    bindingCache = value;
  }
}
