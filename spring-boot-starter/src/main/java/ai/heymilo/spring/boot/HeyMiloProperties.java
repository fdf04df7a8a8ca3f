package ai.heymilo.spring.boot;

import ai.heymilo.sdk.JsonLibrary;
import ai.heymilo.sdk.LogLevel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code heymilo.*} settings of the auto-configured {@link ai.heymilo.sdk.HeyMiloClient}; each one is
 * the client builder's setting of the same name, with the same default.
 *
 * <pre>{@code
 * heymilo.api-key=${HEYMILO_API_KEY}
 * heymilo.timeout=30s
 * heymilo.rate-limit.type=local
 * }</pre>
 *
 * <p>A mutable JavaBean because Spring binds it; the client built from it is immutable.
 */
@ConfigurationProperties(prefix = "heymilo")
public class HeyMiloProperties {
  /**
   * API key, sent as X-API-KEY. Required unless bearer-token is set; the environment variable HEYMILO_API_KEY
   * sets it too.
   */
  private @Nullable String apiKey;

  /** OAuth bearer token, sent as "Authorization: Bearer ...", instead of an API key. */
  private @Nullable String bearerToken;

  /** Workspace to act in (X-Workspace-Id); needed by OAuth callers with several workspaces. */
  private @Nullable String workspaceId;

  /** Base URL of the API; plain http is allowed only for loopback hosts (the sandbox, tests). */
  private String baseUrl = "https://api.heymilo.ai";

  /** Limit for one attempt of a call, from sending to the end of the body. */
  private Duration timeout = Duration.ofSeconds(60);

  /** Limit for establishing a connection. */
  private Duration connectTimeout = Duration.ofSeconds(10);

  /** Longest silence while reading a response. */
  private Duration readTimeout = Duration.ofSeconds(30);

  /** Longest stall while sending a request body. */
  private Duration writeTimeout = Duration.ofSeconds(30);

  /** How many times a failed request is retried: connection failures, 408, 429, 5xx; idempotent requests only, except 429. */
  private int maxRetries = 2;

  /** Longest Retry-After the client sleeps through before retrying; a longer one fails the call with RateLimitException. */
  private Duration maxRetryAfter = Duration.ofSeconds(60);

  /** How many requests may be in flight at once (OkHttp's dispatcher limits and the async thread pool). */
  private int maxConcurrentRequests = 16;

  /** JSON library: GSON, or MOSHI (needs com.squareup.moshi:moshi and converter-moshi on the class path). */
  private JsonLibrary jsonLibrary = JsonLibrary.GSON;

  /** How much of each exchange is logged through System.Logger "ai.heymilo.sdk.http" (credentials always masked). */
  private LogLevel logLevel = LogLevel.NONE;

  /** Client-side pacing of requests. */
  private final RateLimit rateLimit = new RateLimit();

  /** The webhook endpoint (Spring MVC), off unless heymilo.webhooks.path is set. */
  private final Webhooks webhooks = new Webhooks();

  public @Nullable String getApiKey() {
    return apiKey;
  }

  public void setApiKey(@Nullable String apiKey) {
    this.apiKey = apiKey;
  }

  public @Nullable String getBearerToken() {
    return bearerToken;
  }

  public void setBearerToken(@Nullable String bearerToken) {
    this.bearerToken = bearerToken;
  }

  public @Nullable String getWorkspaceId() {
    return workspaceId;
  }

