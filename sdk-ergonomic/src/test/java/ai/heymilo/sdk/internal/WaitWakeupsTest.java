package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.Sleeper;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.HeyMiloException;
import ai.heymilo.sdk.webhooks.WebhookEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Webhook events wake pending waits: at once, confirmed by a poll, with polling as the fallback while wired. */
final class WaitWakeupsTest {
  private static final Set<String> PENDING = Set.of("not_ready", "evaluating");
  private static final WaitOptions OPTIONS = WaitOptions.builder().jitter(0).timeout(Duration.ofHours(1)).build();
  private static final String INTERVIEW = "iv_1";

  private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final WaitWakeups wakeups = new WaitWakeups();
  private final Waiter waiter = new Waiter(clock, duration -> {
    throw new AssertionError("an asynchronous wait must not sleep");
  }, scheduler, () -> 0.5, wakeups);
  private final Deque<String> answers = new ArrayDeque<>();
  private final List<CompletableFuture<RawResponse<String>>> hanging = new ArrayList<>();
  private int polls;
  private boolean hangNext;

  private CompletableFuture<RawResponse<String>> poll() {
    polls++;
    String status = answers.size() > 1 ? answers.poll() : answers.peek();
    if (hangNext) {
      hangNext = false;
      CompletableFuture<RawResponse<String>> inFlight = new CompletableFuture<>();
      hanging.add(inFlight);
      return inFlight;
    }
    return CompletableFuture.completedFuture(RawResponse.of(200, Map.of(), status));
  }

  private CompletableFuture<String> awaitInterview() {
    return waiter.awaitAsync(Operations.GET_INTERVIEW_DATA, INTERVIEW, "interview iv_1 data", this::poll, s -> s, OPTIONS, PENDING);
  }

  private void answers(String... statuses) {
    answers.addAll(List.of(statuses));
  }

  @Test
  void reportAvailable_wakesTheWait_whichCompletesAfterOneConfirmingPoll() {
    answers("evaluating", "completed");
    CompletableFuture<String> wait = awaitInterview();
    assertEquals(1, polls);
    assertEquals(1, scheduler.pending(), "the next poll is scheduled in 2 s");

    assertEquals(1, wakeups.wake(WebhookEventType.REPORT_AVAILABLE, INTERVIEW));

    assertEquals("completed", wait.join());
    assertEquals(2, polls, "the first poll and the confirming one");
    assertEquals(0, scheduler.pending(), "the scheduled poll was cancelled");
    assertEquals(0, wakeups.pending(), "a finished wait is unregistered");
    assertEquals(0, wakeups.wake(WebhookEventType.REPORT_AVAILABLE, INTERVIEW));
  }

  @Test
  void anEarlyOrForgedEvent_neverEndsTheWait_theConfirmingPollDecides() {
    answers("evaluating", "evaluating", "completed");
    CompletableFuture<String> wait = awaitInterview();

    wakeups.wake(WebhookEventType.REPORT_AVAILABLE, INTERVIEW);

    assertFalse(wait.isDone(), "the confirming poll said evaluating");
    assertEquals(2, polls);
    assertEquals(1, scheduler.pending(), "and the wait goes on");
    assertTrue(scheduler.runNext());
    assertEquals("completed", wait.join());
    assertEquals(3, polls);
  }

  @Test
  void otherEventsAndOtherInterviews_wakeNothing() {
    answers("evaluating", "completed");
    CompletableFuture<String> wait = awaitInterview();

    assertEquals(0, wakeups.wake(WebhookEventType.INTERVIEW_STARTED, INTERVIEW));
    assertEquals(0, wakeups.wake(WebhookEventType.fromValue("candidate_archived"), INTERVIEW));
    assertEquals(0, wakeups.wake(WebhookEventType.REPORT_AVAILABLE, "iv_2"));
    assertEquals(0, wakeups.wake(WebhookEventType.REPORT_AVAILABLE, null));

    assertEquals(1, polls);
    assertFalse(wait.isDone());
  }

  @Test
  void aWakeupDuringAPoll_pollsAgainAtOnceIfThatPollStillSaysPending() {
    answers("evaluating", "evaluating", "completed");
    CompletableFuture<String> wait = awaitInterview();
    hangNext = true;
    assertTrue(scheduler.runNext()); // the second poll is in flight
    assertEquals(2, polls);

    wakeups.wake(WebhookEventType.REPORT_AVAILABLE, INTERVIEW);
    assertEquals(2, polls, "no second poll while one is in flight");
    hanging.get(0).complete(RawResponse.of(200, Map.of(), "evaluating"));

    assertEquals(Duration.ZERO, scheduler.delays().get(scheduler.delays().size() - 1), "the next poll is immediate");
    assertTrue(scheduler.runNext());
    assertEquals("completed", wait.join());
  }

