package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.RequestLimiter;
import ai.heymilo.sdk.Sleeper;
import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ApiTimeoutException;
import ai.heymilo.sdk.errors.HeyMiloException;
import ai.heymilo.sdk.errors.InvalidResponseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Executes the generated Retrofit calls for every resource: paces them through the optional rate
 * limiter, retries what {@link RetryPolicy} allows, and turns every failure into a
 * {@link HeyMiloException}. Nothing else in the SDK sends a request.
 *
 * <p>Synchronous calls run and sleep on the caller's thread; asynchronous calls wait between
 * attempts on the shared scheduler, so no thread is held while a call backs off.
 */
public final class Transport {
  private static final Pattern JSON_PATH = Pattern.compile("path (\\$[^\\s,;]*)");

  private final RetryPolicy retryPolicy;
  private final @Nullable RequestLimiter rateLimiter;
  private final ErrorMapper errorMapper;
  private final Sleeper sleeper;
  private final ScheduledExecutorService scheduler;

  public Transport(RetryPolicy retryPolicy, @Nullable RequestLimiter rateLimiter, java.time.Clock clock, Sleeper sleeper,
      ScheduledExecutorService scheduler) {
    this.retryPolicy = retryPolicy;
    this.rateLimiter = rateLimiter;
    this.errorMapper = new ErrorMapper(clock);
    this.sleeper = sleeper;
    this.scheduler = scheduler;
  }

  /**
   * Sends {@code call} (retrying per the policy) and returns the decoded 2xx body with its status
   * and headers.
   *
   * @param idempotent whether the request may be repeated after it possibly reached the server
   * @throws HeyMiloException for every failure
   */
  public <T> RawResponse<T> execute(Call<T> call, boolean idempotent) {
    Call<T> current = call;
    for (int attempt = 1; ; attempt++) {
      RequestLimiter.@Nullable Reservation slot = pace(current.request());
      HeyMiloException failure;
      try {
        return toRawResponse(current.request(), executeAndReport(current, slot));
      } catch (HeyMiloException e) {
        failure = e;
      } catch (BodyDecodeException e) {
        throw invalidResponse(current.request(), e);
      } catch (IOException e) {
        failure = connectionFailure(current.request(), e);
      } catch (RuntimeException e) {
        throw unexpected(current.request(), e);
      }
      Duration delay = retryPolicy.delayBeforeRetry(failure, attempt, idempotent);
      if (delay == null) {
        throw failure;
      }
      pause(delay, current.request());
      current = current.clone();
    }
  }

  /**
   * Sends {@code call} asynchronously with the same retries. Cancelling the returned future cancels
   * the call in flight and any pending retry.
   */
  public <T> CompletableFuture<RawResponse<T>> executeAsync(Call<T> call, boolean idempotent) {
    AsyncExchange<T> exchange = new AsyncExchange<>(call, idempotent);
    exchange.start();
    return exchange.future;
  }

  /** Waits on this thread for the rate limiter's next slot; returns it, or null without a limiter. */
  private RequestLimiter.@Nullable Reservation pace(Request request) {
    if (rateLimiter == null) {
      return null;
    }
    RequestLimiter.Reservation slot = reserve(rateLimiter, request);
    pause(slot.delay().toMillis(), request);
    return slot;
  }

  /** Asks the limiter for a slot; a limiter failure (say, its store is down) ends the call, typed. */
  private static RequestLimiter.Reservation reserve(RequestLimiter limiter, Request request) {
    try {
      return limiter.reserve();
    } catch (HeyMiloException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new HeyMiloException("The rate limiter failed before " + describe(request) + ": " + e, e);
    }
  }

  /** Runs the call; then tells the rate limiter that the exchange of {@code slot} has ended. */
  private <T> Response<T> executeAndReport(Call<T> call, RequestLimiter.@Nullable Reservation slot) throws IOException {
    try {
      return call.execute();
    } finally {
      finished(slot);
    }
  }

  private void finished(RequestLimiter.@Nullable Reservation slot) {
    if (rateLimiter != null && slot != null) {
      rateLimiter.finished(slot);
    }
  }

  private void pause(long millis, Request request) {
    if (millis > 0) {
      pause(Duration.ofMillis(millis), request);
    }
  }