  public void setWorkspaceId(@Nullable String workspaceId) {
    this.workspaceId = workspaceId;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public Duration getWriteTimeout() {
    return writeTimeout;
  }

  public void setWriteTimeout(Duration writeTimeout) {
    this.writeTimeout = writeTimeout;
  }

  public int getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  public Duration getMaxRetryAfter() {
    return maxRetryAfter;
  }

  public void setMaxRetryAfter(Duration maxRetryAfter) {
    this.maxRetryAfter = maxRetryAfter;
  }

  public int getMaxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  public void setMaxConcurrentRequests(int maxConcurrentRequests) {
    this.maxConcurrentRequests = maxConcurrentRequests;
  }

  public JsonLibrary getJsonLibrary() {
    return jsonLibrary;
  }

  public void setJsonLibrary(JsonLibrary jsonLibrary) {
    this.jsonLibrary = jsonLibrary;
  }

  public LogLevel getLogLevel() {
    return logLevel;
  }

  public void setLogLevel(LogLevel logLevel) {
    this.logLevel = logLevel;
  }

  public Webhooks getWebhooks() {
    return webhooks;
  }

  public RateLimit getRateLimit() {
    return rateLimit;
  }

  /** Which limiter paces the client's requests. */
  public enum RateLimitType {
    /** No client-side pacing: only the API's 429 answers (retried after Retry-After) slow the client. */
    NONE,
    /** Pacing in this process: the client never sends more than permits per window (HeyMiloClient.Builder.rateLimit). */
    LOCAL,
    /** One budget per API key shared by every process through Redis (needs ai.heymilo:heymilo-ratelimit-redis). */
    REDIS
  }

  /** What a Redis limiter does while Redis is unreachable (see RedisOutagePolicy of heymilo-ratelimit-redis). */
  public enum OutagePolicy {
    /** Go on, each process pacing itself to the whole limit; one warning per outage. */
    FAIL_OPEN,
    /** Send nothing: calls fail with RateLimiterUnavailableException. */
    FAIL_CLOSED
  }

  /** {@code heymilo.rate-limit.*} */
  public static class RateLimit {
    /** Which limiter paces requests: none, local (this process) or redis (the whole fleet). */
    private RateLimitType type = RateLimitType.NONE;

    /** Requests allowed per window; HeyMilo documents 300 per minute per API key. */
    private int permits = 300;

    /** The window the permits are counted over. */
    private Duration window = Duration.ofMinutes(1);

    /** The shared budget in Redis, for type redis. */
    private final Redis redis = new Redis();

    public RateLimitType getType() {
      return type;
    }

    public void setType(RateLimitType type) {
      this.type = type;
    }

    public int getPermits() {
      return permits;
    }

    public void setPermits(int permits) {
      this.permits = permits;
    }

    public Duration getWindow() {
      return window;
    }

    public void setWindow(Duration window) {
      this.window = window;
    }

    public Redis getRedis() {
      return redis;
    }
  }

  /** {@code heymilo.rate-limit.redis.*} */
  public static class Redis {
    /** Redis server as a Lettuce URI, such as redis://host:6379 or rediss://:password@host:6380/0. Required for type redis. */
    private @Nullable String uri;

    /** Prefix of the Redis keys that hold the budgets; each key ends in the SHA-256 of the API key, never the key. */
    private String keyPrefix = "heymilo:ratelimit:";

    /** Requests that may leave at once after a quiet spell; unset: 2 % of permits (6 of 300). */
    private @Nullable Integer burst;

    /** Extra refill time that absorbs requests reaching the API later than planned; unset: 1 % of the window, at least 50 ms. */
    private @Nullable Duration safetyMargin;

    /** Longest a request waits for Redis before Redis counts as down. */
    private Duration commandTimeout = Duration.ofMillis(500);

    /** Limit for connecting to Redis (and for its handshake); startup waits at most twice this. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** How often one request tries Redis again during an outage. */
    private Duration retryInterval = Duration.ofSeconds(1);

    /** What happens to requests while Redis is unreachable. */
    private OutagePolicy outagePolicy = OutagePolicy.FAIL_OPEN;

    public @Nullable String getUri() {
      return uri;
    }

    public void setUri(@Nullable String uri) {
      this.uri = uri;
    }

    public String getKeyPrefix() {
      return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    public @Nullable Integer getBurst() {
      return burst;
    }

    public void setBurst(@Nullable Integer burst) {
      this.burst = burst;
    }

    public @Nullable Duration getSafetyMargin() {
      return safetyMargin;
    }

    public void setSafetyMargin(@Nullable Duration safetyMargin) {
      this.safetyMargin = safetyMargin;
    }

    public Duration getCommandTimeout() {
      return commandTimeout;
    }

    public void setCommandTimeout(Duration commandTimeout) {
      this.commandTimeout = commandTimeout;
    }

    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public Duration getRetryInterval() {
      return retryInterval;
    }

    public void setRetryInterval(Duration retryInterval) {
      this.retryInterval = retryInterval;
    }

    public OutagePolicy getOutagePolicy() {
      return outagePolicy;
    }

    public void setOutagePolicy(OutagePolicy outagePolicy) {
      this.outagePolicy = outagePolicy;
    }
  }

  /** {@code heymilo.webhooks.*} */
  public static class Webhooks {
    /**
     * Path of the webhook endpoint, such as /heymilo/webhooks; unset: no endpoint. Deliveries are POSTed here and
     * answered 204 once accepted.
     */
    private @Nullable String path;

    /**
     * Shared secret every delivery must carry (compared in constant time, never logged): in the query parameter
     * named by secret-parameter, or in the header named by secret-header. Unset: no check; keep the URL secret.
     */
    private @Nullable String secret;

    /** Query parameter carrying the secret, as in the URL registered with HeyMilo: https://…/heymilo/webhooks?token=… */
    private String secretParameter = "token";

    /** Header carrying the secret instead of the query parameter, for a gateway in front of the service that adds one. */
    private @Nullable String secretHeader;

    /** Largest body accepted, in bytes (default 1 MiB); a larger one is answered 413. */
    private int maxBodyBytes = 1048576;

    /** Header carrying a delivery id that is the same on every retry of one event, to recognise repeats by; unset: none. */
    private @Nullable String deliveryIdHeader;

    public @Nullable String getPath() {
      return path;
    }

    public void setPath(@Nullable String path) {
      this.path = path;
    }

    public @Nullable String getSecret() {
      return secret;
    }

    public void setSecret(@Nullable String secret) {
      this.secret = secret;
    }

    public String getSecretParameter() {
      return secretParameter;
    }

    public void setSecretParameter(String secretParameter) {
      this.secretParameter = secretParameter;
    }

    public @Nullable String getSecretHeader() {
      return secretHeader;
    }

    public void setSecretHeader(@Nullable String secretHeader) {
      this.secretHeader = secretHeader;
    }

    public int getMaxBodyBytes() {
      return maxBodyBytes;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }

    public @Nullable String getDeliveryIdHeader() {
      return deliveryIdHeader;
    }

    public void setDeliveryIdHeader(@Nullable String deliveryIdHeader) {
      this.deliveryIdHeader = deliveryIdHeader;
    }
  }
}
