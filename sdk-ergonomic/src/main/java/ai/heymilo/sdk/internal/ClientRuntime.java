package ai.heymilo.sdk.internal;

import ai.heymilo.client.HeyMiloGson;
import ai.heymilo.sdk.JsonLibrary;
import ai.heymilo.sdk.RequestLimiter;
import ai.heymilo.sdk.errors.ConfigurationException;
import ai.heymilo.sdk.webhooks.WebhookEventType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * What one client runs on: the OkHttp client with the SDK's interceptors, Retrofit (which only builds requests),
 * the transport, the waiter, the services and the shared scheduler — and which of them this client must shut down
 * on close.
 */
public final class ClientRuntime implements AutoCloseable {
  private final ClientSettings settings;
  private final OkHttpClient baseHttpClient;
  private final OkHttpClient httpClient;
  private final Retrofit retrofit;
  private final Transport transport;
  private final Waiter waiter;
  private final WaitWakeups wakeups;
  private final Services services;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final @Nullable ScheduledExecutorService ownedScheduler;
  private final @Nullable ExecutorService ownedDispatcherPool;

  private ClientRuntime(ClientSettings settings, OkHttpClient baseHttpClient, @Nullable ExecutorService ownedDispatcherPool) {
    this.settings = settings;
    this.baseHttpClient = baseHttpClient;
    this.ownedDispatcherPool = ownedDispatcherPool;
    this.ownedScheduler = settings.scheduler == null ? newScheduler() : null;
    ScheduledExecutorService scheduler = settings.scheduler != null ? settings.scheduler : ownedScheduler;
    this.httpClient = withSdkInterceptors(baseHttpClient, settings);
    // Retrofit turns a generated interface method and its arguments into a request; the transport sends it.
    this.retrofit = new Retrofit.Builder()
        .baseUrl(settings.baseUrl)
        .callFactory(RequestOnlyCall::new)
        .addConverterFactory(jsonConverter(settings.jsonLibrary))
        .build();
    RequestLimiter rateLimiter = settings.rateLimit != null
        ? new RateLimiter(settings.rateLimit.permits(), settings.rateLimit.window(), settings.clock)
        : settings.limiterFactory != null ? settings.limiterFactory.create(budgetKey(settings)) : null;
    RetryPolicy retryPolicy = new RetryPolicy(settings.maxRetryAfter, settings.random, settings.clock);
    this.transport = new Transport(httpClient, retrofit, retryPolicy, rateLimiter, settings.clock, settings.sleeper, scheduler,
        settings.maxRetries, closed::get);
    this.wakeups = settings.wakeups != null ? settings.wakeups : new WaitWakeups();
    this.waiter = new Waiter(settings.clock, settings.sleeper, scheduler, settings.random, wakeups);
    this.services = new Services(this);
  }

  /** Builds the runtime for validated settings. */
  public static ClientRuntime create(ClientSettings settings) {
    if (settings.okHttpClient != null) {
      return new ClientRuntime(settings, settings.okHttpClient, null);
    }
    ExecutorService pool = newDispatcherPool(settings.maxConcurrentRequests);
    Dispatcher dispatcher = new Dispatcher(pool);
    // One host serves every call, so the per-host limit is the real limit: make both the setting.
    dispatcher.setMaxRequests(settings.maxConcurrentRequests);
    dispatcher.setMaxRequestsPerHost(settings.maxConcurrentRequests);
    OkHttpClient base = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    return new ClientRuntime(settings, base, pool);
  }

  /**
   * The interceptor chain, in order. Application interceptor: default headers (User-Agent). Network interceptors,
   * which see every redirect hop: credentials first, so they are added only for the API's own origin and stripped
   * elsewhere; logging last, so it shows exactly what is sent (with credentials masked).
   */
  private static OkHttpClient withSdkInterceptors(OkHttpClient base, ClientSettings settings) {
    OkHttpClient.Builder builder = base.newBuilder()
        .connectTimeout(settings.connectTimeout)
        .readTimeout(settings.readTimeout)
        .writeTimeout(settings.writeTimeout)
        .callTimeout(settings.callTimeout)
        .addInterceptor(new DefaultHeadersInterceptor())
        .addNetworkInterceptor(new CredentialInterceptor(settings.baseUrl, settings.apiKey, settings.bearerToken, settings.workspaceId));
    HttpLoggingInterceptor logging = HttpLogging.interceptor(settings.logLevel,
        settings.logSink != null ? settings.logSink : HttpLogging.systemLogger());
    if (logging != null) {
      builder.addNetworkInterceptor(logging);
    }
    return builder.build();
  }

