package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.RequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * What the transport and the waiter report about each API call and each wait. {@link #NONE} reports nothing and
 * names no Micrometer type, so a client without an {@code ObservationRegistry} runs with Micrometer absent from the
 * class path; {@link MicrometerObservations} is loaded only when a registry is set.
 */
interface Observations {
  /** Observes nothing. */
  Observations NONE = new Observations() {
    @Override
    public Call call(Operation<?> operation) {
      return Call.NONE;
    }

    @Override
    public Wait startWait(Operation<?> operation) {
      return Wait.NONE;
    }
  };

  /**
   * The observations for a client's settings.
   *
   * @param registry an {@code io.micrometer.observation.ObservationRegistry}, or null for none
   */
  static Observations of(@Nullable Object registry) {
    return registry == null ? NONE : MicrometerObservations.create(registry);
  }

  /** A not yet started observation of one call of {@code operation}, through all its attempts. */
  Call call(Operation<?> operation);

  /** Starts the observation of one wait that polls {@code operation}. */
  Wait startWait(Operation<?> operation);

  /** The observation of one call. */
  interface Call {
    /** Observes nothing. */
    Call NONE = new Call() {
      @Override
      public void start(Request.Builder request) {}

      @Override
      public <R extends RawResponse<?>> R observe(Supplier<R> call, IntSupplier retries) {
        return call.get();
      }

      @Override
      public <R extends RawResponse<?>> CompletableFuture<R> observeAsync(CompletableFuture<R> call, IntSupplier retries) {
        return call;
      }
    };

    /** Starts it just before {@code request} is built, so that a tracer can add its propagation headers. */
    void start(Request.Builder request);

    /** Runs the blocking call inside the observation's scope and stops the observation with its outcome. */
    <R extends RawResponse<?>> R observe(Supplier<R> call, IntSupplier retries);

    /**
     * Returns {@code call} observed: it completes as {@code call} does once the observation is stopped, and
     * cancelling it cancels {@code call}.
     */
    <R extends RawResponse<?>> CompletableFuture<R> observeAsync(CompletableFuture<R> call, IntSupplier retries);
  }

  /** The observation of one wait, started. */
  interface Wait {
    /** Observes nothing. */
    Wait NONE = new Wait() {
      @Override
      public <T> Function<RequestOptions, T> aroundPoll(Function<RequestOptions, T> poll) {
        return poll;
      }

      @Override
      public <T> T observe(Supplier<T> wait, Function<T, @Nullable String> statusOf, IntSupplier polls) {
        return wait.get();
      }

      @Override
      public <T> CompletableFuture<T> observeAsync(CompletableFuture<T> wait, Function<T, @Nullable String> statusOf,
          IntSupplier polls) {
        return wait;
      }
    };

    /** Makes each poll start inside the wait's scope, so that its call is a child of the wait. */
    <T> Function<RequestOptions, T> aroundPoll(Function<RequestOptions, T> poll);

    /** Runs the blocking wait and stops the observation with its outcome and final status. */
    <T> T observe(Supplier<T> wait, Function<T, @Nullable String> statusOf, IntSupplier polls);

    /** Returns {@code wait} observed, as {@link Call#observeAsync} does for a call. */
    <T> CompletableFuture<T> observeAsync(CompletableFuture<T> wait, Function<T, @Nullable String> statusOf,
        IntSupplier polls);
  }
}
