package ai.heymilo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.heymilo.model.JsonRoundTrip.Library;
import com.google.gson.reflect.TypeToken;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Free-form values outside any model — a {@code Map<String, Object>} response such as the health
 * check, a bare {@code Object}, a {@code List<Object>} — decode the same with Gson and Moshi:
 * integral numbers as {@code Long}, others as {@code Double}.
 */
class FreeformTopLevelTest {
  private static final String BODY = "{\"status\": \"ok\", \"uptime\": 12345678901234, \"load\": 0.25, \"whole\": 2.0,"
      + " \"checks\": [{\"db\": true, \"ms\": 3}, null], \"none\": null}";
  private static final Map<String, Object> EXPECTED = expected();

  private static Map<String, Object> expected() {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("status", "ok");
    map.put("uptime", 12345678901234L);
    map.put("load", 0.25);
    map.put("whole", 2.0);
    map.put("checks", Arrays.asList(Map.of("db", true, "ms", 3L), null));
    map.put("none", null);
    return map;
  }

  private static Object decode(Library library, String json, Type gsonType, Type moshiType) throws IOException {
    return library == Library.GSON ? JsonRoundTrip.GSON.fromJson(json, gsonType) : JsonRoundTrip.MOSHI.adapter(moshiType).fromJson(json);
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void mapOfObjects_keepsIntegersAsLong(Library library) throws IOException {
    Object decoded = decode(library, BODY, new TypeToken<Map<String, Object>>() {}.getType(),
        Types.newParameterizedType(Map.class, String.class, Object.class));

    assertEquals(EXPECTED, decoded);
    assertEquals(List.copyOf(EXPECTED.keySet()), List.copyOf(((Map<?, ?>) decoded).keySet()), "arrival order");
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void bareObject_keepsIntegersAsLong(Library library) throws IOException {
    assertEquals(EXPECTED, decode(library, BODY, Object.class, Object.class));
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void listOfObjects_keepsIntegersAsLong(Library library) throws IOException {
    Object decoded = decode(library, "[1, 1.5, \"a\", [2]]", new TypeToken<List<Object>>() {}.getType(),
        Types.newParameterizedType(List.class, Object.class));

    assertEquals(List.of(1L, 1.5, "a", List.of(2L)), decoded);
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void mapOfObjects_encodesBackTheSameJson(Library library) throws IOException {
    Object decoded = decode(library, BODY, new TypeToken<Map<String, Object>>() {}.getType(),
        Types.newParameterizedType(Map.class, String.class, Object.class));

    String encoded = library == Library.GSON
        ? JsonRoundTrip.GSON.toJson(decoded, new TypeToken<Map<String, Object>>() {}.getType())
        : JsonRoundTrip.MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class)).toJson(decoded);
    JsonRoundTrip.assertSameJson(MergedSpec.MAPPER.readTree(BODY), encoded, "free-form map");
  }
}
