package ai.heymilo.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the JSON core and the checks need to know about one generated model: how to create it
 * and, per declared property, its JSON name, {@link Codec}, getter, setter and the rules the spec
 * states for it (required, lengths, ranges, item and entry limits).
 *
 * <p>Each generated model builds one in a static field; the Gson and Moshi bindings and
 * {@link ApiObject#violations()} are written once against it, with no reflection.
 *
 * @param <T> the model type
 */
final class ModelSchema<T extends ApiObject> {
  private final Class<T> type;
  private final Supplier<T> factory;
  private final List<Property<T>> properties;
  /** The same properties as an array: the decoder indexes it once per property read. */
  private final Property<T>[] byIndex;
  private final JsonNames names;
  private volatile @Nullable ModelCodec<T> codec;

  private ModelSchema(Class<T> type, Supplier<T> factory, List<Property<T>> properties) {
    this.type = type;
    this.factory = factory;
    this.properties = Collections.unmodifiableList(properties);
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
    Property<T>[] array = properties.toArray(new Property[0]);
    this.byIndex = array;
    String[] jsonNames = new String[properties.size()];
    for (int i = 0; i < jsonNames.length; i++) {
      jsonNames[i] = properties.get(i).jsonName;
    }
    this.names = new JsonNames(jsonNames);
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

  int size() {
    return byIndex.length;
  }

  Property<T> property(int index) {
    return byIndex[index];
  }

  @Nullable Property<T> property(String jsonName) {
    int index = names.indexOf(jsonName);
    return index < 0 ? null : byIndex[index];
  }

  JsonNames names() {
    return names;
  }

  /** The codec of this model, shared by every binding. */
  ModelCodec<T> codec() {
    ModelCodec<T> result = codec;
    if (result == null) {
      result = new ModelCodec<>(this);
      codec = result;
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  boolean propertiesEqual(ApiObject a, ApiObject b) {
    for (Property<T> property : properties) {
      if (!Objects.deepEquals(property.get((T) a), property.get((T) b))) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  int propertiesHash(ApiObject model) {
    int hash = 1;
    for (Property<T> property : properties) {
      Object value = property.get((T) model);
      hash = 31 * hash + (value instanceof byte[] ? Arrays.hashCode((byte[]) value) : Objects.hashCode(value));
    }
    return hash;
  }

  /** Appends {@code json_name=value} for each property that is set; personal values read {@code ***} unless revealed. */
  @SuppressWarnings("unchecked")
  void appendProperties(ApiObject model, StringBuilder out, boolean reveal) {
    boolean first = true;
    for (Property<T> property : properties) {
      Object value = property.get((T) model);
      if (value == null && !model.isExplicitNull(property.jsonName)) {
        continue;
      }
      if (!first) {
        out.append(", ");
      }
      out.append(property.jsonName).append('=');
      if (value != null && property.rules.personal && !reveal) {
        out.append(PersonalData.MASK);
      } else {
        ApiObject.appendValue(value, out, reveal);
      }
      first = false;
    }
  }

  /** Adds the violations of {@code model} and of every model it holds; see {@link ApiObject#violations()}. */
  @SuppressWarnings("unchecked")
  void collectViolations(ApiObject model, String prefix, List<ConstraintViolation> out) {
    for (Property<T> property : properties) {
      property.check(model, property.get((T) model), prefix + property.jsonName, out);
    }
  }

  /** One declared property. */
  static final class Property<T> {
    final String jsonName;
    final Codec<?> codec;
    private final Function<T, ?> getter;
    private final BiConsumer<T, Object> setter;
    private final Rules rules;

    private Property(String jsonName, Codec<?> codec, Function<T, ?> getter, BiConsumer<T, Object> setter, Rules rules) {
      this.jsonName = jsonName;
      this.codec = codec;
      this.getter = getter;
      this.setter = setter;
      this.rules = rules;
    }

    @Nullable Object get(T model) {
      return getter.apply(model);
    }

    void set(T model, Object value) {
      setter.accept(model, value);
    }

    void check(ApiObject model, @Nullable Object value, String path, List<ConstraintViolation> out) {
      if (value == null) {
        if (rules.required && !(rules.nullable && model.isExplicitNull(jsonName))) {
          out.add(new ConstraintViolation(path, model.isExplicitNull(jsonName)
              ? "is required and must not be null" : "is required but was not set"));
        }
        return;
      }
      rules.check(value, path, out);
      descend(value, path, out);
    }

    /** Checks the models held by a value: nested, in a list, or as map values. */
    private static void descend(Object value, String path, List<ConstraintViolation> out) {
      if (value instanceof ApiObject) {
        ApiObject nested = (ApiObject) value;
        nested.schema().collectViolations(nested, path + ".", out);
      } else if (value instanceof List) {
        int index = 0;
        for (Object item : (List<?>) value) {
          if (item instanceof ApiObject || item instanceof List || item instanceof Map) {
            descend(item, path + "[" + index + "]", out);
          }
          index++;
        }
      } else if (value instanceof Map) {
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          Object item = entry.getValue();
          if (item instanceof ApiObject || item instanceof List || item instanceof Map) {
            descend(item, path + "." + entry.getKey(), out);
          }
        }
      }
    }
  }

  /**
   * The rules the spec states for one property; -1 and NaN mean "no rule". Lengths count Unicode
   * code points, as JSON Schema does (and the server's validator), not UTF-16 units.
   */
  private static final class Rules {
    boolean required;
    boolean nullable;
    /** Holds a candidate's personal data ({@code x-heymilo-personal}): masked by {@code toString()}. */
    boolean personal;
    int minLength = -1;
    int maxLength = -1;
    double minimum = Double.NaN;
    double maximum = Double.NaN;
    double exclusiveMinimum = Double.NaN;
    double exclusiveMaximum = Double.NaN;
    int minItems = -1;
    int maxItems = -1;
    int maxEntries = -1;
    int maxKeyLength = -1;
    int maxValueLength = -1;

    void check(Object value, String path, List<ConstraintViolation> out) {
      if (value instanceof String) {
        checkLength((String) value, minLength, maxLength, path, "", out);
      } else if (value instanceof Double || value instanceof Long) {
        checkNumber(((Number) value).doubleValue(), value, path, out);
      } else if (value instanceof List) {
        int size = ((List<?>) value).size();
        if (minItems >= 0 && size < minItems) {
          out.add(new ConstraintViolation(path, "must have at least " + count(minItems, "item") + " but had " + size));
        }
        if (maxItems >= 0 && size > maxItems) {
          out.add(new ConstraintViolation(path, "must have at most " + count(maxItems, "item") + " but had " + size));
        }
      } else if (value instanceof Map) {
        checkMap((Map<?, ?>) value, path, out);
      }
    }

    private void checkNumber(double number, Object value, String path, List<ConstraintViolation> out) {
      if (!Double.isFinite(number)) {
        out.add(new ConstraintViolation(path, "must be a finite number but was " + value));
        return;
      }
      if (!Double.isNaN(minimum) && number < minimum) {
        out.add(new ConstraintViolation(path, "must be at least " + plain(minimum) + " but was " + value));
      }
      if (!Double.isNaN(maximum) && number > maximum) {
        out.add(new ConstraintViolation(path, "must be at most " + plain(maximum) + " but was " + value));
      }
      if (!Double.isNaN(exclusiveMinimum) && number <= exclusiveMinimum) {
        out.add(new ConstraintViolation(path, "must be greater than " + plain(exclusiveMinimum) + " but was " + value));
      }
      if (!Double.isNaN(exclusiveMaximum) && number >= exclusiveMaximum) {
        out.add(new ConstraintViolation(path, "must be less than " + plain(exclusiveMaximum) + " but was " + value));
      }
    }

    private void checkMap(Map<?, ?> map, String path, List<ConstraintViolation> out) {
      if (maxEntries >= 0 && map.size() > maxEntries) {
        out.add(new ConstraintViolation(path, "must have at most " + count(maxEntries, "entry") + " but had " + map.size()));
      }
      if (maxKeyLength < 0 && maxValueLength < 0) {
        return;
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        checkLength(key, -1, maxKeyLength, path + "." + key, "key ", out);
        if (entry.getValue() instanceof String) {
          checkLength((String) entry.getValue(), -1, maxValueLength, path + "." + key, "", out);
        }
      }
    }

    private static void checkLength(String text, int min, int max, String path, String what, List<ConstraintViolation> out) {
      if (min < 0 && max < 0) {
        return;
      }
      int length = text.codePointCount(0, text.length());
      if (min >= 0 && length < min) {
        out.add(new ConstraintViolation(path, what + "must be at least " + count(min, "character") + " long but was " + length));
      }
      if (max >= 0 && length > max) {
        out.add(new ConstraintViolation(path, what + "must be at most " + count(max, "character") + " long but was " + length));
      }
    }

    private static String count(int n, String noun) {
      if (n == 1) {
        return "1 " + noun;
      }
      return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }

    /** {@code 5.0} reads as {@code 5}: the spec writes integer bounds as JSON numbers. */
    private static String plain(double bound) {
      return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? String.valueOf((long) bound) : String.valueOf(bound);
    }
  }

  /**
   * Collects the properties of a model in declaration order. The rule methods ({@link #required()},
   * {@link #maxLength(int)}, …) apply to the property added last; their names are the JSON Schema
   * keywords (and {@code x-heymilo-limits} keys) they come from.
   */
  static final class Builder<T extends ApiObject> {
    private final Class<T> type;
    private final Supplier<T> factory;
    private final List<Property<T>> properties = new ArrayList<>();
    private @Nullable Rules rules;

    private Builder(Class<T> type, Supplier<T> factory) {
      this.type = type;
      this.factory = factory;
    }

    /**
     * Adds a property. The codec's type matches the getter's and setter's, so generated code is
     * checked by the compiler.
     */
    @SuppressWarnings("unchecked")
    <V> Builder<T> property(String jsonName, Codec<V> codec, Function<T, V> getter, BiConsumer<T, V> setter) {
      rules = new Rules();
      properties.add(new Property<>(jsonName, codec, getter, (BiConsumer<T, Object>) setter, rules));
      return this;
    }

    private Rules last() {
      if (rules == null) {
        throw new IllegalStateException("a rule must follow property(...)");
      }
      return rules;
    }

    Builder<T> required() {
      last().required = true;
      return this;
    }

    Builder<T> nullable() {
      last().nullable = true;
      return this;
    }

    Builder<T> personal() {
      last().personal = true;
      return this;
    }

    Builder<T> minLength(int value) {
      last().minLength = value;
      return this;
    }

    Builder<T> maxLength(int value) {
      last().maxLength = value;
      return this;
    }

    Builder<T> minimum(double value) {
      last().minimum = value;
      return this;
    }

    Builder<T> maximum(double value) {
      last().maximum = value;
      return this;
    }

    Builder<T> exclusiveMinimum(double value) {
      last().exclusiveMinimum = value;
      return this;
    }

    Builder<T> exclusiveMaximum(double value) {
      last().exclusiveMaximum = value;
      return this;
    }

    Builder<T> minItems(int value) {
      last().minItems = value;
      return this;
    }

    Builder<T> maxItems(int value) {
      last().maxItems = value;
      return this;
    }

    Builder<T> maxEntries(int value) {
      last().maxEntries = value;
      return this;
    }

    Builder<T> maxKeyLength(int value) {
      last().maxKeyLength = value;
      return this;
    }

    Builder<T> maxValueLength(int value) {
      last().maxValueLength = value;
      return this;
    }

    ModelSchema<T> build() {
      rules = null;
      return new ModelSchema<>(type, factory, new ArrayList<>(properties));
    }
  }
}
