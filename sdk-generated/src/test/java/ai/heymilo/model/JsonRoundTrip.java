package ai.heymilo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.client.HeyMiloGson;
import ai.heymilo.client.HeyMiloMoshi;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Map;

/** Decodes and re-encodes JSON with both libraries and compares JSON values exactly. */
final class JsonRoundTrip {
  static final Gson GSON = HeyMiloGson.create();
  static final Moshi MOSHI = HeyMiloMoshi.create();

  /** Equal JSON values: numbers compare by value (7 equals 7.0), everything else exactly. */
  private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return 1;
  };

  private JsonRoundTrip() {}

  enum Library { GSON, MOSHI }

  static <T> T decode(Library library, String json, Class<T> type) {
    try {
      return library == Library.GSON ? GSON.fromJson(json, type) : MOSHI.adapter(type).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String encode(Library library, Object value) {
    return library == Library.GSON ? GSON.toJson(value) : MOSHI.adapter(Object.class).toJson(value);
  }

  /** Decodes {@code json} as {@code type}, encodes it again, asserts the same JSON, returns the model. */
  static <T> T assertRoundTrip(Library library, JsonNode json, Class<T> type) {
    T decoded = decode(library, json.toString(), type);
    assertTrue(type.isInstance(decoded), () -> library + " decoded " + decoded + " for " + type);
    assertSameJson(json, encode(library, decoded), library + " round trip of " + type.getSimpleName());
    return decoded;
  }

  static void assertSameJson(JsonNode expected, String actualJson, String what) {
    JsonNode actual;
    try {
      actual = MergedSpec.MAPPER.readTree(actualJson);
    } catch (JsonProcessingException e) {
      throw new AssertionError(what + ": not JSON: " + actualJson, e);
    }
    if (!expected.equals(SAME_VALUE, actual)) {
      assertEquals(expected.toPrettyString(), actual.toPrettyString(), what);
    }
  }

  /** Asserts no model in the graph captured an additional property: every property is declared. */
  static void assertNoUnknownProperties(Object value, String path) {
    if (value instanceof ApiObject) {
      ApiObject model = (ApiObject) value;
      assertEquals(Map.of(), model.getAdditionalProperties(), path + " has undeclared properties");
      for (ModelSchema.Property<?> property : model.schema().properties()) {
        @SuppressWarnings("unchecked")
        Object child = ((ModelSchema.Property<ApiObject>) property).get(model);
        assertNoUnknownProperties(child, path + "." + property.jsonName);
      }
    } else if (value instanceof Iterable) {
      int i = 0;
      for (Object item : (Iterable<?>) value) {
        assertNoUnknownProperties(item, path + "[" + i++ + "]");
      }
    }
  }
}
