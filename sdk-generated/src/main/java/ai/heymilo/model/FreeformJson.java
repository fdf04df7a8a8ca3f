package ai.heymilo.model;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;

/** Rules shared by the Gson and Moshi adapters for free-form JSON values. */
final class FreeformJson {
  private FreeformJson() {}

  /**
   * True for property types that hold free-form JSON: {@code Object} itself or a container of it
   * ({@code Map<String, Object>}, {@code List<Map<String, Object>>}, …). Those are decoded by the
   * free-form adapter so that numbers keep their integer-ness whatever the JSON library's defaults.
   */
  static boolean isFreeform(Type type) {
    if (type == Object.class) {
      return true;
    }
    if (type instanceof ParameterizedType) {
      for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
        if (isFreeform(argument)) {
          return true;
        }
      }
    }
    if (type instanceof WildcardType) {
      for (Type bound : ((WildcardType) type).getUpperBounds()) {
        if (isFreeform(bound)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The class a decoded free-form value must be an instance of to fit a property of {@code type}. */
  static Class<?> rawType(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return rawType(((ParameterizedType) type).getRawType());
    }
    return Object.class;
  }

  /** Names a Java type the way a JSON reader would: object, array, string, number, boolean. */
  static String describe(Type type) {
    Class<?> raw = rawType(type);
    if (java.util.Map.class.isAssignableFrom(raw) || ApiObject.class.isAssignableFrom(raw)) {
      return "an object";
    }
    if (java.util.List.class.isAssignableFrom(raw)) {
      return "an array";
    }
    if (raw == String.class || ApiEnum.class.isAssignableFrom(raw)) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(raw)) {
      return "a number";
    }
    if (raw == Boolean.class) {
      return "a boolean";
    }
    return "a value";
  }

  /** An integral JSON number becomes a {@code Long} (if it fits), any other a {@code Double}. */
  static Number parseNumber(String text) {
    boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    if (integral) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLarge) {
        // Falls through: beyond long range, a double is the closest plain Java number.
      }
    }
    return Double.parseDouble(text);
  }
}
