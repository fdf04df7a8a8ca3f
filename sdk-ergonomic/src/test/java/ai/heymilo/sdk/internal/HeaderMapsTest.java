package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.RawResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class HeaderMapsTest {
  private final Headers headers = Headers.of(
      "Content-Type", "application/json",
      "X-Request-Id", "req_7",
      "Set-Cookie", "a=1",
      "Set-Cookie", "b=2");

  @Test
  void view_lookupsIgnoreCase() {
    Map<String, List<String>> view = HeaderMaps.view(headers);

    assertEquals(List.of("req_7"), view.get("x-request-id"));
    assertEquals(List.of("req_7"), view.get("X-REQUEST-ID"));
    assertEquals(List.of("a=1", "b=2"), view.get("set-cookie"));
    assertTrue(view.containsKey("content-TYPE"));
    assertEquals("req_7", HeaderMaps.requestId(view));
  }

  @Test
  void view_absentHeader_isNull() {
    Map<String, List<String>> view = HeaderMaps.view(headers);

    assertNull(view.get("Retry-After"));
    assertNull(view.get(42));
    assertFalse(view.containsKey("Retry-After"));
    assertNull(HeaderMaps.first(view, "Retry-After"));
  }

  @Test
  void view_iteratesLikeToMultimap() {
    Map<String, List<String>> view = HeaderMaps.view(headers);

    assertEquals(headers.toMultimap(), view);
    assertEquals(new TreeMap<>(headers.toMultimap()).keySet(), view.keySet());
    assertEquals(3, view.size());
    assertEquals(headers.toMultimap().hashCode(), view.hashCode());
  }

  @Test
  void view_isReadOnly_keysAndValues() {
    Map<String, List<String>> view = HeaderMaps.view(headers);

    assertThrows(UnsupportedOperationException.class, () -> view.put("X-Extra", List.of("1")));
    assertThrows(UnsupportedOperationException.class, () -> view.get("Set-Cookie").add("c=3"));
    assertThrows(UnsupportedOperationException.class, () -> view.values().iterator().next().clear());
    assertThrows(UnsupportedOperationException.class, () -> view.entrySet().clear());
  }

  @Test
  void caseInsensitiveCopy_ofAView_isTheViewItself() {
    Map<String, List<String>> view = HeaderMaps.view(headers);

    assertSame(view, HeaderMaps.caseInsensitiveCopy(view));
    assertSame(view, RawResponse.of(200, view, "data").headers());
  }

  @Test
  void caseInsensitiveCopy_ofAPlainMap_copies() {
    Map<String, List<String>> plain = new TreeMap<>(Map.of("X-Request-Id", List.of("req_8")));

    Map<String, List<String>> copy = HeaderMaps.caseInsensitiveCopy(plain);
    plain.clear();

    assertEquals(List.of("req_8"), copy.get("x-request-id"));
    assertThrows(UnsupportedOperationException.class, () -> copy.put("a", List.of()));
  }
}
