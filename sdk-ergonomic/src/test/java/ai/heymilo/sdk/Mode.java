package ai.heymilo.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Runs the same case through the synchronous and the asynchronous path. */
public enum Mode {
  SYNC,
  ASYNC;

  /** Calls the sync or async variant; an async failure is rethrown as the original exception. */
  public <T> T call(Supplier<T> sync, Supplier<CompletableFuture<T>> async) {
    if (this == SYNC) {
      return sync.get();
    }
    try {
      return async.get().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new AssertionError("unexpected async failure", cause);
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}
