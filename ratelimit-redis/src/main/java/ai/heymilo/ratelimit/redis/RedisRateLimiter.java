package ai.heymilo.ratelimit.redis;

import ai.heymilo.sdk.RateLimit;
import ai.heymilo.sdk.RequestLimiter;
import ai.heymilo.sdk.errors.ConfigurationException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A rate limit shared by every client that uses one API key, wherever it runs: the budget lives in
 * Redis (Bucket4j over Lettuce), so ten instances of a service together stay within HeyMilo's 300
 * requests per minute instead of each sending 300.
 *
 * <pre>{@code
 * RedisRateLimiter fleetLimit = RedisRateLimiter.builder()
 *     .redisUri("redis://redis.internal:6379")
 *     .build();
 * HeyMiloClient client = HeyMiloClient.builder()
 *     .apiKey(System.getenv("HEYMILO_API_KEY"))
 *     .rateLimiter(fleetLimit)
 *     .build();
 * ...
 * client.close();
 * fleetLimit.close();   // closes the Redis connection
 * }</pre>
 *
 * <p><b>Create one per process and share it</b> between clients: it holds one Redis connection (and
 * Lettuce's two small thread pools), is thread-safe, and {@link #close()} releases them. Every
 * attempt of every call (retries too) takes one token from the bucket of the client's key and waits
 * until its turn.
 *
 * <p><b>Keys.</b> A key's bucket is stored under {@code keyPrefix + "sha256:" + hex SHA-256 of the API
 * key} (or bearer token): the credential itself never reaches Redis. Keys expire once their bucket
 * would be full again, so idle keys cost nothing. Every process that shares a key must use the same
 * limit: the first writer's configuration is kept while the key exists. Bucket4j computes refills on
 * each process's wall clock, so the machines' clocks should agree (NTP); the safety margin absorbs
 * small differences.
 *
 * <p><b>Shape.</b> A burst of {@code burst} requests at once (default: 2 % of the limit), then
 * {@code permits − burst} per {@code window + safetyMargin}, refilled token by token. A server that
 * counts requests over a sliding window never sees more than the limit in any window; the textbook
 * bucket of {@code permits} per window would let twice the limit through in one.
 *
 * <p><b>When Redis is unreachable</b> nothing waits longer than the command timeout (default
 * 500 ms) or, at start, twice the connect timeout (default 2 s), and during an outage only one request per
 * retry interval (default 1 s) tries Redis again. By default the limiter fails open
 * ({@link RedisOutagePolicy#FAIL_OPEN}): one warning, then each process paces itself to the whole
 * limit until Redis answers, then one message saying so. With
 * {@link RedisOutagePolicy#FAIL_CLOSED} calls fail with {@link RateLimiterUnavailableException}
 * instead and nothing is sent. Building the limiter never fails because Redis is down.
 */
public final class RedisRateLimiter implements RequestLimiter.Factory, AutoCloseable {
  /** Where buckets are stored unless {@link Builder#keyPrefix(String)} says otherwise. */
  public static final String DEFAULT_KEY_PREFIX = "heymilo:ratelimit:";

  private static final Pattern BUDGET_KEY = Pattern.compile("sha256:[0-9a-f]{64}");

  private final RedisLink link;
  private final BudgetShape shape;
  private final String keyPrefix;
  private final RedisOutagePolicy policy;
  private final TimeMeter localClock;
  private final ConcurrentMap<String, Bucket> localBuckets = new ConcurrentHashMap<>();

  private RedisRateLimiter(RedisLink link, BudgetShape shape, String keyPrefix, RedisOutagePolicy policy, TimeMeter localClock) {
    this.link = link;
    this.shape = shape;
    this.keyPrefix = keyPrefix;
    this.policy = policy;
    this.localClock = localClock;
  }

  /** Returns a new builder; {@link Builder#redisUri(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the limiter of one client: {@code budgetKey} is the {@code sha256:…} hash that
   * {@code HeyMiloClient} passes. Clients with the same key share one budget.
   *
   * @throws IllegalArgumentException if {@code budgetKey} is not {@code sha256:} and 64 lower-case hex
   *     digits (so that no credential can end up in Redis by mistake)
   */
  @Override
  public RequestLimiter create(String budgetKey) {
    if (budgetKey == null || !BUDGET_KEY.matcher(budgetKey).matches()) {
      throw new IllegalArgumentException("budgetKey must be 'sha256:' and 64 lower-case hex digits, as HeyMiloClient passes it, "
          + "but was " + (budgetKey == null ? "null" : "a string of " + budgetKey.length() + " characters")
          + "; hash the credential instead of passing it");
    }
    Bucket local = localBuckets.computeIfAbsent(budgetKey, k -> shape.localBucket(localClock));
    return new SharedBudget(link, keyPrefix + budgetKey, local, policy);
  }

  /**
   * Returns whether requests are paced through Redis now: the connection is open and the last request that
   * tried Redis got its answer. False during an outage (see {@link RedisOutagePolicy}), before the first
   * connection, and after {@link #close()}. For health checks and dashboards.
   *
   * <pre>{@code
   * if (!fleetLimit.isRedisReachable()) {
   *   log.warn("HeyMilo requests are paced per process: Redis is down");
   * }
   * }</pre>
   */
  public boolean isRedisReachable() {
    return link.isUp();
  }

  /** Closes the Redis connection and Lettuce's threads; clients still using this limiter then fail. */
  @Override
  public void close() {
    link.close();
  }

  @Override
  public String toString() {
    return "RedisRateLimiter{redis=" + link.address() + ", limit=" + shape + ", keyPrefix=" + keyPrefix
        + ", outagePolicy=" + policy + "}";
  }

  /**
   * Configures a {@link RedisRateLimiter}. Setters check their argument at once
   * ({@code IllegalArgumentException}); {@link #build()} checks that the settings fit together
   * ({@link ConfigurationException}).
   */
  public static final class Builder {
    private @Nullable RedisURI uri;
    private RateLimit limit = RateLimit.HEYMILO_DOCUMENTED;
    private @Nullable Integer burst;
    private @Nullable Duration safetyMargin;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration commandTimeout = Duration.ofMillis(500);
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration retryInterval = Duration.ofSeconds(1);
    private RedisOutagePolicy outagePolicy = RedisOutagePolicy.FAIL_OPEN;
    private System.Logger logger = System.getLogger("ai.heymilo.ratelimit.redis");
    private LongSupplier nanoTime = System::nanoTime;
    private TimeMeter localClock = TimeMeter.SYSTEM_MILLISECONDS;

    private Builder() {}

    /**
     * Sets the Redis server, as a Lettuce URI: {@code redis://host:6379}, {@code rediss://} for TLS,
     * {@code redis://:password@host:6379/0}, {@code redis-sentinel://…}. Required.
     *
     * @throws IllegalArgumentException if it is not a Redis URI
     */
    public Builder redisUri(String redisUri) {
      if (redisUri == null || redisUri.isBlank()) {
        throw new IllegalArgumentException("redisUri must be a Redis URI such as redis://localhost:6379, but was "
            + (redisUri == null ? "null" : "blank"));
      }
      try {
        this.uri = RedisURI.create(redisUri.strip());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("redisUri must be a Redis URI such as redis://localhost:6379, but was '"
            + withoutPassword(redisUri) + "' (" + e.getMessage() + ")", e);
      }
      return this;
    }

    /** Sets the Redis server as a Lettuce {@link RedisURI} (for credentials providers, TLS options…). Required. */
    public Builder redisUri(RedisURI redisUri) {
      if (redisUri == null) {
        throw new IllegalArgumentException("redisUri must not be null");
      }
      this.uri = redisUri;
      return this;
    }

    /** Sets the budget of each key. Default: {@link RateLimit#HEYMILO_DOCUMENTED}, 300 requests per minute. */
    public Builder limit(RateLimit limit) {
      if (limit == null) {
        throw new IllegalArgumentException("limit must not be null; use RateLimit.HEYMILO_DOCUMENTED for HeyMilo's 300 per minute");
      }
      this.limit = limit;
      return this;
    }

    /**
     * Sets how many requests may leave at once after a quiet spell; the rest of the limit is spread
     * evenly over the window. Default: 2 % of the limit, at least 1 (6 of 300). A larger burst lowers
     * the steady rate by as much, so that no window ever holds more than the limit.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder burst(int burst) {
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be at least 1, but was " + burst);
      }
      this.burst = burst;
      return this;
    }

    /**
     * Sets how much longer than the window the budget takes to refill, so that requests that reach the
     * API a little later than planned (clock differences between machines, a busy host, the network)
     * still fit the API's window. Default: 1 % of the window (0.6 s of a minute), at least 50 ms.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder safetyMargin(Duration safetyMargin) {
      if (safetyMargin == null || safetyMargin.isNegative()) {
        throw new IllegalArgumentException("safetyMargin must be zero or positive, but was " + safetyMargin);
      }
      this.safetyMargin = safetyMargin;
      return this;
    }

    /**
     * Sets the prefix of the Redis keys that hold the budgets. Default: {@value RedisRateLimiter#DEFAULT_KEY_PREFIX}.
     *
     * @throws IllegalArgumentException if null
     */
    public Builder keyPrefix(String keyPrefix) {
      if (keyPrefix == null) {
        throw new IllegalArgumentException("keyPrefix must not be null; use \"\" for none");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * Sets the longest a request waits for Redis to answer before the limiter treats Redis as down.
     * Default: 500 ms. Redis answers in well under a millisecond; the default leaves room for a garbage
     * collection pause or a starved CPU, which would otherwise count as an outage and pace this process
     * on its own for a retry interval.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder commandTimeout(Duration commandTimeout) {
      this.commandTimeout = positive("commandTimeout", commandTimeout);
      return this;
    }

    /**
     * Sets the limit for opening the connection to Redis and for its handshake; {@link #build()}
     * waits at most twice this for the first connection. Default: 2 s (the first connection of a process
     * also loads Netty).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * Sets how often, while Redis is unreachable, one request tries it again (the others do not wait
     * for it). Default: 1 s.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder retryInterval(Duration retryInterval) {
      this.retryInterval = positive("retryInterval", retryInterval);
      return this;
    }

    /**
     * Sets what happens to requests while Redis is unreachable. Default:
     * {@link RedisOutagePolicy#FAIL_OPEN}.
     *
     * @throws IllegalArgumentException if null
     */
    public Builder outagePolicy(RedisOutagePolicy outagePolicy) {
      if (outagePolicy == null) {
        throw new IllegalArgumentException("outagePolicy must not be null");
      }
      this.outagePolicy = outagePolicy;
      return this;
    }

    /** Sets where the outage messages go; for tests. Default: {@code System.getLogger("ai.heymilo.ratelimit.redis")}. */
    Builder logger(System.Logger logger) {
      this.logger = logger;
      return this;
    }

    /** Sets the clock of outage bookkeeping and of the in-process budget; for tests. */
    Builder clocks(LongSupplier nanoTime, TimeMeter localClock) {
      this.nanoTime = nanoTime;
      this.localClock = localClock;
      return this;
    }

    /**
     * Builds the limiter and starts connecting to Redis, waiting for it at most twice the connect
     * timeout. An unreachable Redis does not fail the build: it starts an outage (see
     * {@link RedisOutagePolicy}).
     *
     * @throws ConfigurationException if no Redis URI is set, or the burst does not fit the limit
     */
    public RedisRateLimiter build() {
      if (uri == null) {
        throw new ConfigurationException("redisUri is required but was not set; call redisUri(\"redis://host:6379\")");
      }
      int permits = limit.permits();
      int chosenBurst = burst != null ? burst : BudgetShape.defaultBurst(permits);
      if (chosenBurst > BudgetShape.maxBurst(permits)) {
        throw new ConfigurationException("burst " + chosenBurst + " does not fit a limit of " + limit + ": it must be at most "
            + BudgetShape.maxBurst(permits) + ", so that the budget still refills; lower burst(...) or raise the limit");
      }
      Duration margin = safetyMargin != null ? safetyMargin : BudgetShape.defaultMargin(limit.window());
      BudgetShape shape = new BudgetShape(permits, limit.window(), chosenBurst, margin);
      RedisLink link = RedisLink.open(uri, shape, commandTimeout, connectTimeout, retryInterval, outagePolicy, logger, nanoTime);
      return new RedisRateLimiter(link, shape, keyPrefix, outagePolicy, localClock);
    }

    private static Duration positive(String name, @Nullable Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, but was " + value);
      }
      return value;
    }

    /** {@code redis://user:secret@host} → {@code redis://…@host}: never echo a password. */
    static String withoutPassword(String uri) {
      return uri.replaceAll("//[^/@]*@", "//…@");
    }
  }
}
