package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.errors.HeyMiloException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous wait: polls, hands each outcome to its {@link WaitBudget}, and schedules the
 * next poll on the shared scheduler. No thread is held between polls.
 *
 * <p>Cancelling (or otherwise completing) the result stops the wait: the scheduled poll and the
 * poll in flight are cancelled. Both fields are volatile and re-checked after being set, so a
 * cancel racing with a new poll or schedule still reaches it.
 *
 * <p>{@link #wakeUp} (a webhook event about the resource) polls at once instead of at the scheduled time; a wake-up
 * while a poll is in flight makes the next poll immediate if that one still says pending. The scheduled poll is
 * replaced under this object's lock, and a superseded scheduled poll that already started does nothing.
 */
final class AsyncWait<T> {
  private final WaitBudget<T> budget;
  private final Supplier<CompletableFuture<RawResponse<T>>> poll;
  private final ScheduledExecutorService scheduler;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private volatile @Nullable Future<?> scheduledPoll;
  private volatile @Nullable Future<?> pollInFlight;
  /** Guarded by this: numbers the scheduled poll, so a superseded one does nothing. */
  private long scheduledSeq;
  /** Guarded by this: whether a poll is scheduled and has not started. */
  private boolean pollScheduled;
  /** Guarded by this: a wake-up came while a poll was in flight. */
  private boolean wakeRequested;

  AsyncWait(WaitBudget<T> budget, Supplier<CompletableFuture<RawResponse<T>>> poll, ScheduledExecutorService scheduler) {
    this.budget = budget;
    this.poll = poll;
    this.scheduler = scheduler;
  }

  /** Makes the first poll at once and returns the future of the whole wait. */
  CompletableFuture<T> start() {
    result.whenComplete((value, error) -> stopPolling());
    pollNow();
    return result;
  }

  private void pollNow() {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<RawResponse<T>> call;
    try {
      call = poll.get();
    } catch (RuntimeException failedToStart) {
      handle(null, failedToStart);
      return;
    }
    pollInFlight = call;
    if (result.isDone()) {
      call.cancel(true); // cancelled while the call was being started
      return;
    }
    call.whenComplete(this::handle);
  }

  private void handle(@Nullable RawResponse<T> response, @Nullable Throwable error) {
    if (result.isDone()) {
      return; // cancelled meanwhile: this outcome no longer matters
    }
    WaitDecision<T> decision;
    try {
      decision = error != null ? budget.afterError(unwrap(error)) : budget.afterResponse(response);
    } catch (RuntimeException | Error bug) {
      // e.g. a statusOf function that throws: fail the wait rather than leave it hanging.
      result.completeExceptionally(bug);
      return;
    }
    switch (decision.kind()) {
      case FINISH:
        result.complete(decision.value());
        break;
      case FAIL:
        result.completeExceptionally(decision.failure());
        break;
      case POLL_AGAIN:
        schedule(decision);
        break;
      default:
        throw new AssertionError(decision);
    }
  }

  /**
   * Polls now rather than at the scheduled time, or, with a poll in flight, right after it if it still says pending.
   * Safe from any thread, at any time; does nothing once the wait is over.
   */
  void wakeUp() {
    synchronized (this) {
      if (result.isDone()) {
        return;
      }
      if (!pollScheduled) {
        wakeRequested = true;
        return;
      }
      pollScheduled = false;
      scheduledSeq++;
      Future<?> scheduled = scheduledPoll;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
    }
    pollNow();
  }

  /** The scheduled poll number {@code seq}: polls unless a wake-up has polled instead. */
  private void scheduledPoll(long seq) {
    synchronized (this) {
      if (seq != scheduledSeq || !pollScheduled) {
        return;
      }
      pollScheduled = false;
    }
    pollNow();
  }

  private void schedule(WaitDecision<T> decision) {
    try {
      synchronized (this) {
        long delay = wakeRequested ? 0 : decision.delay().toMillis();
        wakeRequested = false;
        long seq = ++scheduledSeq;
        pollScheduled = true;
        scheduledPoll = scheduler.schedule(() -> scheduledPoll(seq), delay, TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException shutDown) {
      result.completeExceptionally(new HeyMiloException("Cannot schedule the next poll for " + budget.what()
          + ": the scheduler was shut down (was the client closed?)", shutDown));
      return;
    }
    if (result.isDone()) {
      stopPolling(); // cancelled while scheduling
    }
  }

  private void stopPolling() {
    Future<?> scheduled = scheduledPoll;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    Future<?> inFlight = pollInFlight;
    if (inFlight != null) {
      inFlight.cancel(true);
    }
  }

  /** Futures composed with thenApply and friends wrap the poll's own exception; the budget judges the original. */
  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
