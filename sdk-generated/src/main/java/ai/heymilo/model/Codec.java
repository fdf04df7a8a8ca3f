package ai.heymilo.model;

import ai.heymilo.model.JsonIn.Token;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and writes one kind of value through the library-neutral {@link JsonIn} / {@link JsonOut}.
 * Generated models describe each property with a codec ({@code Codec.list(Codec.STRING)}), so
 * the decoding rules exist once for Gson and Moshi alike.
 *
 * <p>Speed: the hot path is a model reading its properties. Strings, integers, numbers, booleans
 * and nested models are read through {@link #readValue} — a switch on {@link #kind} with direct
 * calls — so that only the rarer kinds (enums, maps, unions, formats, free-form values) go through
 * a virtual call whose receiver varies from property to property.
 *
 * @param <T> the Java type of the values
 */
abstract class Codec<T> {
  static final int OTHER = 0;
  static final int STRING_KIND = 1;
  static final int LONG_KIND = 2;
  static final int DOUBLE_KIND = 3;
  static final int BOOLEAN_KIND = 4;
  static final int MODEL_KIND = 5;

  /** JSON string as {@code String}. */
  static final Codec<String> STRING = new Scalar<>(STRING_KIND);
  /** JSON integer as {@code Long}; a fraction or a value beyond 64 bits fails. */
  static final Codec<Long> LONG = new Scalar<>(LONG_KIND);
  /** JSON number as {@code Double}. */
  static final Codec<Double> DOUBLE = new Scalar<>(DOUBLE_KIND);
  /** JSON boolean as {@code Boolean}. */
  static final Codec<Boolean> BOOLEAN = new Scalar<>(BOOLEAN_KIND);
  /** Any JSON value as plain Java values; see {@link FreeformCodec}. */
  static final Codec<Object> ANY = new FreeformCodec();
  /** {@code format: date-time}: an RFC 3339 string as {@code OffsetDateTime}. */
  static final Codec<java.time.OffsetDateTime> DATE_TIME = FormatCodec.dateTime();
  /** {@code format: date}: an ISO 8601 date string as {@code LocalDate}. */
  static final Codec<java.time.LocalDate> DATE = FormatCodec.date();
  /** {@code format: uuid}: a canonical UUID string as {@code UUID}. */
  static final Codec<java.util.UUID> UUID = FormatCodec.uuid();
  /** {@code format: byte} and {@code format: binary}: base64 text as {@code byte[]}. */
  static final Codec<byte[]> BYTES = FormatCodec.bytes();

  /** Which fast path of {@link #readValue} / {@link #writeValue} serves this codec. */
  final int kind;

  Codec(int kind) {
    this.kind = kind;
  }

  /** A JSON array of {@code element} values as an {@code ArrayList}. */
  static <E> Codec<List<E>> list(Codec<E> element) {
    return new ListCodec<>(element);
  }

  /** A JSON object with {@code value} values as a {@code LinkedHashMap} (keys in arrival order). */
  static <V> Codec<Map<String, V>> map(Codec<V> value) {
    return new MapCodec<>(value);
  }

  /** A string of an open enum, made by {@code factory} (the enum's {@code fromValue}). */
  static <E extends ApiEnum> Codec<E> enumeration(Function<String, E> factory) {
    return new EnumCodec<>(factory);
  }

  /**
   * A generated model or {@code oneOf} interface, looked up in {@code registry} when first used:
   * models refer to each other (and to themselves) in cycles, which a direct reference would turn
   * into a class-initialisation deadlock.
   */
  static <V> Codec<V> ref(Class<V> type, SchemaRegistry registry) {
    return new RefCodec<>(type, registry);
  }

  /** Reads a value; the next token is not {@code NULL} (callers handle null themselves). */
  abstract T read(JsonIn in) throws IOException;

  /** Writes a non-null value. */
  abstract void write(JsonOut out, T value) throws IOException;

  /** Returns this codec with every {@link #ref} replaced by the codec it names. */
  Codec<T> resolve() {
    return this;
  }

  /** Reads a non-null value with {@code codec}; {@code token} is the peeked, non-NULL token. */
  static Object readValue(Codec<?> codec, JsonIn in, Token token) throws IOException {
    switch (codec.kind) {
      case STRING_KIND:
        return readString(in, token);
      case LONG_KIND:
        return readLong(in, token);
      case DOUBLE_KIND:
        return readDouble(in, token);
      case BOOLEAN_KIND:
        if (token != Token.BOOLEAN) {
          throw in.mismatch("a boolean", token);
        }
        return in.nextBoolean();
      case MODEL_KIND:
        return ((ModelCodec<?>) codec).read(in);
      default:
        return codec.read(in);
    }
  }

  /** Writes a non-null value with {@code codec}; {@code where} names it if it cannot be written. */
  @SuppressWarnings("unchecked")
  static void writeValue(Codec<?> codec, JsonOut out, Object value, String where) throws IOException {
    switch (codec.kind) {
      case STRING_KIND:
        out.value((String) value);
        break;
      case LONG_KIND:
        out.value(((Long) value).longValue());
        break;
      case DOUBLE_KIND:
        out.value(finite(((Double) value).doubleValue(), where));
        break;
      case BOOLEAN_KIND:
        out.value(((Boolean) value).booleanValue());
        break;
      case MODEL_KIND:
        ((ModelCodec<ApiObject>) codec).write(out, (ApiObject) value);
        break;
      default:
        ((Codec<Object>) codec).write(out, value);
        break;
    }
  }

  static String readString(JsonIn in, Token token) throws IOException {
    if (token != Token.STRING) {
      throw in.mismatch("a string", token);
    }
    return in.nextString();
  }

  static Long readLong(JsonIn in, Token token) throws IOException {
    if (token != Token.NUMBER) {
      throw in.mismatch("an integer", token);
    }
    return in.nextLong();
  }

  static Double readDouble(JsonIn in, Token token) throws IOException {
    if (token != Token.NUMBER) {
      throw in.mismatch("a number", token);
    }
    return in.nextDouble();
  }

  /** JSON has no NaN or infinities; refuse them with the property's name instead of a library error. */
  static double finite(double value, String where) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(where + " is " + value + ", which JSON cannot represent; use a finite number");
    }
    return value;
  }

  /** The four JSON scalars; all their work happens in the static fast paths above. */
  private static final class Scalar<T> extends Codec<T> {
    Scalar(int kind) {
      super(kind);
    }

    @Override
    @SuppressWarnings("unchecked")
    T read(JsonIn in) throws IOException {
      return (T) readValue(this, in, in.peek());
    }

    @Override
    void write(JsonOut out, T value) throws IOException {
      writeValue(this, out, value, "value");
    }
  }

  /** A lazily resolved reference to a generated model's or union's codec. */
  private static final class RefCodec<V> extends Codec<V> {
    private final Class<V> type;
    private final SchemaRegistry registry;

    RefCodec(Class<V> type, SchemaRegistry registry) {
      super(OTHER);
      this.type = type;
      this.registry = registry;
    }

    @Override
    @SuppressWarnings("unchecked")
    Codec<V> resolve() {
      Codec<?> codec = registry.codec(type);
      if (codec == null) {
        // Generated code only refers to generated types, so this is a generator-template bug.
        throw new IllegalStateException(type.getName() + " is not a generated model, enum or union");
      }
      return (Codec<V>) codec;
    }

    @Override
    V read(JsonIn in) throws IOException {
      return resolve().read(in);
    }

    @Override
    void write(JsonOut out, V value) throws IOException {
      resolve().write(out, value);
    }
  }

  /** An open enum: any string decodes, a known one to its constant. */
  private static final class EnumCodec<E extends ApiEnum> extends Codec<E> {
    private final Function<String, E> factory;

    EnumCodec(Function<String, E> factory) {
      super(OTHER);
      this.factory = factory;
    }

    @Override
    E read(JsonIn in) throws IOException {
      return factory.apply(readString(in, in.peek()));
    }

    @Override
    void write(JsonOut out, E value) throws IOException {
      out.value(value.value());
    }
  }

  /** A JSON array; elements may be JSON null and are kept as {@code null}. */
  private static final class ListCodec<E> extends Codec<List<E>> {
    private final Codec<E> element;

    ListCodec(Codec<E> element) {
      super(OTHER);
      this.element = element;
    }

    @Override
    Codec<List<E>> resolve() {
      Codec<E> resolved = element.resolve();
      return resolved == element ? this : new ListCodec<>(resolved);
    }

    @Override
    @SuppressWarnings("unchecked")
    List<E> read(JsonIn in) throws IOException {
      Token token = in.peek();
      if (token != Token.BEGIN_ARRAY) {
        throw in.mismatch("an array", token);
      }
      List<E> list = new java.util.ArrayList<>();
      in.beginArray();
      while (in.hasNext()) {
        token = in.peek();
        if (token == Token.NULL) {
          in.nextNull();
          list.add(null);
        } else {
          list.add((E) readValue(element, in, token));
        }
      }
      in.endArray();
      return list;
    }

    @Override
    void write(JsonOut out, List<E> value) throws IOException {
      out.beginArray();
      for (E item : value) {
        if (item == null) {
          out.explicitNull();
        } else {
          writeValue(element, out, item, "a list item");
        }
      }
      out.endArray();
    }
  }

  /** A JSON object read as a map; values may be JSON null and are kept as {@code null}. */
  private static final class MapCodec<V> extends Codec<Map<String, V>> {
    private final Codec<V> value;

    MapCodec(Codec<V> value) {
      super(OTHER);
      this.value = value;
    }

    @Override
    Codec<Map<String, V>> resolve() {
      Codec<V> resolved = value.resolve();
      return resolved == value ? this : new MapCodec<>(resolved);
    }

    @Override
    @SuppressWarnings("unchecked")
    Map<String, V> read(JsonIn in) throws IOException {
      Token token = in.peek();
      if (token != Token.BEGIN_OBJECT) {
        throw in.mismatch("an object", token);
      }
      Map<String, V> map = new java.util.LinkedHashMap<>();
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        token = in.peek();
        if (token == Token.NULL) {
          in.nextNull();
          map.put(name, null);
        } else {
          map.put(name, (V) readValue(value, in, token));
        }
      }
      in.endObject();
      return map;
    }

    @Override
    void write(JsonOut out, Map<String, V> map) throws IOException {
      out.beginObject();
      for (Map.Entry<String, V> entry : map.entrySet()) {
        out.name(String.valueOf(entry.getKey()));
        V item = entry.getValue();
        if (item == null) {
          out.explicitNull();
        } else {
          writeValue(value, out, item, "a map value");
        }
      }
      out.endObject();
    }
  }
}
