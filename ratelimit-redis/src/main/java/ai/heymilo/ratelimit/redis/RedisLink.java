package ai.heymilo.ratelimit.redis;

import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The limiter's one connection to Redis and what it knows about Redis being reachable.
 *
 * <p>Nothing here waits longer than a timeout: every request waits for Redis at most the command
 * timeout (the first of the process, which also loads the libraries' classes, the connect timeout),
 * and while Redis is known to be down only one request per retry interval tries it again — the others
 * are answered without touching the network. An outage begins after {@value #FAILURES_BEFORE_OUTAGE}
 * failures in a row (or at once when there is no connection): a single slow answer — a garbage
 * collection, a starved CPU — sends only its own request the outage policy's way, instead of pacing
 * the whole process on its own for a retry interval, which in a fleet would overshoot the limit. Connecting, at start and after a failed first connect,
 * happens in the background; {@link #open} waits for the first attempt at most twice the connect
 * timeout (the TCP connection, then Redis's handshake, each bounded by it).
 */
final class RedisLink implements AutoCloseable {
  private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
  /** A bucket's key outlives the time it takes to refill by this much; an absent key is a full bucket. */
  private static final Duration KEY_GRACE = Duration.ofSeconds(10);
  private static final long UP = Long.MIN_VALUE;
  static final int FAILURES_BEFORE_OUTAGE = 3;
  private static final int REQUEST_QUEUE_SIZE = 1024;

  private final ClientResources resources;
  private final RedisClient client;
  private final RedisURI uri;
  private final String address;
  private final BudgetShape shape;
  private final Duration commandTimeout;
  private final Duration connectTimeout;
  private final long retryIntervalNanos;
  private final RedisOutagePolicy policy;
  private final System.Logger log;
  private final LongSupplier nanoTime;
  private final ConcurrentMap<String, BucketProxy> buckets = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, BucketProxy> coldBuckets = new ConcurrentHashMap<>();
  private final AtomicBoolean connecting = new AtomicBoolean();
  private final AtomicBoolean probing = new AtomicBoolean();
  /** {@link #nanoTime} when the current outage began, or {@link #UP}. */
  private final AtomicLong downSince = new AtomicLong(UP);
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private final LongAdder pacedLocally = new LongAdder();
  private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
  private volatile @Nullable ProxyManager<String> proxyManager;
  /** The same, with the connect timeout: for the first request, which also loads Bucket4j's and Lettuce's classes. */
  private volatile @Nullable ProxyManager<String> coldProxyManager;
  private volatile boolean warm;
  private volatile CompletableFuture<?> pendingConnect = CompletableFuture.completedFuture(null);
  private volatile long nextProbe;
  private volatile String lastFailure = "not connected yet";
  private volatile boolean closed;

  private RedisLink(RedisURI uri, BudgetShape shape, Duration commandTimeout, Duration connectTimeout, Duration retryInterval,
      RedisOutagePolicy policy, System.Logger log, LongSupplier nanoTime) {
    this.uri = uri;
    this.address = describe(uri);
    this.shape = shape;
    this.commandTimeout = commandTimeout;
    this.connectTimeout = connectTimeout;
    this.retryIntervalNanos = retryInterval.toNanos();
    this.policy = policy;
    this.log = log;
    this.nanoTime = nanoTime;
    // Two small pools: the limiter sends one short command per request. Reconnect attempts back off
    // to the retry interval at most (Lettuce's default backs off to 30 s, which would hide Redis's
    // return for that long).
    this.resources = DefaultClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), retryInterval, 2, TimeUnit.MILLISECONDS))
        .build();
    this.client = RedisClient.create(resources);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        // While Lettuce reconnects, commands wait for it (each caller at most the command timeout): a connection
        // that drops and is back within milliseconds costs a short wait, not an outage that paces the process on
        // its own. The queue is bounded so that a long outage cannot fill memory with abandoned commands.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
        .requestQueueSize(REQUEST_QUEUE_SIZE)
        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
        .build());
  }

  /** Creates the link and waits for the first connection attempt at most twice {@code connectTimeout}. */
  static RedisLink open(RedisURI uri, BudgetShape shape, Duration commandTimeout, Duration connectTimeout, Duration retryInterval,
      RedisOutagePolicy policy, System.Logger log, LongSupplier nanoTime) {
    // The URI's timeout bounds Redis's handshake (HELLO, AUTH); commands get the command timeout once connected.
    // The first handshake of a process also pays for loading Netty, which on a busy host takes longer than a
    // command may.
    RedisURI bounded = RedisURI.builder(uri).withTimeout(connectTimeout).build();
    RedisLink link = new RedisLink(bounded, shape, commandTimeout, connectTimeout, retryInterval, policy, log, nanoTime);
    CompletableFuture<?> first = link.connectInBackground();
    try {
      first.get(connectTimeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      link.markDown(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      link.markDown(e);
    }
    return link;
  }

  /**
   * Takes one token from {@code key}'s bucket in Redis (going into debt if it is empty) and returns
   * how many nanoseconds the request must wait; null when Redis cannot be used now: it is down and
   * this is not the request that tries it again, or this try failed.
   */
  @Nullable Long reserve(String key) {
    if (closed) {
      throw new RateLimiterUnavailableException("This RedisRateLimiter (Redis at " + address + ") was closed; "
          + "build the HeyMiloClient with a limiter that is open", null);
    }
    boolean probe = false;
    if (downSince.get() != UP) {
      if (nanoTime.getAsLong() - nextProbe < 0 || !probing.compareAndSet(false, true)) {
        return null;
      }
      probe = true;
    }
    try {
      boolean cold = !warm;
      ProxyManager<String> manager = cold ? coldProxyManager : proxyManager;
      if (manager == null) {
        connectInBackground();
        return null;
      }
      // Batching: requests of this process that meet at the bucket travel to Redis as one compare-and-swap
      // instead of competing with each other (and with the fleet) in retried ones.
      BucketProxy bucket = (cold ? coldBuckets : buckets).computeIfAbsent(key,
          k -> manager.builder().withOptimization(Optimizations.batching()).build(k, shape::configuration));
      long nanos = bucket.consumeIgnoringRateLimits(1);
      warm = true;
      failuresInARow.set(0);
      markUp();
      return nanos;
    } catch (RuntimeException e) {
      lastFailure = reason(e);
      if (failuresInARow.incrementAndGet() >= FAILURES_BEFORE_OUTAGE || connection == null) {
        markDown(e);
      } else if (log.isLoggable(System.Logger.Level.DEBUG)) {
        log.log(System.Logger.Level.DEBUG, "HeyMilo rate limit: Redis at " + address + " did not answer one request ("
            + lastFailure + "); it goes the outage policy's way (" + policy + ")");
      }
      return null;
    } finally {
      if (probe) {
        nextProbe = nanoTime.getAsLong() + retryIntervalNanos;
        probing.set(false);
      }
    }
  }

  /** Counts a request paced in this process during an outage (reported when it ends). */
  void pacedLocally() {
    pacedLocally.increment();
  }

  /** The exception a failing-closed limiter throws during an outage. */
  RateLimiterUnavailableException unavailable() {
    return new RateLimiterUnavailableException("Redis at " + address + ", which holds the shared HeyMilo rate-limit budget, "
        + "is unreachable (" + lastFailure + "); the request was not sent. Restore the connection to Redis, or build the "
        + "RedisRateLimiter with outagePolicy(RedisOutagePolicy.FAIL_OPEN) to pace each process on its own meanwhile", null);
  }

  /** {@code host:port} of the Redis server (never its password). */
  String address() {
    return address;
  }

  /** Whether the budget is kept in Redis now: connected, and no outage since the last request. */
  boolean isUp() {
    StatefulRedisConnection<String, byte[]> open = connection;
    return !closed && open != null && open.isOpen() && downSince.get() == UP;
  }

  private CompletableFuture<?> connectInBackground() {
    if (closed || !connecting.compareAndSet(false, true)) {
      return pendingConnect;
    }
    CompletableFuture<StatefulRedisConnection<String, byte[]>> attempt = client.connectAsync(CODEC, uri).toCompletableFuture();
    CompletableFuture<?> done = attempt.whenComplete((opened, failure) -> {
      try {
        if (failure != null) {
          markDown(failure);
        } else if (closed) {
          opened.closeAsync();
        } else {
          install(opened);
        }
      } finally {
        connecting.set(false);
      }
    });
    pendingConnect = done;
    return done;
  }

  private void install(StatefulRedisConnection<String, byte[]> opened) {
    opened.setTimeout(commandTimeout);
    connection = opened;
    // Bucket4j's request timeout bounds the caller's wait (including compare-and-swap retries); Lettuce's own
    // command timeout is left off, so that the first request can be given longer.
    coldProxyManager = proxyManager(opened, connectTimeout);
    proxyManager = proxyManager(opened, commandTimeout);
    nextProbe = nanoTime.getAsLong(); // Connected: the next request uses Redis at once.
  }

  private static ProxyManager<String> proxyManager(StatefulRedisConnection<String, byte[]> connection, Duration timeout) {
    return Bucket4jLettuce.casBasedBuilder(connection)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEY_GRACE))
        .requestTimeout(timeout)
        .build();
  }

  private void markDown(Throwable failure) {
    lastFailure = reason(failure);
    if (downSince.compareAndSet(UP, nanoTime.getAsLong())) {
      nextProbe = nanoTime.getAsLong() + retryIntervalNanos;
      String meanwhile = policy == RedisOutagePolicy.FAIL_OPEN
          ? "each process paces its own requests to " + shape.permits + " per " + shape.window + " until Redis answers (fail open)"
          : "requests fail with RateLimiterUnavailableException until Redis answers (fail closed)";
      log.log(System.Logger.Level.WARNING, "HeyMilo rate limit: Redis at " + address + " is unreachable (" + lastFailure + "); "
          + meanwhile + ". Trying again every " + human(retryIntervalNanos) + ".");
    }
  }

  private void markUp() {
    long since = downSince.getAndSet(UP);
    if (since != UP) {
      long local = pacedLocally.sumThenReset();
      log.log(System.Logger.Level.INFO, "HeyMilo rate limit: Redis at " + address + " answers again after "
          + human(nanoTime.getAsLong() - since) + (policy == RedisOutagePolicy.FAIL_OPEN
              ? "; " + local + " requests were paced in this process meanwhile" : "") + ".");
    }
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisConnection<String, byte[]> open = connection;
    if (open != null) {
      open.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** The failure's innermost useful line: type and message, no stack. */
  private static String reason(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof java.util.concurrent.TimeoutException) {
      return "no answer within the timeout";
    }
    String message = t.getMessage();
    String text = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    // Lettuce wraps the reason ("Connection refused", a connect timeout) in "Unable to connect to …".
    return root == t ? text : text + " (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
  }

  static String describe(RedisURI uri) {
    if (uri.getSocket() != null) {
      return "unix:" + uri.getSocket();
    }
    return uri.getHost() + ":" + uri.getPort();
  }

  private static String human(long nanos) {
    double seconds = nanos / 1e9;
    return seconds < 10 ? String.format(Locale.ROOT, "%.1f s", seconds) : String.format(Locale.ROOT, "%.0f s", seconds);
  }
}
