package ai.heymilo.sdk.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Remembers, per thread, the status of the response being decoded, so that a body that fails to
 * decode is reported with its real status (201, 202, …).
 *
 * <p>Retrofit hands a converter only the body. OkHttp runs a call's interceptors and Retrofit its
 * converter on the same thread — the caller's for {@code execute}, a dispatcher thread for
 * {@code enqueue} — so an interceptor can leave the status where the converter wrapper finds it.
 * One instance per client; nothing is shared between clients.
 */
final class LastResponseStatus implements Interceptor {
  private final ThreadLocal<Integer> status = new ThreadLocal<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    status.set(response.code());
    return response;
  }

  /** The status of the last response on this thread, or 200 if none was seen. */
  int get() {
    Integer code = status.get();
    return code == null ? 200 : code;
  }
}
