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
 * thread, all daemon threads, each ending after 60 s without work. {@link #withOptions} derives a client with other
 * settings that shares them.
 *
 * <p><b>Closing.</b> {@link #close()} is a shutdown: no request is sent or re-sent afterwards; every call, wait,
 * page fetch and future in flight ends promptly with {@link ai.heymilo.sdk.errors.ClientClosedException}, and so does
 * every later call; the threads the client created have ended when it returns. Closing is optional: an idle client
 * that is never closed holds no thread once its idle threads time out.
 *
 * <p>The API key or bearer token is sent only to the configured base URL's origin, never appears in
 * {@link #toString()}, exception messages or logs — not even when a server echoes it back in an error body, a header
 * or a URL: the client removes its own credentials from all of them.
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
   * @throws ConfigurationException if {@code HEYMILO_API_KEY} is not set, or a variable holds a value the builder
   *     refuses ("HEYMILO_BASE_URL is not usable: …")
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
    fromVariable("HEYMILO_API_KEY", key, builder::apiKey);
    String baseUrl = environment.get("HEYMILO_BASE_URL");
    if (baseUrl != null && !baseUrl.isBlank()) {
      fromVariable("HEYMILO_BASE_URL", baseUrl, builder::baseUrl);
    }
    String workspace = environment.get("HEYMILO_WORKSPACE_ID");
    if (workspace != null && !workspace.isBlank()) {
      fromVariable("HEYMILO_WORKSPACE_ID", workspace, builder::workspaceId);
    }
    return builder.build();
  }

  /** Hands a variable's value to a setter; the setter's refusal is a configuration problem of that variable. */
  private static void fromVariable(String name, String value, Consumer<String> setter) {
    try {
      setter.accept(value.strip());
    } catch (IllegalArgumentException refused) {
      throw new ConfigurationException(name + " is not usable: " + refused.getMessage());
    }
  }

  /**
   * Returns a client with this client's settings changed by {@code changes}. It shares this
   * client's connection pool, threads and lifecycle: closing either of them closes both (the derived client's
   * {@link #close()} closes this client).
   *
   * <pre>{@code
   * HeyMiloClient patient = client.withOptions(o -> o.maxRetries(5).timeout(Duration.ofMinutes(2)));
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code changes} is null or a setter refuses its value
   */
  public HeyMiloClient withOptions(Consumer<Builder> changes) {
    if (changes == null) {
      throw new IllegalArgumentException("changes must not be null; pass the settings to change, such as "
          + "options -> options.maxRetries(5)");
    }
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

  /**
   * Shuts the client down: from now on nothing is sent or re-sent; every call, wait and future in flight ends
   * promptly with {@link ai.heymilo.sdk.errors.ClientClosedException}, as does every later call; the threads the
   * client created have ended when this returns; idle connections are released. Closing a client derived with
   * {@link #withOptions} closes the client it came from, and the reverse. Idempotent.
   */
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

    /**
     * Selects a workspace ({@code X-Workspace-Id}); needed by OAuth callers with several. Default: none; null or
     * blank clears it.
     *
     * @throws IllegalArgumentException if the id holds a character other than printable ASCII
     */
    public Builder workspaceId(@Nullable String workspaceId) {
      if (workspaceId == null || workspaceId.isBlank()) {
        settings.workspaceId = null;
        return this;
      }
      String id = workspaceId.strip();
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (c < 0x21 || c > 0x7e) {
          throw new IllegalArgumentException("workspaceId must be printable ASCII (it is sent as the X-Workspace-Id "
              + "header), but has " + String.format("U+%04X", (int) c) + " at position " + i);
        }
      }
      settings.workspaceId = id;
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
      if (!url.username().isEmpty() || !url.password().isEmpty()) {
        throw new IllegalArgumentException("baseUrl must not carry a user name or password (they would be sent with "
            + "every request and shown in logs); authenticate with apiKey(...) or bearerToken(...)");
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

    /**
     * Sets the limit for one attempt of a call, from sending to the end of the body. Default: 60 s.
     *
     * @throws IllegalArgumentException unless between 1 ms and 24 days (the longest OkHttp accepts)
     */
    public Builder timeout(Duration timeout) {
      settings.callTimeout = httpTimeout("timeout", timeout);
      return this;
    }

    /**
     * Sets the limit for establishing a connection. Default: 10 s.
     *
     * @throws IllegalArgumentException unless between 1 ms and 24 days
     */
    public Builder connectTimeout(Duration timeout) {
      settings.connectTimeout = httpTimeout("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the longest silence while reading a response. Default: 30 s.
     *
     * @throws IllegalArgumentException unless between 1 ms and 24 days
     */
    public Builder readTimeout(Duration timeout) {
      settings.readTimeout = httpTimeout("readTimeout", timeout);
      return this;
    }

    /**
     * Sets the longest stall while sending a request body. Default: 30 s.
     *
     * @throws IllegalArgumentException unless between 1 ms and 24 days
     */
    public Builder writeTimeout(Duration timeout) {
      settings.writeTimeout = httpTimeout("writeTimeout", timeout);
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

    /**
     * Selects the JSON library. Default: {@link JsonLibrary#GSON}.
     *
     * @throws IllegalArgumentException if null
     */
    public Builder jsonLibrary(JsonLibrary jsonLibrary) {
      settings.jsonLibrary = present("jsonLibrary", jsonLibrary);
      return this;
    }

    /**
     * Sets how much of each exchange is logged. Credentials are always masked: the credential headers, and the
     * client's own key or token wherever else it appears (a URL, a header, a body). Default: {@link LogLevel#NONE}.
     *
     * @throws IllegalArgumentException if null
     */
    public Builder logLevel(LogLevel logLevel) {
      settings.logLevel = present("logLevel", logLevel);
      return this;
    }

    /**
     * Shows candidates' personal data as is in the SDK's logs and exception messages. Default:
     * {@code false} — the values of the properties the spec marks personal (names, email addresses,
     * phone numbers, transcripts, answers, resumes…) read {@code "***"} in {@link LogLevel#BODY} log
     * lines and in {@link ai.heymilo.sdk.errors.ApiException#getMessage()} and
     * {@link ai.heymilo.sdk.errors.ApiException#body()}. The models themselves always hold the real
     * values; their {@code toString()} masks and {@code toUnmaskedString()} does not. Turn it on only
     * where the logs may hold such data.
     */
    public Builder revealPersonalData(boolean revealPersonalData) {
      settings.revealPersonalData = revealPersonalData;
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

    /**
     * Reports every API call and every wait to {@code registry} as a Micrometer {@code Observation}: timers and
     * counters through a meter handler, spans through a tracing bridge (which also adds its propagation headers to
     * each request). Observations are named {@code heymilo.api.call} and {@code heymilo.api.wait}; their keys are
     * listed in the README ("Observability"). They carry no credential, no candidate data and no id in a
     * low-cardinality key. Needs {@code io.micrometer:micrometer-observation} on the class path, an optional
     * dependency of this SDK; without a registry nothing is observed and Micrometer need not be present.
     * Default: none.
     *
     * <pre>{@code
     * HeyMiloClient client = HeyMiloClient.builder().apiKey(key).observationRegistry(registry).build();
     * }</pre>
     */
    public Builder observationRegistry(io.micrometer.observation.ObservationRegistry registry) {
      settings.observationRegistry = present("observationRegistry", registry);
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

    /** Sets how long the client's own threads stay idle before they end. Default: 60 s. For tests. */
    Builder idleThreadTimeout(Duration idle) {
      settings.idleThreadTimeout = httpTimeout("idleThreadTimeout", idle);
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
        if (value.charAt(i) > 0x7e) {
          // Sent as a header, which holds ASCII only; OkHttp's own refusal would quote the credential.
          throw new IllegalArgumentException(name + " must be printable ASCII, but has a non-ASCII character at position "
              + i + " of " + value.length() + "; check that the whole credential was copied");
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

    private static final Duration SHORTEST_TIMEOUT = Duration.ofMillis(1);
    /** OkHttp keeps timeouts as int milliseconds: about 24.8 days at most. */
    private static final Duration LONGEST_TIMEOUT = Duration.ofDays(24);

    private static Duration httpTimeout(String name, @Nullable Duration value) {
      if (value == null || value.compareTo(SHORTEST_TIMEOUT) < 0 || value.compareTo(LONGEST_TIMEOUT) > 0) {
        throw new IllegalArgumentException(name + " must be between 1 ms and 24 days, but was " + value);
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
