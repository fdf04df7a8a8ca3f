package ai.heymilo.model;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the JSON adapters need to know about one generated model: how to create it and, per
 * declared property, its JSON name, Java type, getter and setter.
 *
 * <p>Each generated model builds one in a static field. Gson and Moshi adapters are written once
 * against this description instead of once per model, and no reflection is needed.
 *
 * @param <T> the model type
 */
final class ModelSchema<T extends ApiObject> {
  private final Class<T> type;
  private final Supplier<T> factory;
  private final List<Property<T>> properties;
  private final Map<String, Property<T>> byJsonName;

  private ModelSchema(Class<T> type, Supplier<T> factory, List<Property<T>> properties) {
    this.type = type;
    this.factory = factory;
    this.properties = Collections.unmodifiableList(properties);
    Map<String, Property<T>> index = new HashMap<>();
    for (Property<T> property : properties) {
      index.put(property.jsonName, property);
    }
    this.byJsonName = index;
  }

  static <T extends ApiObject> Builder<T> builder(Class<T> type, Supplier<T> factory) {
    return new Builder<>(type, factory);
  }

  Class<T> type() {
    return type;
  }

  T newInstance() {
    return factory.get();
  }

  List<Property<T>> properties() {
    return properties;
  }

  @Nullable Property<T> property(String jsonName) {
    return byJsonName.get(jsonName);
  }

  @SuppressWarnings("unchecked")
  boolean propertiesEqual(ApiObject a, ApiObject b) {
    for (Property<T> property : properties) {
      if (!Objects.equals(property.get((T) a), property.get((T) b))) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  int propertiesHash(ApiObject model) {
    int hash = 1;
    for (Property<T> property : properties) {
      hash = 31 * hash + Objects.hashCode(property.get((T) model));
    }
    return hash;
  }

  @SuppressWarnings("unchecked")
  void appendProperties(ApiObject model, StringBuilder out) {
    boolean first = true;
    for (Property<T> property : properties) {
      Object value = property.get((T) model);
      if (value == null && !model.isExplicitNull(property.jsonName)) {
        continue;
      }
      if (!first) {
        out.append(", ");
      }
      out.append(property.jsonName).append('=').append(value);
      first = false;
    }
  }

  /** One declared property. */
  static final class Property<T> {
    final String jsonName;
    final Type type;
    private final Function<T, ?> getter;
    private final BiConsumer<T, Object> setter;

    private Property(String jsonName, Type type, Function<T, ?> getter, BiConsumer<T, Object> setter) {
      this.jsonName = jsonName;
      this.type = type;
      this.getter = getter;
      this.setter = setter;
    }

    @Nullable Object get(T model) {
      return getter.apply(model);
    }

    void set(T model, Object value) {
      setter.accept(model, value);
    }
  }

  /** Collects the properties of a model in declaration order. */
  static final class Builder<T extends ApiObject> {
    private final Class<T> type;
    private final Supplier<T> factory;
    private final List<Property<T>> properties = new ArrayList<>();

    private Builder(Class<T> type, Supplier<T> factory) {
      this.type = type;
      this.factory = factory;
    }

    /**
     * Adds a property. The setter receives a value already decoded to {@code type}; generated code
     * casts it, which is safe because the adapters decode with exactly that type.
     */
    @SuppressWarnings("unchecked")
    <V> Builder<T> property(String jsonName, Type type, Function<T, V> getter, BiConsumer<T, V> setter) {
      properties.add(new Property<>(jsonName, type, getter, (BiConsumer<T, Object>) setter));
      return this;
    }

    ModelSchema<T> build() {
      return new ModelSchema<>(type, factory, new ArrayList<>(properties));
    }
  }
}
