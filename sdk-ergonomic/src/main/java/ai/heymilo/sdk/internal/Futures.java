package ai.heymilo.sdk.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Derives futures that pass cancellation back: {@code CompletableFuture.thenApply} returns a
 * future whose {@code cancel} leaves the source running, so cancelling a mapped call would not
 * cancel the HTTP request behind it.
 */
final class Futures {
  private Futures() {}

  /** Like {@code source.thenApply(mapper)}, but cancelling the result cancels {@code source}. */
  static <A, B> CompletableFuture<B> map(CompletableFuture<A> source, Function<? super A, ? extends B> mapper) {
    CompletableFuture<B> result = new CompletableFuture<B>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        source.cancel(mayInterruptIfRunning);
        return super.cancel(mayInterruptIfRunning);
      }
    };
    source.whenComplete((value, error) -> {
      if (error != null) {
        result.completeExceptionally(unwrap(error));
        return;
      }
      try {
        result.complete(mapper.apply(value));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /**
   * A future that completes as {@code source} does, but only after {@code first} has seen the outcome (so that, say,
   * an observation is stopped before the caller goes on); cancelling it cancels {@code source}.
   */
  static <T> CompletableFuture<T> afterCompletion(CompletableFuture<T> source,
      java.util.function.BiConsumer<? super T, ? super Throwable> first) {
    CompletableFuture<T> result = new CompletableFuture<T>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        source.cancel(mayInterruptIfRunning);
        return cancelled;
      }
    };
    source.whenComplete((value, error) -> {
      Throwable failure = error == null ? null : unwrap(error);
      try {
        first.accept(value, failure);
      } finally {
        if (failure != null) {
          result.completeExceptionally(failure);
        } else {
          result.complete(value);
        }
      }
    });
    return result;
  }

  /** A future already failed with {@code failure}. */
  static <T> CompletableFuture<T> failed(Throwable failure) {
    CompletableFuture<T> future = new CompletableFuture<>();
    future.completeExceptionally(failure);
    return future;
  }

  /** {@code whenComplete} hands over a CompletionException around the real failure; callers want the real one. */
  static Throwable unwrap(Throwable error) {
    return error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
  }
}
