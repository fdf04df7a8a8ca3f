package ai.heymilo.model;

import ai.heymilo.model.JsonIn.Token;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Free-form JSON — a property typed {@code Object}, the values of {@code Map<String, Object>},
 * and every additional property — as plain Java values: {@code Map} (a {@code LinkedHashMap} in
 * arrival order), {@code List}, {@code String}, {@code Boolean}, {@code null}, and numbers as
 * {@code Long} when integral and within 64 bits, otherwise {@code Double}. The same rule holds
 * whichever JSON library decodes and whatever that library's own number policy is.
 */
final class FreeformCodec extends Codec<Object> {

  /**
   * The codecs of free-form containers, in a holder initialised on first use: a static field here that read
   * {@link Codec#ANY} could run while {@code Codec} itself is still initialising (it creates {@code ANY}), whichever
   * of the two classes a program touches first, and would keep a null for good.
   */
  private static final class Containers {
    static final Codec<Map<String, Object>> MAP = Codec.map(Codec.ANY);
    static final Codec<List<Object>> LIST = Codec.list(Codec.ANY);
  }

  FreeformCodec() {
    super(OTHER);
  }

  /**
   * The codec for a top-level free-form type a binding is asked for: {@code Object},
   * {@code Map<String, Object>} or {@code List<Object>}; null for any other type.
   */
  static @Nullable Codec<?> forType(Type type) {
    if (type == Object.class) {
      return Codec.ANY;
    }
    if (!(type instanceof ParameterizedType)) {
      return null;
    }
    ParameterizedType parameterized = (ParameterizedType) type;
    Type[] arguments = parameterized.getActualTypeArguments();
    Type raw = parameterized.getRawType();
    if ((raw == Map.class || raw == LinkedHashMap.class) && arguments[0] == String.class && arguments[1] == Object.class) {
      return Containers.MAP;
    }
    if ((raw == List.class || raw == Collection.class || raw == ArrayList.class) && arguments[0] == Object.class) {
      return Containers.LIST;
    }
    return null;
  }

  @Override
  Object read(JsonIn in) throws IOException {
    Object value = readNullable(in);
    if (value == null) {
      throw in.mismatch("a value", Token.NULL);
    }
    return value;
  }

  /** Reads any JSON value, JSON null included. */
  static @Nullable Object readNullable(JsonIn in) throws IOException {
    Token token = in.peek();
    switch (token) {
      case BEGIN_OBJECT:
        return readObject(in);
      case BEGIN_ARRAY:
        List<@Nullable Object> array = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
          array.add(readNullable(in));
        }
        in.endArray();
        return array;
      case STRING:
        return in.nextString();
      case NUMBER:
        return number(in);
      case BOOLEAN:
        return in.nextBoolean();
      case NULL:
        in.nextNull();
        return null;
      default:
        throw in.mismatch("a value", token);
    }
  }

  /** Reads a JSON object (the next token is BEGIN_OBJECT) into a map in arrival order. */
  static Map<String, @Nullable Object> readObject(JsonIn in) throws IOException {
    Map<String, @Nullable Object> object = new LinkedHashMap<>();
    in.beginObject();
    while (in.hasNext()) {
      String name = in.nextName();
      object.put(name, readNullable(in));
    }
    in.endObject();
    return object;
  }

  private static Number number(JsonIn in) throws IOException {
    String text = in.nextString();
    if (isIntegral(text)) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException beyondLong) {
        // Falls through: beyond 64 bits a double is the closest plain Java number.
      }
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw JsonDecodingException.invalid(in.lastValuePath(), "a number within the range of a double", text);
    }
    return value;
  }

  private static boolean isIntegral(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return false;
      }
    }
    return true;
  }

  @Override
  void write(JsonOut out, Object value) throws IOException {
    writeNullable(out, value, "value");
  }

  /**
   * Writes any value {@link #checkEncodable} accepts; {@code where} (the property) names it in an
   * error. It is passed down unchanged rather than extended per entry, so that encoding builds no
   * strings; {@link #checkEncodable} gives the exact path when the value is put.
   */
  @SuppressWarnings("unchecked")
  static void writeNullable(JsonOut out, @Nullable Object value, String where) throws IOException {
    if (value == null) {
      out.explicitNull();
    } else if (value instanceof String) {
      out.value((String) value);
    } else if (value instanceof Boolean) {
      out.value(((Boolean) value).booleanValue());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.value(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.value(finite(((Number) value).doubleValue(), where));
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      out.number((Number) value);
    } else if (value instanceof Map) {
      out.beginObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        out.name(String.valueOf(entry.getKey()));
        writeNullable(out, entry.getValue(), where);
      }
      out.endObject();
    } else if (value instanceof Iterable) {
      out.beginArray();
      for (Object item : (Iterable<?>) value) {
        writeNullable(out, item, where);
      }
      out.endArray();
    } else if (value instanceof ApiObject) {
      ApiObject model = (ApiObject) value;
      ((ModelCodec<ApiObject>) model.schema().codec()).write(out, model);
    } else if (value instanceof ApiEnum) {
      out.value(((ApiEnum) value).value());
    } else if (value instanceof OffsetDateTime) {
      DATE_TIME.write(out, (OffsetDateTime) value);
    } else if (value instanceof LocalDate) {
      DATE.write(out, (LocalDate) value);
    } else if (value instanceof UUID) {
      UUID.write(out, (UUID) value);
    } else if (value instanceof byte[]) {
      BYTES.write(out, (byte[]) value);
    } else {
      throw notEncodable(value, where);
    }
  }

  /**
   * Checks, when a caller puts a free-form value, that it can be sent, so that the mistake shows
   * where it is made rather than when the request is encoded.
   *
   * @throws IllegalArgumentException naming {@code where} and the offending type
   */
  static void checkEncodable(@Nullable Object value, String where) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigDecimal
        || value instanceof BigInteger || value instanceof ApiObject || value instanceof ApiEnum
        || value instanceof OffsetDateTime || value instanceof LocalDate || value instanceof UUID || value instanceof byte[]) {
      return;
    }
    if (value instanceof Double || value instanceof Float) {
      finite(((Number) value).doubleValue(), where);
    } else if (value instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        checkEncodable(entry.getValue(), where + "." + entry.getKey());
      }
    } else if (value instanceof Iterable) {
      int index = 0;
      for (Object item : (Iterable<?>) value) {
        checkEncodable(item, where + "[" + index++ + "]");
      }
    } else {
      throw notEncodable(value, where);
    }
  }

  private static IllegalArgumentException notEncodable(Object value, String where) {
    return new IllegalArgumentException(where + " is a " + value.getClass().getName() + ", which has no JSON form; use null, "
        + "String, Number, Boolean, List, Map, a generated model or enum, OffsetDateTime, LocalDate, UUID or byte[]");
  }
}
