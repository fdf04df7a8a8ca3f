package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.RequestLimiter;
import ai.heymilo.sdk.RequestOptions;
import ai.heymilo.sdk.Sleeper;
import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ApiTimeoutException;
import ai.heymilo.sdk.errors.ClientClosedException;
import ai.heymilo.sdk.errors.HeyMiloException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.annotation.Annotation;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Sends every call of every service — nothing else in the SDK sends a request.
 *
 * <p>A service hands over its {@link Operation}, the generated Retrofit call (used only to build the request:
 * URL, parameters, body) and the call's {@link RequestOptions}. The transport adds the options' headers and query
 * parameters, tags the request with its operation, and runs one {@link Exchange}: each attempt is paced by the
 * rate limiter, sent through OkHttp, and the exchange decides what the answer means — decoding the body with the
 * real status in hand, mapping a non-2xx to its exception, retrying what {@link RetryPolicy} allows within the
 * call's deadline. The blocking driver carries the decisions out on the caller's thread; the asynchronous driver
 * on OkHttp's dispatcher and the shared scheduler, so no thread waits through a backoff or a rate-limit delay.
 */
final class Transport {
  private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

  private final OkHttpClient http;
  private final Retrofit retrofit;
  private final RetryPolicy retryPolicy;
  private final @Nullable RequestLimiter limiter;
  private final ErrorMapper errorMapper;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ScheduledExecutorService scheduler;
  private final int defaultMaxRetries;
  private final long attemptTimeoutMillis;
  private final Lifecycle lifecycle;
  private final Redactor redactor;
  private final Observations observations;
  /** The response converter of each operation, created on first use; indexed by {@link Operation#index}. */
  private final AtomicReferenceArray<Converter<ResponseBody, ?>> converters =
      new AtomicReferenceArray<>(Operations.ALL.size());

  Transport(OkHttpClient http, Retrofit retrofit, RetryPolicy retryPolicy, @Nullable RequestLimiter limiter, Clock clock,
      Sleeper sleeper, ScheduledExecutorService scheduler, int defaultMaxRetries, Lifecycle lifecycle, Redactor redactor,
      Observations observations, boolean revealPersonalData) {
    this.http = http;
    this.retrofit = retrofit;
    this.retryPolicy = retryPolicy;
    this.limiter = limiter;
    this.errorMapper = new ErrorMapper(clock, redactor, revealPersonalData);
    this.clock = clock;
    this.sleeper = sleeper;
    this.scheduler = scheduler;
    this.defaultMaxRetries = defaultMaxRetries;
    this.attemptTimeoutMillis = http.callTimeoutMillis();
    this.lifecycle = lifecycle;
    this.redactor = redactor;
    this.observations = observations;
  }

  /**
   * Runs {@code operation} on the calling thread and returns its 2xx answer.
   *
   * @param call builds the Retrofit call; it may throw the SDK's argument checks
   * @throws HeyMiloException for every failure
   */
  <B> RawResponse<B> execute(Operation<B> operation, Supplier<retrofit2.Call<B>> call, RequestOptions options) {
    Observations.Call observation = observations.call(operation);
    Exchange<B> exchange = exchange(operation, call, options, observation);
    return observation.observe(() -> executeAll(exchange), exchange::retries);
  }

  /** Runs every attempt of {@code exchange} on the calling thread. */
  private <B> RawResponse<B> executeAll(Exchange<B> exchange) {
    lifecycle.checkOpen(exchange.describe());
    while (true) {
      Exchange.Step<B> step = attempt(exchange);
      if (step.value != null) {
        return step.value;
      }
      if (step.failure != null) {
        throw step.failure;
      }
      sleep(step.retryAfter, exchange);
    }
  }

  /**
   * Runs {@code operation} without blocking. The future completes with the 2xx answer or fails with the same
   * exceptions {@link #execute} throws (argument checks included); cancelling it cancels the request in flight and
   * any pending retry.
   */
  <B> CompletableFuture<RawResponse<B>> executeAsync(Operation<B> operation, Supplier<retrofit2.Call<B>> call,
      RequestOptions options) {
    Observations.Call observation = observations.call(operation);
    Exchange<B> exchange;
    try {
      exchange = exchange(operation, call, options, observation);
    } catch (HeyMiloException e) {
      return Futures.failed(e);
    }
    return observation.observeAsync(new AsyncDriver<>(exchange).start(), exchange::retries);
  }

