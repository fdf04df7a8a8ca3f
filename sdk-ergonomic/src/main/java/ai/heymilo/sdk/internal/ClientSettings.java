package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.JsonLibrary;
import ai.heymilo.sdk.LogLevel;
import ai.heymilo.sdk.RateLimit;
import ai.heymilo.sdk.RequestLimiter;
import ai.heymilo.sdk.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;

/** The validated configuration of one client, handed from the public builder to {@link ClientRuntime}. */
public final class ClientSettings {
  public HttpUrl baseUrl = HttpUrl.get("https://api.heymilo.ai/");
  public @Nullable String apiKey;
  public @Nullable String bearerToken;
  public @Nullable String workspaceId;
  public int maxRetries = 2;
  public Duration maxRetryAfter = Duration.ofSeconds(60);
  public Duration connectTimeout = Duration.ofSeconds(10);
  public Duration readTimeout = Duration.ofSeconds(30);
  public Duration writeTimeout = Duration.ofSeconds(30);
  public Duration callTimeout = Duration.ofSeconds(60);
  public int maxConcurrentRequests = 16;
  public JsonLibrary jsonLibrary = JsonLibrary.GSON;
  public LogLevel logLevel = LogLevel.NONE;
  public HttpLoggingInterceptor.@Nullable Logger logSink;
  /** The caller's client, or (for a derived client) the parent's base client; null: create one. */
  public @Nullable OkHttpClient okHttpClient;
  public Clock clock = Clock.systemUTC();
  public Sleeper sleeper = Sleeper.SYSTEM;
  public @Nullable ScheduledExecutorService scheduler;
  /** The pending waits webhook events wake; shared with derived clients. Null: the runtime makes its own. */
  @Nullable WaitWakeups wakeups;
  public @Nullable RateLimit rateLimit;
  /** Creates the client's limiter; null: no limiter. Set by {@code rateLimit(...)} or {@code rateLimiter(...)}. */
  public RequestLimiter.@Nullable Factory limiterFactory;
  public DoubleSupplier random = () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();

  /** Returns a field-by-field copy. */
  public ClientSettings copy() {
    ClientSettings copy = new ClientSettings();
    copy.baseUrl = baseUrl;
    copy.apiKey = apiKey;
    copy.bearerToken = bearerToken;
    copy.workspaceId = workspaceId;
    copy.maxRetries = maxRetries;
    copy.maxRetryAfter = maxRetryAfter;
    copy.connectTimeout = connectTimeout;
    copy.readTimeout = readTimeout;
    copy.writeTimeout = writeTimeout;
    copy.callTimeout = callTimeout;
    copy.maxConcurrentRequests = maxConcurrentRequests;
    copy.jsonLibrary = jsonLibrary;
    copy.logLevel = logLevel;
    copy.logSink = logSink;
    copy.okHttpClient = okHttpClient;
    copy.clock = clock;
    copy.sleeper = sleeper;
    copy.scheduler = scheduler;
    copy.wakeups = wakeups;
    copy.rateLimit = rateLimit;
    copy.limiterFactory = limiterFactory;
    copy.random = random;
    return copy;
  }
}