  private static Converter.Factory jsonConverter(JsonLibrary library) {
    if (library == JsonLibrary.GSON) {
      return GsonConverterFactory.create(HeyMiloGson.create());
    }
    try {
      return MoshiConverter.create();
    } catch (NoClassDefFoundError missing) {
      throw new ConfigurationException("jsonLibrary(MOSHI) needs com.squareup.moshi:moshi and "
          + "com.squareup.retrofit2:converter-moshi on the class path (missing: " + missing.getMessage()
          + "); add them or use JsonLibrary.GSON");
    }
  }

  /** {@code sha256:} and the hex SHA-256 of the credential: names the key's shared budget without revealing it. */
  static String budgetKey(ClientSettings settings) {
    String credential = settings.apiKey != null ? settings.apiKey : String.valueOf(settings.bearerToken);
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(credential.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("sha256:");
      for (byte b : hash) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new AssertionError("every JDK has SHA-256", impossible);
    }
  }

  /** Returns this client's Retrofit implementation of a generated interface, created once. */
  @SuppressWarnings("unchecked")
  <T> T api(Class<T> type) {
    return (T) apis.computeIfAbsent(type, retrofit::create);
  }

  Transport transport() {
    return transport;
  }

  Waiter waiter() {
    return waiter;
  }

  /**
   * Wakes the pending waits for the interview of a webhook event: {@code report_available} and
   * {@code interview_completed} make each poll at once (the poll confirms; the event itself is never taken as the
   * result), and after {@code interview_completed} a wait goes back to its own schedule, the report being near.
   * Other events wake nothing.
   *
   * @return the number of waits woken
   */
  public int wakeWaits(WebhookEventType type, @Nullable String interviewId) {
    return wakeups.wake(type, interviewId);
  }

  /**
   * Counts one more source of webhook events for this client's waits, which poll at their event fallback delay while
   * any is counted; the returned action counts it off (once).
   */
  public Runnable addEventSource() {
    return wakeups.addSource();
  }

  /** Returns the client's services. */
  public Services services() {
    return services;
  }

  /** Returns the settings the client was built with. */
  public ClientSettings settings() {
    return settings;
  }

  /** Settings for a derived client: shares this client's connection pool, dispatcher and scheduler. */
  public ClientSettings derivedSettings() {
    ClientSettings derived = settings.copy();
    derived.okHttpClient = baseHttpClient;
    derived.scheduler = settings.scheduler != null ? settings.scheduler : ownedScheduler;
    derived.wakeups = wakeups;
    return derived;
  }

  /** Stops the threads this client created and releases idle connections; calls in flight are cancelled. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
    if (ownedDispatcherPool != null) {
      httpClient.dispatcher().cancelAll();
      ownedDispatcherPool.shutdown();
      httpClient.connectionPool().evictAll();
    }
  }

  private static ScheduledExecutorService newScheduler() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("heymilo-scheduler"));
    scheduler.setRemoveOnCancelPolicy(true); // Cancelled waits must not pile up in the queue.
    return scheduler;
  }

  /** OkHttp's default pool grows without bound; this one is capped at the request limit and idles down to zero. */
  private static ExecutorService newDispatcherPool(int maxThreads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("heymilo-http"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The call Retrofit creates for a generated method: it only carries its request, which the transport sends. */
  private static final class RequestOnlyCall implements okhttp3.Call {
    private final Request request;

    RequestOnlyCall(Request request) {
      this.request = request;
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public okhttp3.Response execute() {
      throw new UnsupportedOperationException("the SDK's transport sends requests");
    }

    @Override
    public void enqueue(okhttp3.Callback callback) {
      throw new UnsupportedOperationException("the SDK's transport sends requests");
    }

    @Override
    public void cancel() {}

    @Override
    public boolean isExecuted() {
      return false;
    }

    @Override
    public boolean isCanceled() {
      return false;
    }

    @Override
    public okio.Timeout timeout() {
      return okio.Timeout.NONE;
    }

    @Override
    public okhttp3.Call clone() {
      return new RequestOnlyCall(request);
    }
  }
}