  /** One blocking attempt: pace, send, decide. */
  private <B> Exchange.Step<B> attempt(Exchange<B> exchange) {
    long timeout = exchange.beginAttempt();
    RequestLimiter.Reservation slot = reserve(exchange);
    try {
      sleep(exchange.paceDelay(slot), exchange);
      Call call = newCall(exchange.request, timeout);
      // Registered so that close() cancels the call on this thread, which then ends with ClientClosedException.
      try (Lifecycle.Registration running = lifecycle.register(exchange.describe(), call::cancel)) {
        return exchange.afterResponse(call.execute());
      } catch (IOException e) {
        return lifecycle.isClosed() ? exchange.fail(Lifecycle.stopped(exchange.describe(), e)) : exchange.afterFailure(e);
      }
    } finally {
      finished(slot);
    }
  }

  private <B> Exchange<B> exchange(Operation<B> operation, Supplier<retrofit2.Call<B>> call, RequestOptions options,
      Observations.Call observation) {
    Request request;
    try {
      request = call.get().request();
    } catch (HeyMiloException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new HeyMiloException("Could not build the request of " + operation.call + "(...): " + e, e);
    }
    Request.Builder builder = request.newBuilder().tag(Operation.class, operation);
    for (Map.Entry<String, List<String>> header : options.headers().entrySet()) {
      builder.removeHeader(header.getKey());
      header.getValue().forEach(value -> builder.addHeader(header.getKey(), value));
    }
    if (!options.queryParams().isEmpty()) {
      HttpUrl.Builder url = request.url().newBuilder();
      options.queryParams().forEach((name, values) -> values.forEach(value -> url.addQueryParameter(name, value)));
      builder.url(url.build());
    }
    observation.start(builder); // before build(): a tracer adds its headers
    int maxRetries = options.maxRetries() != null ? options.maxRetries() : defaultMaxRetries;
    return new Exchange<>(operation, builder.build(), converter(operation), retryPolicy, errorMapper, clock, maxRetries,
        options.timeout(), attemptTimeoutMillis, redactor);
  }

  private Call newCall(Request request, long timeoutMillis) {
    Call call = http.newCall(request);
    call.timeout().timeout(timeoutMillis == Long.MAX_VALUE ? 0 : timeoutMillis, TimeUnit.MILLISECONDS);
    return call;
  }

  private Converter<ResponseBody, ?> converter(Operation<?> operation) {
    Converter<ResponseBody, ?> converter = converters.get(operation.index);
    if (converter == null) {
      // Retrofit caches converters itself; racing threads get equivalent ones.
      converter = operation.kind == Operation.Kind.BINARY ? body -> body
          : retrofit.responseBodyConverter(operation.responseType, NO_ANNOTATIONS);
      converters.set(operation.index, converter);
    }
    return converter;
  }

  /** Asks the limiter for a slot; a limiter failure (say, its store is down) ends the call, typed. */
  private RequestLimiter.Reservation reserve(Exchange<?> exchange) {
    if (limiter == null) {
      return NO_WAIT;
    }
    RequestLimiter.Reservation slot;
    try {
      slot = limiter.reserve();
    } catch (HeyMiloException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new HeyMiloException("The rate limiter failed before " + exchange.describe() + ": " + e, e);
    }
    if (slot == null || slot.delay() == null) {
      throw new HeyMiloException("The rate limiter " + limiter.getClass().getName() + " returned "
          + (slot == null ? "no reservation" : "a reservation without a delay") + " before " + exchange.describe()
          + "; RequestLimiter.reserve() must return a reservation whose delay() is not null", null);
    }
    return slot;
  }

  /** Reports the end of an exchange; the call's own outcome stands whatever the limiter does with it. */
  private void finished(RequestLimiter.Reservation slot) {
    if (limiter != null && slot != NO_WAIT) {
      try {
        limiter.finished(slot);
      } catch (RuntimeException ignored) {
        // A limiter that cannot record the end (its store is down) only paces less exactly.
      }
    }
  }

  private void sleep(@Nullable Duration delay, Exchange<?> exchange) {
    if (delay == null || delay.isZero()) {
      return;
    }
    try {
      lifecycle.sleep(sleeper, delay, exchange.describe());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("Interrupted before sending " + exchange.describe(), e);
    }
  }

  /**
   * The typed exception for an I/O failure: {@link ApiTimeoutException} for a timeout, else
   * {@link ApiConnectionException}; {@code when} completes the message ("during GET /…").
   */
  static ApiConnectionException connectionFailure(String when, IOException e) {
    return connectionFailure(when, e, Redactor.NONE);
  }

