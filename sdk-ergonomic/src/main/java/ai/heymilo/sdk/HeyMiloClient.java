package ai.heymilo.sdk;

import ai.heymilo.sdk.errors.ConfigurationException;
import ai.heymilo.sdk.internal.ClientRuntime;
import ai.heymilo.sdk.internal.ClientSettings;
import ai.heymilo.sdk.internal.Services;
import ai.heymilo.sdk.webhooks.WebhookDispatcher;
import ai.heymilo.sdk.webhooks.WebhookEvent;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;

/**
 * The entry point to the HeyMilo API: one service per area of the API ({@link #postings()}, {@link #interviews()},
 * …), each with a method per operation, and {@link #async()} for the same without blocking.
 *
 * <pre>{@code
 * HeyMiloClient client = HeyMiloClient.builder()
 *     .apiKey(System.getenv("HEYMILO_API_KEY"))
 *     .build();
 * PostingResponse posting = client.postings().get("13D77095");
 * InterviewDataResponse result = client.interviews().awaitData("iv_1", WaitOptions.defaults());
 * client.async().postings().list().forEach(p -> System.out.println(p.getTitle()));
 * }</pre>
 *
 * <p><b>Create one client and reuse it.</b> Services are created on first use. A client is immutable and
 * thread-safe; it holds the connection pool, a small capped thread pool for asynchronous calls and one scheduler
 * thread, all daemon threads. {@link #close()} releases them early (optional: an unused client costs nothing once
 * its idle threads time out). {@link #withOptions} derives a client with other settings that shares them.
 *
 * <p>The API key or bearer token is sent only to the configured base URL's origin, never appears in
 * {@link #toString()}, exception messages or logs.
 */
public final class HeyMiloClient extends ClientServices implements AutoCloseable {
  /** The production API. */
  public static final String DEFAULT_BASE_URL = "https://api.heymilo.ai";

  private final ClientRuntime runtime;