  @Test
  void whileEventsAreWired_pollsAreOnlyTheFallback_untilInterviewCompletedSaysTheResultsAreNear() {
    Runnable unwire = wakeups.addSource();
    answers("not_ready", "not_ready", "evaluating", "evaluating", "completed");
    CompletableFuture<String> wait = awaitInterview();
    assertEquals(Duration.ofSeconds(60), scheduler.delays().get(0), "the fallback delay, not 2 s");
    assertTrue(scheduler.runNext());
    assertEquals(Duration.ofSeconds(60), scheduler.delays().get(1), "not 3 s");

    wakeups.wake(WebhookEventType.INTERVIEW_COMPLETED, INTERVIEW); // polls: evaluating
    assertEquals(3, polls);
    assertEquals(Duration.ofMillis(4500), scheduler.delays().get(2), "its own schedule again after interview_completed");
    assertTrue(scheduler.runNext());
    assertTrue(scheduler.runNext());
    assertEquals("completed", wait.join());

    unwire.run();
    unwire.run(); // counted off once only
    assertFalse(wakeups.eventsWired());
  }

  @Test
  void waitsOfOtherOperations_areNotWakeable_andKeepTheirDelays() {
    wakeups.addSource();
    answers("queued", "completed");
    CompletableFuture<String> wait = waiter.awaitAsync(Operations.GET_ATS_PUSH_STATUS, "pq_1", "ATS push pq_1", this::poll, s -> s,
        OPTIONS, Set.of("queued"));
    assertEquals(Duration.ofSeconds(2), scheduler.delays().get(0));
    assertEquals(0, wakeups.pending());
    assertTrue(scheduler.runNext());
    assertEquals("completed", wait.join());
  }

  @Test
  void aSynchronousWait_isWokenFromItsSleep_andAnInterruptOfItsOwnStillStopsIt() throws Exception {
    ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService caller = Executors.newSingleThreadScheduledExecutor();
    try {
      WaitWakeups realWakeups = new WaitWakeups();
      Waiter real = new Waiter(java.time.Clock.systemUTC(), Sleeper.SYSTEM, unused, () -> 0.5, realWakeups);
      AtomicInteger count = new AtomicInteger();
      WaitOptions slow = WaitOptions.builder().initialDelay(Duration.ofSeconds(30)).maxDelay(Duration.ofSeconds(30)).build();
      Future<String> wait = caller.submit(() -> real.await(Operations.GET_INTERVIEW_DATA, INTERVIEW, "interview iv_1 data",
          () -> RawResponse.of(200, Map.of(), count.incrementAndGet() < 2 ? "evaluating" : "completed"), s -> s, slow, PENDING));
      long started = System.nanoTime();
      while (realWakeups.pending() == 0 || count.get() == 0) {
        Thread.sleep(1);
      }
      Thread.sleep(20); // into the 30 s sleep

      assertEquals(1, realWakeups.wake(WebhookEventType.REPORT_AVAILABLE, INTERVIEW));

      assertEquals("completed", wait.get(5, TimeUnit.SECONDS));
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "woken, not after the 30 s delay");
      assertEquals(2, count.get());
      assertEquals(0, realWakeups.pending());
      assertFalse(caller.submit(() -> Thread.currentThread().isInterrupted()).get(), "the wake-up's interrupt was consumed");

      Future<String> interrupted = caller.submit(() -> real.await(Operations.GET_INTERVIEW_DATA, INTERVIEW, "interview iv_1 data",
          () -> RawResponse.of(200, Map.of(), "evaluating"), s -> s, slow, PENDING));
      while (realWakeups.pending() == 0) {
        Thread.sleep(1);
      }
      Thread.sleep(20);
      caller.shutdownNow(); // interrupts the waiting thread
      ExecutionException stopped = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> interrupted.get(5, TimeUnit.SECONDS));
      assertInstanceOf(HeyMiloException.class, stopped.getCause());
      assertTrue(stopped.getCause().getMessage().startsWith("Interrupted while waiting for interview iv_1 data"),
          stopped.getCause().getMessage());
    } finally {
      unused.shutdownNow();
      caller.shutdownNow();
    }
  }
}
