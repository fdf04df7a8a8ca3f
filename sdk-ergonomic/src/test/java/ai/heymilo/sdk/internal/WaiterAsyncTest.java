package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.Sleeper;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ErrorResponse;
import ai.heymilo.sdk.errors.HeyMiloException;
import ai.heymilo.sdk.errors.NotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Runs the wait cases through {@link Waiter#awaitAsync}: every delay is a task on a
 * {@link ManualScheduler} that the test runs, moving the clock; nothing sleeps.
 */
final class WaiterAsyncTest extends WaiterContractTest {
  private static final Sleeper NEVER_SLEEPS = duration -> {
    throw new AssertionError("an asynchronous wait must not sleep, but slept " + duration);
  };

  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final Waiter waiter = new Waiter(clock, NEVER_SLEEPS, scheduler, this::nextRandom, Observations.NONE);
  /** Futures of polls still in flight (those the script made hang). */
  private final List<CompletableFuture<RawResponse<String>>> hangingPolls = new ArrayList<>();
  private int hangOnPoll;

  @Override
  String await(WaitOptions options, Function<String, @Nullable String> statusOf) {
    CompletableFuture<String> wait = waiter.awaitAsync(POLLED, WHAT, pollOptions -> pollAsync(), statusOf, options, INTERVIEW_PENDING);
    runScheduledPolls(wait);
    assertTrue(wait.isDone(), "the wait neither ended nor scheduled another poll");
    assertEquals(0, scheduler.pending(), "a finished wait left a poll scheduled");
    try {
      return wait.join();
    } catch (CompletionException e) {
      throw asUnchecked(e.getCause());
    }
  }

  @Override
  List<Duration> delays() {
    return scheduler.delays();
  }

  private void runScheduledPolls(CompletableFuture<?> wait) {
    while (!wait.isDone() && scheduler.runNext()) {
      // each run moves the clock to the task's due time and makes one poll
    }
  }

  /** Answers from the script, as a completed or failed future, or hangs on the chosen poll. */
  private CompletableFuture<RawResponse<String>> pollAsync() {
    if (polls.count() + 1 == hangOnPoll) {
      polls.next(); // record the poll
      CompletableFuture<RawResponse<String>> inFlight = new CompletableFuture<>();
      hangingPolls.add(inFlight);
      return inFlight;
    }
    try {
      return CompletableFuture.completedFuture(polls.next());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<String> start(WaitOptions options) {
    return waiter.awaitAsync(POLLED, WHAT, pollOptions -> pollAsync(), STATUS_OF, options, INTERVIEW_PENDING);
  }

  @Test
  void awaitAsync_firstPoll_happensAtOnceOnTheCallersThread() {
    polls.respond("evaluating", "completed");

    CompletableFuture<String> wait = start(NO_JITTER);

    assertEquals(1, polls.count());
    assertFalse(wait.isDone());
    assertEquals(seconds(2), scheduler.delays());
  }

  @Test
  void awaitAsync_cancelWhileWaiting_cancelsScheduledPollAndStops() {
    polls.respond("evaluating", "completed");
    CompletableFuture<String> wait = start(NO_JITTER);

    assertTrue(wait.cancel(false));

    assertTrue(scheduler.tasks().get(0).isCancelled());
    assertFalse(scheduler.runNext());
    assertEquals(1, polls.count());
    assertThrows(CancellationException.class, wait::join);
  }

  @Test
  void awaitAsync_cancelDuringPoll_cancelsTheCallInFlight() {
    polls.respond("evaluating", "evaluating", "completed");
    hangOnPoll = 2;
    CompletableFuture<String> wait = start(NO_JITTER);
    assertTrue(scheduler.runNext());
    assertEquals(1, hangingPolls.size());

    assertTrue(wait.cancel(true));

    assertTrue(hangingPolls.get(0).isCancelled());
    assertEquals(0, scheduler.pending());
    assertEquals(2, polls.count());
  }

  @Test
  void awaitAsync_cancelWhileCallStarts_cancelsTheNewCall() {
    AtomicReference<CompletableFuture<String>> waitRef = new AtomicReference<>();
    CompletableFuture<RawResponse<String>> secondCall = new CompletableFuture<>();
    polls.respond("evaluating");
    Supplier<CompletableFuture<RawResponse<String>>> poll = () -> {
      if (polls.count() == 0) {
        return CompletableFuture.completedFuture(polls.next());
      }
      waitRef.get().cancel(false); // the caller cancels on another thread just as the call starts
      return recordAnd(secondCall);
    };
    waitRef.set(waiter.awaitAsync(POLLED, WHAT, pollOptions -> poll.get(), STATUS_OF, NO_JITTER, INTERVIEW_PENDING));

    scheduler.runNext();

    assertTrue(secondCall.isCancelled());
    assertEquals(0, scheduler.pending());
  }

  @Test
  void awaitAsync_callAnswersDespiteCancel_isIgnored() {
    CompletableFuture<RawResponse<String>> stubborn = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        return false; // a call that cannot be stopped
      }
    };
    polls.respond("evaluating");
    Supplier<CompletableFuture<RawResponse<String>>> poll =
        () -> polls.count() == 0 ? CompletableFuture.completedFuture(polls.next()) : recordAnd(stubborn);
    CompletableFuture<String> wait = waiter.awaitAsync(POLLED, WHAT, pollOptions -> poll.get(), STATUS_OF, NO_JITTER, INTERVIEW_PENDING);
    scheduler.runNext();
    wait.cancel(false);

    stubborn.complete(RawResponse.of(200, Map.of(), "evaluating"));

    assertEquals(0, scheduler.pending());
    assertEquals(2, polls.count());
  }

  private <V> V recordAnd(V result) {
    polls.next();
    return result;
  }

  @Test
  void awaitAsync_failure_exposesTheOriginalExceptionThroughGetAndJoin() {
    NotFoundException notFound = new NotFoundException(ErrorResponse.builder(404).build());
    polls.fail(notFound);

    CompletableFuture<String> wait = start(NO_JITTER);

    ExecutionException viaGet = assertThrows(ExecutionException.class, wait::get);
    assertSame(notFound, viaGet.getCause());
    CompletionException viaJoin = assertThrows(CompletionException.class, wait::join);
    assertSame(notFound, viaJoin.getCause());
  }

  @Test
  void awaitAsync_pollFailsWithWrappedException_judgesTheOriginal() {
    polls.fail(new ApiConnectionException("reset", new IOException()));
    polls.respond("completed");
    // Futures derived with thenApply fail with a CompletionException around the real error.
    Supplier<CompletableFuture<RawResponse<String>>> poll = () -> {
      try {
        return CompletableFuture.completedFuture(polls.next());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(new CompletionException(e));
      }
    };

    CompletableFuture<String> wait = waiter.awaitAsync(POLLED, WHAT, pollOptions -> poll.get(), STATUS_OF, NO_JITTER, INTERVIEW_PENDING);
    runScheduledPolls(wait);

    assertEquals("completed", wait.join());
  }

  @Test
  void awaitAsync_pollSupplierThrows_countsAsAFailedPoll() {
    polls.fail(new ApiConnectionException("down", new IOException()));
    polls.respond("completed");

    // The supplier itself throws instead of returning a failed future.
    CompletableFuture<String> wait = waiter.awaitAsync(POLLED, WHAT, pollOptions -> CompletableFuture.completedFuture(polls.next()),
        STATUS_OF, NO_JITTER, INTERVIEW_PENDING);
    runScheduledPolls(wait);

    assertEquals("completed", wait.join());
    assertEquals(2, polls.count());
  }

  @Test
  void awaitAsync_schedulerShutDown_failsTheWait() {
    polls.respond("evaluating");
    scheduler.shutdown();

    CompletableFuture<String> wait = start(NO_JITTER);

    CompletionException e = assertThrows(CompletionException.class, wait::join);
    assertInstanceOf(HeyMiloException.class, e.getCause());
    assertEquals("Cannot schedule the next poll for interview iv_1 data: the scheduler was shut down "
        + "(was the client closed?)", e.getCause().getMessage());
  }

  private static RuntimeException asUnchecked(Throwable failure) {
    if (failure instanceof RuntimeException) {
      return (RuntimeException) failure;
    }
    throw new AssertionError("the wait failed with a checked exception or error", failure);
  }
}
