package ai.heymilo.sdk.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Response headers as the public types expose them: read-only, looked up ignoring case. */
public final class HeaderMaps {
  /** Where HeyMilo (or a proxy in front of it) may put the request id, in order of preference. */
  private static final List<String> REQUEST_ID_HEADERS = List.of("X-Request-Id", "Request-Id");

  private HeaderMaps() {}

  /** Returns a read-only copy whose lookups ignore case. */
  public static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    return Collections.unmodifiableMap(copy);
  }

  /** Returns the first value of a header, or null. */
  public static @Nullable String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Returns the request id the server assigned, or null. */
  public static @Nullable String requestId(Map<String, List<String>> headers) {
    for (String name : REQUEST_ID_HEADERS) {
      String id = first(headers, name);
      if (id != null) {
        return id;
      }
    }
    return null;
  }
}