  private void pause(Duration delay, Request request) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("Interrupted before sending " + describe(request), e);
    }
  }

  /** A 2xx with its body, or the mapped exception for anything else. */
  private <T> RawResponse<T> toRawResponse(Request request, Response<T> response) {
    if (!response.isSuccessful()) {
      throw errorMapper.toException(response.code(), response.headers(), response.errorBody());
    }
    T body = response.body();
    if (body == null) {
      throw new InvalidResponseException(
          "The " + response.code() + " response to " + describe(request) + " has no body", response.code(), "$", null);
    }
    return RawResponse.of(response.code(), HeaderMaps.view(response.headers()), body);
  }

  static HeyMiloException connectionFailure(Request request, IOException e) {
    return connectionFailure("during " + describe(request), e);
  }

  /**
   * The typed exception for an I/O failure: {@link ApiTimeoutException} for a timeout, else
   * {@link ApiConnectionException}; {@code when} completes the message ("during GET /…").
   */
  public static ApiConnectionException connectionFailure(String when, IOException e) {
    boolean timeout = e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && String.valueOf(e.getMessage()).contains("timeout"));
    String message = (timeout ? "Timed out" : "Connection failed") + " " + when + ": " + e;
    return timeout ? new ApiTimeoutException(message, e) : new ApiConnectionException(message, e);
  }

  private static InvalidResponseException invalidResponse(Request request, BodyDecodeException e) {
    int status = e.statusCode;
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String detail = String.valueOf(cause.getMessage());
    Matcher path = JSON_PATH.matcher(detail);
    String jsonPath = path.find() ? path.group(1) : null;
    return new InvalidResponseException(
        "Could not decode the " + status + " response to " + describe(request) + (jsonPath == null ? "" : " at " + jsonPath) + ": " + detail,
        status, jsonPath, cause);
  }

  /** A bug or a misbehaving interceptor: still typed, still naming the request. */
  private static HeyMiloException unexpected(Request request, RuntimeException e) {
    return new HeyMiloException("Unexpected failure during " + describe(request) + ": " + e, e);
  }

  /** {@code GET /api/v2/interviews/iv_1/data} — method and path only: no host, no query values. */
  static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  /** One asynchronous call through all its attempts. */
  private final class AsyncExchange<T> implements Callback<T> {
    private final boolean idempotent;
    private final CompletableFuture<RawResponse<T>> future = new CompletableFuture<RawResponse<T>>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        stop();
        return cancelled;
      }
    };
    private volatile Call<T> current;
    private volatile @Nullable ScheduledFuture<?> scheduled;
    /** The rate limiter's slot of the attempt in flight, released when its exchange ends. */
    private volatile RequestLimiter.@Nullable Reservation slot;
    private int attempt;

    AsyncExchange(Call<T> call, boolean idempotent) {
      this.current = call;
      this.idempotent = idempotent;
    }

    void start() {
      attempt = 1;
      sendPaced();
    }

    /** Sends now, or when the rate limiter's slot comes up. */
    private void sendPaced() {
      RequestLimiter limiter = rateLimiter;
      if (limiter == null) {
        runAfter(0, () -> current.enqueue(this));
        return;
      }
      RequestLimiter.Reservation reserved;
      try {
        reserved = reserve(limiter, current.request());
      } catch (HeyMiloException e) {
        future.completeExceptionally(e);
        return;
      }
      slot = reserved;
      runAfter(reserved.delay().toMillis(), () -> current.enqueue(this));
    }

    private void runAfter(long delayMillis, Runnable action) {
      if (future.isDone()) {
        return;
      }
      if (delayMillis <= 0) {
        action.run();
        return;
      }
      scheduled = scheduler.schedule(() -> {
        if (!future.isDone()) {
          action.run();
        }
      }, delayMillis, TimeUnit.MILLISECONDS);
      if (future.isDone()) {
        stop(); // Cancelled while scheduling.
      }
    }

    @Override
    public void onResponse(Call<T> call, Response<T> response) {
      finished(slot);
      try {
        future.complete(toRawResponse(call.request(), response));
      } catch (HeyMiloException e) {
        retryOrFail(call.request(), e);
      } catch (RuntimeException e) {
        future.completeExceptionally(unexpected(call.request(), e));
      }
    }

    @Override
    public void onFailure(Call<T> call, Throwable t) {
      finished(slot);
      if (t instanceof BodyDecodeException) {
        future.completeExceptionally(invalidResponse(call.request(), (BodyDecodeException) t));
      } else if (t instanceof IOException) {
        retryOrFail(call.request(), connectionFailure(call.request(), (IOException) t));
      } else {
        future.completeExceptionally(t instanceof RuntimeException ? unexpected(call.request(), (RuntimeException) t)
            : new HeyMiloException("Unexpected failure during " + describe(call.request()) + ": " + t, t));
      }
    }

    private void retryOrFail(Request request, HeyMiloException failure) {
      if (future.isDone()) {
        return;
      }
      Duration delay = retryPolicy.delayBeforeRetry(failure, attempt, idempotent);
      if (delay == null) {
        future.completeExceptionally(failure);
        return;
      }
      attempt++;
      current = current.clone();
      runAfter(delay.toMillis(), this::sendPaced);
    }

    private void stop() {
      ScheduledFuture<?> pending = scheduled;
      if (pending != null) {
        pending.cancel(false);
      }
      current.cancel();
    }
  }
}
