package ai.heymilo.sdk.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/** Response headers as the public types expose them: read-only, looked up ignoring case. */
public final class HeaderMaps {
  /** Where HeyMilo (or a proxy in front of it) may put the request id, in order of preference. */
  private static final List<String> REQUEST_ID_HEADERS = List.of("X-Request-Id", "Request-Id");

  private HeaderMaps() {}

  /**
   * Returns a read-only copy whose lookups ignore case. A map from {@link #view} is returned as is:
   * it is read-only and ignores case already.
   */
  public static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
    if (headers instanceof HeadersView) {
      return headers;
    }
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Returns OkHttp's immutable headers as a read-only map whose lookups ignore case — without copying.
   * Every successful response carries its headers, and most callers never look at them: building the
   * multimap ({@code Headers.toMultimap()}, then a case-insensitive copy) on every call cost about
   * 1.2 KB and a microsecond per response. Lookups ({@code get}, {@code containsKey}) read the
   * headers directly; iterating builds the map once (lower-case names, like
   * {@code Headers.toMultimap()}; read-only value lists).
   */
  public static Map<String, List<String>> view(Headers headers) {
    return new HeadersView(headers);
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

  /** See {@link #view}. Thread-safe: the headers are immutable, and threads racing to iterate build equal maps. */
  private static final class HeadersView extends AbstractMap<String, List<String>> {
    private final Headers headers;
    private volatile @Nullable Map<String, List<String>> map;

    HeadersView(Headers headers) {
      this.headers = headers;
    }

    @Override
    public @Nullable List<String> get(@Nullable Object name) {
      if (!(name instanceof String)) {
        return null;
      }
      List<String> values = headers.values((String) name); // case-insensitive, read-only
      return values.isEmpty() ? null : values;
    }

    @Override
    public boolean containsKey(@Nullable Object name) {
      return name instanceof String && headers.get((String) name) != null;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
      return map().entrySet();
    }

    @Override
    public int size() {
      return map().size();
    }

    private Map<String, List<String>> map() {
      Map<String, List<String>> built = map;
      if (built == null) {
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.toMultimap().forEach((name, values) -> byName.put(name, Collections.unmodifiableList(values)));
        built = Collections.unmodifiableMap(byName);
        map = built;
      }
      return built;
    }
  }
}
