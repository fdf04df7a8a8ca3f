package ai.heymilo.sdk;

/**
 * How much of each HTTP exchange the client logs, through {@link System.Logger} (logger name
 * {@code ai.heymilo.sdk.http}, level {@code DEBUG}; route it to SLF4J or JUL as usual).
 * Credential headers ({@code X-API-KEY}, {@code Authorization}) and cookies are always masked.
 */
public enum LogLevel {
  /** Nothing (the default). */
  NONE,
  /** Method, URL, status, duration and body size. */
  BASIC,
  /** {@link #BASIC} plus request and response headers (credentials masked). */
  HEADERS,
  /** {@link #HEADERS} plus bodies. Bodies hold candidates' personal data: use only while debugging. */
  BODY
}
