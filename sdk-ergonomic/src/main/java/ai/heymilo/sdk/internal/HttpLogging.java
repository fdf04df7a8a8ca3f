package ai.heymilo.sdk.internal;

import ai.heymilo.model.PersonalData;
import ai.heymilo.sdk.LogLevel;
import java.lang.System.Logger.Level;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;

/**
 * Builds the logging interceptor for a {@link LogLevel}: OkHttp's logger writing to
 * {@link System.Logger} {@code ai.heymilo.sdk.http} at DEBUG, with credential and cookie headers
 * masked whatever their case, the client's own credentials removed from every line wherever they appear (a URL,
 * a {@code Location} header, a body that echoes them), and candidates' personal data masked in bodies unless revealed.
 */
final class HttpLogging {
  static final String LOGGER_NAME = "ai.heymilo.sdk.http";

  private HttpLogging() {}

  static @Nullable HttpLoggingInterceptor interceptor(LogLevel level, HttpLoggingInterceptor.Logger sink,
      Redactor redactor, boolean revealPersonalData) {
    if (level == LogLevel.NONE) {
      return null;
    }
    HttpLoggingInterceptor interceptor = new HttpLoggingInterceptor(revealPersonalData
        ? line -> sink.log(redactor.redact(line))
        : line -> sink.log(PersonalData.mask(redactor.redact(line))));
    interceptor.setLevel(okHttpLevel(level));
    for (String header : new String[] {CredentialInterceptor.API_KEY_HEADER, CredentialInterceptor.AUTHORIZATION_HEADER,
        "Proxy-Authorization", "Cookie", "Set-Cookie"}) {
      interceptor.redactHeader(header);
    }
    return interceptor;
  }

  /** Writes each line to the SDK's System.Logger at DEBUG. */
  static HttpLoggingInterceptor.Logger systemLogger() {
    System.Logger logger = System.getLogger(LOGGER_NAME);
    return message -> logger.log(Level.DEBUG, message);
  }

  private static HttpLoggingInterceptor.Level okHttpLevel(LogLevel level) {
    switch (level) {
      case BASIC: return HttpLoggingInterceptor.Level.BASIC;
      case HEADERS: return HttpLoggingInterceptor.Level.HEADERS;
      case BODY: return HttpLoggingInterceptor.Level.BODY;
      default: return HttpLoggingInterceptor.Level.NONE;
    }
  }
}