  /** {@link #connectionFailure(String, IOException)} with the credentials removed from the message (and the cause). */
  static ApiConnectionException connectionFailure(String when, IOException e, Redactor redactor) {
    boolean timeout = e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && String.valueOf(e.getMessage()).contains("timeout"));
    String message = redactor.redact((timeout ? "Timed out" : "Connection failed") + " " + when + ": " + e);
    // A cause whose message shows a credential (an echoed URL) is dropped: its text would reach logs and traces.
    IOException cause = redactor.reveals(String.valueOf(e.getMessage())) ? null : e;
    return timeout ? new ApiTimeoutException(message, cause) : new ApiConnectionException(message, cause);
  }

  private static final RequestLimiter.Reservation NO_WAIT = () -> Duration.ZERO;

  /** One asynchronous call through all its attempts; the same steps as {@link #attempt}, without blocking. */
  private final class AsyncDriver<B> implements Callback {
    private final Exchange<B> exchange;
    private final CompletableFuture<RawResponse<B>> future = new CompletableFuture<RawResponse<B>>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        stop();
        return cancelled;
      }
    };
    private volatile @Nullable Call inFlight;
    private volatile @Nullable ScheduledFuture<?> scheduled;
    private volatile RequestLimiter.Reservation slot = NO_WAIT;

    AsyncDriver(Exchange<B> exchange) {
      this.exchange = exchange;
    }

    CompletableFuture<RawResponse<B>> start() {
      String what = exchange.describe();
      Lifecycle.Registration registration;
      try {
        registration = lifecycle.register(what, () -> future.completeExceptionally(Lifecycle.stopped(what, null)));
      } catch (ClientClosedException e) {
        future.completeExceptionally(e);
        return future;
      }
      future.whenComplete((value, error) -> {
        registration.close();
        if (error != null) {
          stop(); // failed or stopped at close: no retry may follow, no request stay open
        }
      });
      attemptNow();
      return future;
    }

    private void attemptNow() {
      if (future.isDone()) {
        return;
      }
      long timeout = exchange.beginAttempt();
      Duration delay;
      try {
        slot = reserve(exchange);
        delay = exchange.paceDelay(slot);
      } catch (HeyMiloException e) {
        finished(slot);
        future.completeExceptionally(e);
        return;
      }
      runAfter(delay, () -> send(timeout));
    }

    private void send(long timeout) {
      try {
        lifecycle.checkOpen(exchange.describe());
      } catch (HeyMiloException e) {
        finished(slot);
        future.completeExceptionally(e);
        return;
      }
      Call call = newCall(exchange.request, timeout);
      inFlight = call;
      if (future.isDone()) {
        finished(slot); // cancelled while starting: never sent
        return;
      }
      call.enqueue(this);
    }

    @Override
    public void onResponse(Call call, Response response) {
      finished(slot);
      handle(exchange.afterResponse(response));
    }

    @Override
    public void onFailure(Call call, IOException e) {
      finished(slot);
      handle(lifecycle.isClosed() ? exchange.fail(Lifecycle.stopped(exchange.describe(), e)) : exchange.afterFailure(e));
    }

    private void handle(Exchange.Step<B> step) {
      if (step.value != null) {
        if (!future.complete(step.value) && step.value.data() instanceof ResponseBody) {
          ((ResponseBody) step.value.data()).close(); // cancelled meanwhile: nobody will read it
        }
      } else if (step.failure != null) {
        future.completeExceptionally(step.failure);
      } else {
        runAfter(step.retryAfter, this::attemptNow);
      }
    }

    /** Runs {@code action} now or on the scheduler after {@code delay}; a refusing scheduler fails the call. */
    private void runAfter(@Nullable Duration delay, Runnable action) {
      if (future.isDone()) {
        return;
      }
      if (delay == null || delay.isZero()) {
        action.run();
        return;
      }
      try {
        scheduled = scheduler.schedule(action, Millis.of(delay), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        future.completeExceptionally(lifecycle.isClosed() ? Lifecycle.stopped(exchange.describe(), e) : new ApiConnectionException("Cannot schedule the next attempt of " + exchange.describe()
            + ": the client's scheduler was shut down (was the client closed?)", e));
        return;
      }
      if (future.isDone()) {
        stop(); // cancelled while scheduling
      }
    }

    private void stop() {
      ScheduledFuture<?> pending = scheduled;
      if (pending != null) {
        pending.cancel(false);
      }
      Call call = inFlight;
      if (call != null) {
        call.cancel();
      }
    }
  }
}