  private HeyMiloClient(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  Services services() {
    return runtime.services();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder(new ClientSettings());
  }

  /**
   * Returns a client configured from the environment: {@code HEYMILO_API_KEY} (required),
   * {@code HEYMILO_BASE_URL} and {@code HEYMILO_WORKSPACE_ID} (optional).
   *
   * @throws ConfigurationException if {@code HEYMILO_API_KEY} is not set or invalid
   */
  public static HeyMiloClient fromEnv() {
    return fromEnv(System.getenv());
  }

  /** {@link #fromEnv()} reading from the given map instead of the process environment. */
  static HeyMiloClient fromEnv(Map<String, String> environment) {
    Builder builder = builder();
    String key = environment.get("HEYMILO_API_KEY");
    if (key == null || key.isBlank()) {
      throw new ConfigurationException("HEYMILO_API_KEY is not set; export your HeyMilo API key as HEYMILO_API_KEY or use "
          + "HeyMiloClient.builder().apiKey(...)");
    }
    builder.apiKey(key.strip());
    String baseUrl = environment.get("HEYMILO_BASE_URL");
    if (baseUrl != null && !baseUrl.isBlank()) {
      builder.baseUrl(baseUrl.strip());
    }
    String workspace = environment.get("HEYMILO_WORKSPACE_ID");
    if (workspace != null && !workspace.isBlank()) {
      builder.workspaceId(workspace.strip());
    }
    return builder.build();
  }

  /**
   * Returns a client with this client's settings changed by {@code changes}. It shares this
   * client's connection pool and threads; closing this client stops them for both.
   *
   * <pre>{@code
   * HeyMiloClient patient = client.withOptions(o -> o.maxRetries(5).timeout(Duration.ofMinutes(2)));
   * }</pre>
   */
  public HeyMiloClient withOptions(Consumer<Builder> changes) {
    Builder builder = new Builder(runtime.derivedSettings());
    changes.accept(builder);
    return builder.build();
  }

  /**
   * Feeds a received webhook event to this client's pending interview waits ({@code awaitData}, sync or async, of
   * this client and the clients derived from it): for {@code report_available} or {@code interview_completed}, each
   * wait for that interview polls at once instead of at its next scheduled poll. That one confirming
   * {@code getData} decides, never the event: if it still says pending (an early or forged event), the wait goes on;
   * after {@code interview_completed} it goes on at its own {@link WaitOptions} delays, the report being near. Other
   * events, and events without an interview id, wake nothing.
   *
   * <pre>{@code
   * WebhookEvent event = handler.handle(WebhookRequest.of(body, headers::getFirst));   // in your controller
   * client.handleWebhookEvent(event);
   * }</pre>
   *
   * <p>Prefer {@link #completeWaitsFrom(WebhookDispatcher)}, which also drops repeated deliveries and tells the
   * waits that events are coming, so that they poll only as a fallback.
   *
   * @return the number of pending waits woken
   * @throws IllegalArgumentException if {@code event} is null
   */
  public int handleWebhookEvent(WebhookEvent event) {
    if (event == null) {
      throw new IllegalArgumentException("event must not be null; pass the WebhookEvent your WebhookHandler returned");
    }
    return runtime.wakeWaits(event.type(), event.interviewId());
  }

  /**
   * Wires a dispatcher's events to this client's waits until the returned subscription is closed: each event it
   * dispatches (repeats dropped) goes to {@link #handleWebhookEvent}, and meanwhile interview waits poll only as the
   * fallback for a lost event — every {@link WaitOptions#eventFallbackDelay()} (default 60 s) at the most often
   * instead of from 2 s up — since an event ends them as soon as it arrives. The same as
   * {@code dispatcher.completeWaitsOf(client)}.
   *
   * <pre>{@code
   * WebhookDispatcher dispatcher = WebhookDispatcher.create();
   * try (WebhookDispatcher.Subscription wired = client.completeWaitsFrom(dispatcher);
   *      WebhookReceiver receiver = WebhookReceiver.builder()
   *          .handler(WebhookHandler.builder().verifier(verifier).dispatcher(dispatcher).build()).port(8080).start()) {
   *   InterviewDataResponse data = client.interviews().awaitData(interviewId);   // ends on report_available
   * }
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code dispatcher} is null
   */
  public WebhookDispatcher.Subscription completeWaitsFrom(WebhookDispatcher dispatcher) {
    if (dispatcher == null) {
      throw new IllegalArgumentException("dispatcher must not be null; pass the WebhookDispatcher your receiver or handler uses");
    }
    Runnable countOff = runtime.addEventSource();
    WebhookDispatcher.Subscription listening = dispatcher.onAny(this::handleWebhookEvent);
    return () -> {
      listening.close();
      countOff.run();
    };
  }

  /** Releases the threads and idle connections this client created; calls in flight are cancelled. */
  @Override
  public void close() {
    runtime.close();
  }

  /** Shows the configuration without credentials. */
  @Override
  public String toString() {
    ClientSettings s = runtime.settings();
    return "HeyMiloClient{baseUrl=" + s.baseUrl + ", auth=" + (s.apiKey != null ? "api key" : "bearer token")
        + (s.workspaceId != null ? ", workspaceId=" + s.workspaceId : "") + ", maxRetries=" + s.maxRetries
        + ", jsonLibrary=" + s.jsonLibrary + ", rateLimit=" + (s.rateLimit != null ? s.rateLimit : s.limiterFactory != null ? "custom" : null) + "}";
  }

  /**
   * Configures a {@link HeyMiloClient}. Setters check their argument at once
   * ({@code IllegalArgumentException} naming the rule); {@link #build()} checks that the settings
   * fit together ({@link ConfigurationException}).
   */
  public static final class Builder {
    private final ClientSettings settings;

    private Builder(ClientSettings settings) {
      this.settings = settings;
    }

    /**
     * Authenticates with an API key, sent as {@code X-API-KEY}. Required unless a bearer token is set.
     *
     * @throws IllegalArgumentException if the key is null, blank or contains whitespace
     */
    public Builder apiKey(String apiKey) {
      settings.apiKey = credential("apiKey", apiKey);
      return this;
    }

    /**
     * Authenticates with an OAuth bearer token ({@code Authorization: Bearer …}) instead of an API key.
     *
     * @throws IllegalArgumentException if the token is null, blank or contains whitespace
     */
    public Builder bearerToken(String bearerToken) {
      settings.bearerToken = credential("bearerToken", bearerToken);
      return this;
    }

    /** Selects a workspace ({@code X-Workspace-Id}); needed by OAuth callers with several. Default: none. */
    public Builder workspaceId(@Nullable String workspaceId) {
      settings.workspaceId = workspaceId == null || workspaceId.isBlank() ? null : workspaceId.strip();
      return this;
    }

    /**
     * Sets the API's base URL. Default: {@value HeyMiloClient#DEFAULT_BASE_URL}. Must be https, except
     * for loopback hosts (localhost, 127.0.0.0/8, ::1) used by the sandbox and tests.
     *
     * @throws IllegalArgumentException if the URL is malformed or plain http to a non-loopback host
     */
    public Builder baseUrl(String baseUrl) {
      if (baseUrl == null) {
        throw new IllegalArgumentException("baseUrl must not be null");
      }
      HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      if (url == null) {
        throw new IllegalArgumentException("baseUrl must be an http(s) URL such as https://api.heymilo.ai, but was '" + baseUrl + "'");
      }
      if (!url.isHttps() && !isLoopback(url.host())) {
        throw new IllegalArgumentException("baseUrl must use https (plain http is allowed only for localhost), but was '"
            + baseUrl + "'; the API key would travel unencrypted");
      }
      if (url.query() != null || url.fragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment, but was '" + baseUrl + "'");
      }
      settings.baseUrl = url;
      return this;
    }

    /**
     * Sets how many times a failed request is retried (see the retry rules on
     * {@code ai.heymilo.sdk.internal.RetryPolicy}: connection failures, 408, 429, 5xx; idempotent
     * requests only, except 429). Default: 2.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be 0 or more, but was " + maxRetries);
      }
      settings.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} the client will sleep through before retrying; a longer
     * one is thrown as {@code RateLimitException} (with {@code retryAfter()}) at once. Default: 60 s.
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      settings.maxRetryAfter = nonNegative("maxRetryAfter", maxRetryAfter);
      return this;
    }

    /** Sets the limit for one attempt of a call, from sending to the end of the body. Default: 60 s. */
    public Builder timeout(Duration timeout) {
      settings.callTimeout = positive("timeout", timeout);
      return this;
    }

    /** Sets the limit for establishing a connection. Default: 10 s. */
    public Builder connectTimeout(Duration timeout) {
      settings.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** Sets the longest silence while reading a response. Default: 30 s. */
    public Builder readTimeout(Duration timeout) {
      settings.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    /** Sets the longest stall while sending a request body. Default: 30 s. */
    public Builder writeTimeout(Duration timeout) {
      settings.writeTimeout = positive("writeTimeout", timeout);
      return this;
    }

    /**
     * Sets how many requests may be in flight at once over this client's connections (OkHttp's
     * per-host and total dispatcher limits, and the size of the thread pool that runs asynchronous
     * calls). Synchronous calls run on the caller's thread. Default: 16. Ignored with a custom
     * {@link #okHttpClient(OkHttpClient)}, whose dispatcher is used as configured.
     *
     * <p>OkHttp's own defaults (64 in total, 5 per host, an unbounded pool) are never used: every call
     * goes to one host, so they would cap the client at 5 without saying so. A client's threads are
     * this many {@code heymilo-http-*} threads at most, one {@code heymilo-scheduler} thread for all
     * waits and backoffs, and OkHttp's timeout watchdog and shared task runner (a few threads, more
     * with more connections); no thread is held per pending wait. {@code maxConcurrentRequests(2)}
     * kept a client within 8 threads with 10,000 waits pending (see {@code docs/benchmarks.md}).
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, but was " + maxConcurrentRequests);
      }
      settings.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /**
     * Paces this client's requests to stay within {@code rateLimit} (see {@link RateLimit#HEYMILO_DOCUMENTED}),
     * counted in this process; {@code null} turns pacing off. Default: off. Replaces a
     * {@link #rateLimiter(RequestLimiter.Factory)}.
     */
    public Builder rateLimit(@Nullable RateLimit rateLimit) {
      settings.rateLimit = rateLimit;
      settings.limiterFactory = null;
      return this;
    }

    /**
     * Paces requests with a limiter of your choice, such as one whose budget a whole fleet of clients
     * shares (see {@link RequestLimiter}). Default: none. Replaces a {@link #rateLimit(RateLimit)}.
     */
    public Builder rateLimiter(RequestLimiter.Factory factory) {
      settings.limiterFactory = present("rateLimiter", factory);
      settings.rateLimit = null;
      return this;
    }

    /** Selects the JSON library. Default: {@link JsonLibrary#GSON}. */
    public Builder jsonLibrary(JsonLibrary jsonLibrary) {
      settings.jsonLibrary = Objects.requireNonNullElse(jsonLibrary, JsonLibrary.GSON);
      return this;
    }

    /** Sets how much of each exchange is logged (credentials always masked). Default: {@link LogLevel#NONE}. */
    public Builder logLevel(LogLevel logLevel) {
      settings.logLevel = Objects.requireNonNullElse(logLevel, LogLevel.NONE);
      return this;
    }

    /**
     * Sends requests through this OkHttp client (for proxies, certificate pinning, event listeners…).
     * The SDK adds its interceptors and timeouts to a derived copy; the client's dispatcher and
     * connection pool are used as they are. Default: a client the SDK creates.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      settings.okHttpClient = present("okHttpClient", okHttpClient);
      return this;
    }

    /** Sets the clock used for waits and Retry-After dates. Default: the system clock. For tests. */
    public Builder clock(Clock clock) {
      settings.clock = present("clock", clock);
      return this;
    }

    /** Sets how the client sleeps between retries and polls of synchronous waits. Default: {@link Sleeper#SYSTEM}. For tests. */
    public Builder sleeper(Sleeper sleeper) {
      settings.sleeper = present("sleeper", sleeper);
      return this;
    }

    /**
     * Sets the scheduler that times asynchronous retries and waits. Default: one daemon thread the
     * client creates and stops on {@link #close()}; a scheduler given here is not stopped by the client.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      settings.scheduler = present("scheduler", scheduler);
      return this;
    }

    /** Sets where log lines go instead of {@link System.Logger}; for tests and custom sinks. */
    Builder logSink(HttpLoggingInterceptor.Logger sink) {
      settings.logSink = sink;
      return this;
    }

    /** Sets the source of jitter, [0, 1); for deterministic tests. */
    Builder random(DoubleSupplier random) {
      settings.random = random;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws ConfigurationException if neither an API key nor a bearer token is set, or both are
     */
    public HeyMiloClient build() {
      if (settings.apiKey == null && settings.bearerToken == null) {
        throw new ConfigurationException("apiKey is required but was not set; call apiKey(...) (or bearerToken(...)) "
            + "or set HEYMILO_API_KEY and use HeyMiloClient.fromEnv()");
      }
      if (settings.apiKey != null && settings.bearerToken != null) {
        throw new ConfigurationException("both apiKey and bearerToken are set; use one of them");
      }
      return new HeyMiloClient(ClientRuntime.create(settings.copy()));
    }

    /** Checks a credential without ever echoing it. */
    private static String credential(String name, @Nullable String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be " + (value == null ? "null" : "blank")
            + "; pass your HeyMilo credential (for example from HEYMILO_API_KEY)");
      }
      for (int i = 0; i < value.length(); i++) {
        if (Character.isWhitespace(value.charAt(i)) || Character.isISOControl(value.charAt(i))) {
          throw new IllegalArgumentException(name + " must not contain whitespace or control characters (found at position "
              + i + " of " + value.length() + "); check for a stray space or newline where it was read from");
        }
      }
      return value;
    }

    private static <T> T present(String name, @Nullable T value) {
      if (value == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
      return value;
    }

    private static Duration positive(String name, @Nullable Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, but was " + value);
      }
      return value;
    }

    private static Duration nonNegative(String name, @Nullable Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be zero or positive, but was " + value);
      }
      return value;
    }

    /** Loopback by name or address, without a DNS lookup. */
    private static boolean isLoopback(String host) {
      if (host.equalsIgnoreCase("localhost") || host.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
        return true;
      }
      if (!host.matches("[0-9.]+") && !host.contains(":")) {
        return false; // A name: resolving it here would cost a DNS lookup and could change later.
      }
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (java.net.UnknownHostException notAnAddress) {
        return false;
      }
    }
  }
}
