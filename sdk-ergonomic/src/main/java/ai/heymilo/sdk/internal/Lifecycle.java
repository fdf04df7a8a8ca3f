package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.Sleeper;
import ai.heymilo.sdk.errors.ClientClosedException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Whether a client is open, and everything that must stop when it closes: blocking OkHttp calls (cancelled), futures
 * of asynchronous calls and waits (failed with {@link ClientClosedException}), and sleeps between attempts and polls
 * (woken). A client and the clients derived from it share one lifecycle.
 *
 * <p>Registering on a closed lifecycle fails at once, and {@link #close()} sets the flag before it stops what is
 * registered, so nothing started after the flag is set escapes the stop.
 */
final class Lifecycle {
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Set<Registration> inFlight = ConcurrentHashMap.newKeySet();

  /** Something in flight; {@link #close()} ends it unless it was released first. */
  final class Registration implements AutoCloseable {
    private final Runnable stop;

    private Registration(Runnable stop) {
      this.stop = stop;
    }

    /** The thing has ended by itself: no need to stop it at close. */
    @Override
    public void close() {
      inFlight.remove(this);
    }
  }

  boolean isClosed() {
    return closed.getCount() == 0;
  }

  /**
   * Registers {@code stop}, run once at close while the thing is still in flight.
   *
   * @param what the operation, for the message: {@code GET /api/v2/interviews/iv_1/data}
   * @throws ClientClosedException if the client is already closed
   */
  Registration register(String what, Runnable stop) {
    checkOpen(what);
    Registration registration = new Registration(stop);
    inFlight.add(registration);
    if (isClosed() && inFlight.remove(registration)) {
      throw notStarted(what); // closed while registering; close() may have missed it
    }
    return registration;
  }

  /**
   * Ends {@code future} with {@link ClientClosedException} if the client closes before it completes.
   *
   * @param what what the future stands for, for the message: {@code waiting for interview iv_1 data}
   * @return {@code future}, or a failed future if the client is already closed
   */
  <T> CompletableFuture<T> track(String what, CompletableFuture<T> future) {
    Registration registration;
    try {
      registration = register(what, () -> future.completeExceptionally(stopped(what, null)));
    } catch (ClientClosedException e) {
      future.completeExceptionally(e);
      return future;
    }
    future.whenComplete((value, error) -> registration.close());
    return future;
  }

  /** @throws ClientClosedException if the client is closed */
  void checkOpen(String what) {
    if (isClosed()) {
      throw notStarted(what);
    }
  }

  /**
   * Sleeps like {@code sleeper}, but wakes up when the client closes. The system sleeper is replaced by a wait on the
   * close latch; an injected sleeper (a test's fake time) runs as it is, and the closed state is checked after it.
   *
   * @throws ClientClosedException if the client closed before or during the sleep
   */
  void sleep(Sleeper sleeper, Duration delay, String what) throws InterruptedException {
    if (sleeper == Sleeper.SYSTEM) {
      if (closed.await(Millis.of(delay), TimeUnit.MILLISECONDS)) {
        throw stopped(what, null);
      }
      return;
    }
    sleeper.sleep(delay);
    if (isClosed()) {
      throw stopped(what, null);
    }
  }

  /** Closes: from now on nothing starts, and everything registered is stopped. Idempotent. */
  void close() {
    closed.countDown();
    // Whoever removes a registration owns it: here it is stopped; in register() (which saw the flag) it is refused.
    for (Registration registration : inFlight) {
      if (!inFlight.remove(registration)) {
        continue;
      }
      try {
        registration.stop.run();
      } catch (RuntimeException ignored) {
        // One failing stop must not leave the others running.
      }
    }
  }

  /** "The client was closed; GET … was not started". */
  static ClientClosedException notStarted(String what) {
    return new ClientClosedException("The client was closed; " + what + " was not started", null);
  }

  /** "The client was closed while GET … was in flight; it was stopped". */
  static ClientClosedException stopped(String what, @Nullable Throwable cause) {
    String activity = what.startsWith("waiting for ") ? what : what + " was in flight";
    return new ClientClosedException("The client was closed while " + activity + "; it was stopped", cause);
  }
}
