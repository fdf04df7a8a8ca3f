package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.Sleeper;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.HeyMiloException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Polls a resource until its status leaves the pending set, synchronously or asynchronously.
 * Not API: public only so that the resources can use it.
 *
 * <pre>{@code
 * InterviewDataResponse data = waiter.await("interview iv_1 data",
 *     () -> transport.execute(call),                     // one poll
 *     InterviewDataResponse::getStatus, options, Set.of("not_ready", "evaluating"));
 * }</pre>
 *
 * <p>What each poll means — finish, fail, or poll again after which delay — is decided by
 * {@link WaitBudget} (see there for the rules); this class only carries the decisions out: on the
 * caller's thread with the {@link Sleeper}, or on the shared scheduler without a thread per wait.
 * Thread-safe; one instance serves the whole client.
 *
 * <p>A wait given the operation and id it polls registers with {@link WaitWakeups} for as long as it runs: a webhook
 * event about that resource wakes it to poll at once (the poll confirms; a still-pending answer keeps it waiting),
 * and while events are wired in its delays are at least {@link WaitOptions#eventFallbackDelay()} until an event says
 * the results are near. A synchronous wait is woken from its sleep by an interrupt that only a {@link SleepingWait}
 * delivers and consumes.
 */
final class Waiter {
  private final Clock clock;
  private final Sleeper sleeper;
  private final ScheduledExecutorService scheduler;
  private final DoubleSupplier random;
  private final WaitWakeups wakeups;

  /**
   * Creates a waiter.
   *
   * @param clock measures elapsed time and the deadline
   * @param sleeper sleeps between the polls of a synchronous wait
   * @param scheduler runs the polls of asynchronous waits after their delays
   * @param random returns numbers in [0, 1) for jitter
   */
  Waiter(Clock clock, Sleeper sleeper, ScheduledExecutorService scheduler, DoubleSupplier random) {
    this(clock, sleeper, scheduler, random, new WaitWakeups());
  }

  /** Creates a waiter whose waits webhook events can wake through {@code wakeups}. */
  Waiter(Clock clock, Sleeper sleeper, ScheduledExecutorService scheduler, DoubleSupplier random, WaitWakeups wakeups) {
    this.wakeups = Objects.requireNonNull(wakeups, "wakeups == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
    this.random = Objects.requireNonNull(random, "random == null");
  }

  /**
   * Polls on the calling thread until the status is not pending, and returns the last value.
   *
   * @param what what is awaited, for messages: {@code interview iv_1 data}
   * @param poll makes one request; throws its failure
   * @param statusOf reads the status of a value; null means the server gave none, which ends the wait
   * @param options timing, pending statuses and listener
   * @param defaultPendingStatuses the pending statuses if {@code options} sets none
   * @throws ai.heymilo.sdk.errors.WaitTimeoutException if the status is still pending at the timeout
   * @throws HeyMiloException if the thread is interrupted while sleeping (the interrupt flag is kept set)
   * @throws RuntimeException the very exception of a poll that failed for good (anything but a
   *     connection failure, 408, 429 or 5xx)
   */
  public <T> T await(String what, Supplier<RawResponse<T>> poll, Function<T, @Nullable String> statusOf,
      WaitOptions options, Set<String> defaultPendingStatuses) {
    return await(null, "", what, poll, statusOf, options, defaultPendingStatuses);
  }

  /**
   * As {@link #await(String, Supplier, Function, WaitOptions, Set)}, woken by webhook events about resource
   * {@code id} of {@code operation}.
   */
  public <T> T await(@Nullable Operation<?> operation, String id, String what, Supplier<RawResponse<T>> poll,
      Function<T, @Nullable String> statusOf, WaitOptions options, Set<String> defaultPendingStatuses) {
    Objects.requireNonNull(poll, "poll == null");
    WaitBudget<T> budget = budget(what, statusOf, options, defaultPendingStatuses);
    SleepingWait sleeping = new SleepingWait(Thread.currentThread());
    boolean wakeable = operation != null && WaitWakeups.concerns(operation);
    Runnable unregister = wakeable ? wakeups.register(operation, id, sleeping) : () -> { };
    if (wakeable) {
      budget.delayFloor(() -> sleeping.millis(options));
    }
    try {
      while (true) {
        WaitDecision<T> decision = pollOnce(poll, budget);
        switch (decision.kind()) {
          case FINISH:
            return decision.value();
          case FAIL:
            throw unchecked(decision.failure());
          case POLL_AGAIN:
            sleep(decision, budget, sleeping);
            break;
          default:
            throw new AssertionError(decision);
        }
      }
    } finally {
      unregister.run();
    }
  }

  /**
   * Polls without blocking until the status is not pending; every delay is a task on the shared
   * scheduler. Cancelling the returned future stops the wait: the scheduled poll is cancelled and
   * so is a poll in flight. The future fails with the same exceptions that {@link #await} throws.
   *
   * @param poll starts one request and returns its future; cancelling that future cancels the request
   * @see #await
   */
  public <T> CompletableFuture<T> awaitAsync(String what, Supplier<CompletableFuture<RawResponse<T>>> poll,
      Function<T, @Nullable String> statusOf, WaitOptions options, Set<String> defaultPendingStatuses) {
    return awaitAsync(null, "", what, poll, statusOf, options, defaultPendingStatuses);
  }

  /**
   * As {@link #awaitAsync(String, Supplier, Function, WaitOptions, Set)}, woken by webhook events about resource
   * {@code id} of {@code operation}.
   */
  public <T> CompletableFuture<T> awaitAsync(@Nullable Operation<?> operation, String id, String what,
      Supplier<CompletableFuture<RawResponse<T>>> poll, Function<T, @Nullable String> statusOf, WaitOptions options,
      Set<String> defaultPendingStatuses) {
    Objects.requireNonNull(poll, "poll == null");
    WaitBudget<T> budget = budget(what, statusOf, options, defaultPendingStatuses);
    AsyncWait<T> wait = new AsyncWait<>(budget, poll, scheduler);
    if (operation == null || !WaitWakeups.concerns(operation)) {
      return wait.start();
    }
    FallbackFloor floor = new FallbackFloor();
    budget.delayFloor(() -> floor.millis(options));
    Runnable unregister = wakeups.register(operation, id, resumePolling -> {
      floor.resumed |= resumePolling;
      wait.wakeUp();
    });
    CompletableFuture<T> result = wait.start();
    result.whenComplete((value, error) -> unregister.run());
    return result;
  }

  /** The fallback delay floor of one wait: while events are wired in and none has said the results are near. */
  private class FallbackFloor {
    volatile boolean resumed;

    long millis(WaitOptions options) {
      return !resumed && wakeups.eventsWired() ? options.eventFallbackDelay().toMillis() : 0;
    }
  }

  /**
   * A synchronous wait's thread as a webhook event sees it: asleep between polls (wake it with an interrupt, which
   * {@link #afterSleep} consumes) or polling (note the wake-up; the next sleep is skipped). The lock makes the
   * interrupt land only in the sleep.
   */
  private final class SleepingWait extends FallbackFloor implements WaitWakeups.Wakeup {
    private final Thread thread;
    private boolean sleeping;
    private boolean interrupted;
    private boolean wokenWhilePolling;

    SleepingWait(Thread thread) {
      this.thread = thread;
    }

    @Override
    public synchronized void wake(boolean resumePolling) {
      resumed |= resumePolling;
      if (sleeping && !interrupted) {
        interrupted = true;
        thread.interrupt();
      } else if (!sleeping) {
        wokenWhilePolling = true;
      }
    }

    /** Returns false if a wake-up came during the poll: poll again at once. */
    synchronized boolean beforeSleep() {
      if (wokenWhilePolling) {
        wokenWhilePolling = false;
        return false;
      }
      sleeping = true;
      return true;
    }

    /** Returns whether the sleep was ended by a wake-up; its interrupt is consumed then. */
    synchronized boolean afterSleep() {
      sleeping = false;
      boolean woken = interrupted;
      interrupted = false;
      if (woken) {
        Thread.interrupted();
      }
      return woken;
    }
  }

  private <T> WaitBudget<T> budget(String what, Function<T, @Nullable String> statusOf, WaitOptions options,
      Set<String> defaultPendingStatuses) {
    Objects.requireNonNull(what, "what == null");
    Objects.requireNonNull(statusOf, "statusOf == null");
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(defaultPendingStatuses, "defaultPendingStatuses == null");
    Set<String> chosen = options.pendingStatuses();
    Set<String> pending = chosen != null ? chosen : defaultPendingStatuses;
    return new WaitBudget<>(what, statusOf, options, pending, clock, random);
  }

  private static <T> WaitDecision<T> pollOnce(Supplier<RawResponse<T>> poll, WaitBudget<T> budget) {
    RawResponse<T> response;
    try {
      response = poll.get();
    } catch (RuntimeException pollFailure) {
      return budget.afterError(pollFailure);
    }
    return budget.afterResponse(response);
  }

  private void sleep(WaitDecision<?> decision, WaitBudget<?> budget, SleepingWait sleeping) {
    if (!sleeping.beforeSleep()) {
      return;
    }
    try {
      sleeper.sleep(decision.delay());
      sleeping.afterSleep();
    } catch (InterruptedException interrupted) {
      if (sleeping.afterSleep()) {
        return; // a webhook event: poll now
      }
      Thread.currentThread().interrupt(); // keep the flag for the caller's own cancellation logic
      throw new HeyMiloException("Interrupted while waiting for " + budget.what() + " after " + budget.attempts()
          + (budget.attempts() == 1 ? " poll" : " polls"), interrupted);
    }
  }

  /** A synchronous poll only fails with unchecked exceptions; this keeps the compiler convinced. */
  private static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof RuntimeException) {
      return (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    return new HeyMiloException(failure.toString(), failure);
  }
}
