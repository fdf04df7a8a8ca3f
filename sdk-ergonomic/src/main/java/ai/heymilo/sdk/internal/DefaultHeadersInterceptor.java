package ai.heymilo.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Identifies the SDK on every request: {@code User-Agent: heymilo-java/<version> Java/<runtime>}. */
final class DefaultHeadersInterceptor implements Interceptor {
  static final String USER_AGENT = "heymilo-java/" + sdkVersion() + " Java/" + System.getProperty("java.version");

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("User-Agent", USER_AGENT).build());
  }

  /** The version the build wrote into {@code version.properties}; "unknown" if it is missing. */
  static String sdkVersion() {
    try (InputStream in = DefaultHeadersInterceptor.class.getResourceAsStream("/ai/heymilo/sdk/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
