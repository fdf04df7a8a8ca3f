package ai.heymilo.sdk.webhooks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One delivery as received: the raw body, a header lookup and, if known, the query string. This is what
 * {@link WebhookHandler#handle(WebhookRequest)} and a {@link WebhookVerifier} read.
 *
 * <pre>{@code
 * // Servlet: the query string carries the shared secret the webhook URL was registered with.
 * WebhookRequest delivery = WebhookRequest.of(body, request::getHeader).withQuery(request.getQueryString());
 * }</pre>
 *
 * <p>Immutable and thread-safe as long as the body array is not changed after {@link #of} (it is not copied, so a
 * large body is not held twice).
 */
public final class WebhookRequest {
  private final byte[] body;
  private final Function<String, @Nullable String> headers;
  private final @Nullable String rawQuery;

  private WebhookRequest(byte[] body, Function<String, @Nullable String> headers, @Nullable String rawQuery) {
    this.body = body;
    this.headers = headers;
    this.rawQuery = rawQuery;
  }

  /**
   * Returns a delivery of {@code body} whose headers {@code headers} looks up.
   *
   * @param body the request body exactly as received; not copied
   * @param headers returns the first value of a header, matching its name case-insensitively as HTTP requires, or
   *     null: {@code request::getHeader} (servlet), {@code headers::getFirst} (Spring {@code HttpHeaders}, JDK
   *     {@code Headers})
   * @throws IllegalArgumentException if either is null
   */
  public static WebhookRequest of(byte[] body, Function<String, @Nullable String> headers) {
    if (body == null) {
      throw new IllegalArgumentException("body must not be null; pass the raw request body (an empty array if none)");
    }
    if (headers == null) {
      throw new IllegalArgumentException("headers must not be null; pass a lookup such as request::getHeader, "
          + "or name -> null if there are none");
    }
    return new WebhookRequest(body, headers, null);
  }

  /**
   * Returns a copy with the request's query string, still percent-encoded as in {@code URI.getRawQuery()} or a
   * servlet's {@code getQueryString()}; null for none. Needed only by
   * {@link WebhookVerifier#sharedSecretQueryParameter}.
   */
  public WebhookRequest withQuery(@Nullable String rawQuery) {
    return new WebhookRequest(body, headers, rawQuery);
  }

  /** Returns a copy of the raw body, for a verifier that computes a signature over it. */
  public byte[] body() {
    return body.clone();
  }

  /** Returns the body's length in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /** The body itself, without a copy, for the handler. */
  byte[] bodyBytes() {
    return body;
  }

  /** Returns the first value of header {@code name}, or null if the delivery did not carry it. */
  public @Nullable String header(String name) {
    return headers.apply(name);
  }

  /**
   * Returns the first value of query parameter {@code name}, percent-decoded as UTF-8, or null if absent or no
   * query string was given with {@link #withQuery}.
   */
  public @Nullable String queryParameter(String name) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    for (String pair : rawQuery.split("&", -1)) {
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (key.equals(name)) {
        return equals < 0 ? "" : decode(pair.substring(equals + 1));
      }
    }
    return null;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      // A malformed escape such as "%zz" cannot be the secret; compare it as sent.
      return text;
    }
  }

  /** Names the body's size only: headers and the query may carry a secret, the body personal data. */
  @Override
  public String toString() {
    return "WebhookRequest{bodyLength=" + body.length + "}";
  }
}
