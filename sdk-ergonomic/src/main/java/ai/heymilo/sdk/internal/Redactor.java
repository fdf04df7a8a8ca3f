package ai.heymilo.sdk.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Removes the client's own credentials — the API key and the bearer token, raw and in their URL-encoded forms — from
 * text that the SDK shows: exception messages, error bodies, response headers and log lines. A server that echoes the
 * key back (in an error body, a {@code Location} header, a URL) must not make it appear there.
 */
final class Redactor {
  static final String MASK = "[redacted]";
  static final Redactor NONE = new Redactor(null, null);

  private final List<String> secrets;

  Redactor(@Nullable String apiKey, @Nullable String bearerToken) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : new String[] {apiKey, bearerToken}) {
      if (secret == null || secret.isEmpty()) {
        continue;
      }
      forms.add(secret);
      forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
      forms.add(HttpUrl.get("http://h/").newBuilder().addPathSegment(secret).build().encodedPath().substring(1));
    }
    List<String> longestFirst = new ArrayList<>(forms);
    // An encoded form may contain the raw one; replacing the longer first leaves no fragment behind.
    longestFirst.sort((a, b) -> Integer.compare(b.length(), a.length()));
    this.secrets = List.copyOf(longestFirst);
  }

  /** {@code text} with every credential form replaced by {@value #MASK}. */
  String redact(@Nullable String text) {
    if (text == null || secrets.isEmpty()) {
      return text == null ? "" : text;
    }
    String result = text;
    for (String secret : secrets) {
      if (result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }

  /** Whether {@code text} holds a credential. */
  boolean reveals(@Nullable String text) {
    if (text == null) {
      return false;
    }
    for (String secret : secrets) {
      if (text.contains(secret)) {
        return true;
      }
    }
    return false;
  }

  /** {@code headers} with credentials removed from every value; the same instance if none holds one. */
  Headers redact(Headers headers) {
    boolean any = false;
    for (int i = 0; i < headers.size() && !any; i++) {
      any = reveals(headers.value(i));
    }
    if (!any) {
      return headers;
    }
    Headers.Builder clean = new Headers.Builder();
    for (int i = 0; i < headers.size(); i++) {
      clean.addUnsafeNonAscii(headers.name(i), redact(headers.value(i)));
    }
    return clean.build();
  }

  /** A header map with credentials removed from every value. */
  Map<String, List<String>> redact(Map<String, List<String>> headers) {
    Map<String, List<String>> clean = new java.util.LinkedHashMap<>();
    headers.forEach((name, values) -> {
      List<String> redacted = new ArrayList<>(values.size());
      values.forEach(value -> redacted.add(redact(value)));
      clean.put(name, redacted);
    });
    return clean;
  }
}
