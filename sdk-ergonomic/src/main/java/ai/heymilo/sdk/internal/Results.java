package ai.heymilo.sdk.internal;

import ai.heymilo.model.ListEnvelope;
import ai.heymilo.model.SingleEnvelope;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.errors.InvalidResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Shapes a decoded answer into what a generated service returns, by the operation's result kind. */
final class Results {
  /** The largest binary body read into memory: 20 MiB. The {@code open…} methods stream one of any size. */
  static final long MAX_BINARY_BYTES = 20L * 1024 * 1024;

  private Results() {}

  /**
   * The {@code {data, meta}} envelope's data, with {@code meta} kept on the raw response.
   *
   * @throws InvalidResponseException if the response has no {@code data}
   */
  static <T> RawResponse<T> single(RawResponse<? extends SingleEnvelope<T>> raw) {
    SingleEnvelope<T> envelope = raw.data();
    T data = envelope.getData();
    if (data == null) {
      throw new InvalidResponseException("The " + raw.statusCode() + " response has no 'data'", raw.statusCode(), "$.data", null);
    }
    return raw.withData(data, envelope.getMeta());
  }

  /** The items of a {@code {data, pagination}} envelope answered in one piece; empty if the server sent none. */
  static <T> RawResponse<List<T>> items(RawResponse<? extends ListEnvelope<T>> raw) {
    List<T> items = raw.data().getData();
    return raw.withData(items == null ? Collections.<T>emptyList() : Collections.unmodifiableList(items), null);
  }

  /** A returned map, read-only; empty if the server left it out. */
  static <K, V> Map<K, V> orEmpty(@Nullable Map<K, V> map) {
    return map == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A returned list, read-only; empty if the server left it out. */
  static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? Collections.emptyList() : Collections.unmodifiableList(list);
  }

  /**
   * A binary body read completely into memory, refusing one over {@link #MAX_BINARY_BYTES}; always closes it.
   *
   * @throws InvalidResponseException if the body is larger than that
   * @throws ai.heymilo.sdk.errors.ApiConnectionException if the connection fails while it is read
   */
  static RawResponse<byte[]> bytes(RawResponse<ResponseBody> raw) {
    try (ResponseBody body = raw.data()) {
      long declared = body.contentLength();
      if (declared > MAX_BINARY_BYTES) {
        throw tooLarge(raw.statusCode(), "declares " + declared + " bytes");
      }
      BufferedSource source = body.source();
      if (source.request(MAX_BINARY_BYTES + 1)) {
        throw tooLarge(raw.statusCode(), "is longer than that");
      }
      return raw.withData(source.readByteArray(), null);
    } catch (IOException e) {
      throw Transport.connectionFailure("while reading a binary response body", e);
    }
  }

  /** A binary body as an open stream; the caller closes it, which releases the connection. */
  static RawResponse<InputStream> stream(RawResponse<ResponseBody> raw) {
    return raw.withData(raw.data().byteStream(), null);
  }

  private static InvalidResponseException tooLarge(int statusCode, String detail) {
    return new InvalidResponseException("The response body " + detail + "; at most " + MAX_BINARY_BYTES
        + " bytes (20 MiB) are read into memory: use the open… method of the same operation to stream it", statusCode, null, null);
  }
}
