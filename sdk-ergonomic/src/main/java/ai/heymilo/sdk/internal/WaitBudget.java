package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.RequestOptions;
import ai.heymilo.sdk.WaitListener;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.WaitProgress;
import ai.heymilo.sdk.errors.ApiTimeoutException;
import ai.heymilo.sdk.errors.WaitTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides what a wait does after each poll; both executors of {@link Waiter}
 * carry out its {@link WaitDecision}s.
 *
 * <ul>
 *   <li>A status outside the pending set ends the wait with the value. A null status (the server
 *       did not say) also ends it: only a status known to be pending is worth waiting for.
 *   <li>A transient error (connection failure or timeout, 408, 429, 5xx) is polled through, like a
 *       pending status; any other error ends the wait with that very exception.
 *   <li>Otherwise the next delay comes from {@link PollDelays}, lengthened to a server's
 *       {@code Retry-After} (or {@code Retry-After-Ms}, read by {@link RetryAfter} as the transport
 *       reads it), and shortened so the next poll happens no later than the deadline.
 *       A pending or transiently failing poll at or after the deadline ends the wait with
 *       {@link WaitTimeoutException}. No attempt count ever ends a wait.
 * </ul>
 *
 * <p>Each decision is reported to the listener first. One instance serves one wait and sees one
 * poll at a time, so it needs no locking.
 *
 * @param <T> the type of the polled value
 */
final class WaitBudget<T> {
  /** A poll timing out this close to the deadline was cut by it (the call timer and the clock differ slightly). */
  private static final long CUT_BY_DEADLINE_TOLERANCE_MILLIS = 20;

  private final String what;
  private final Function<T, @Nullable String> statusOf;
  private final Set<String> pendingStatuses;
  private final @Nullable WaitListener listener;
  private final Clock clock;
  private final PollDelays delays;
  private final long startMillis;
  private final long deadlineMillis;

  private int attempts;
  private @Nullable String lastStatus;
  /** The failure of the previous poll if it failed (not cut by the deadline); null after an answer. */
  private @Nullable Throwable lastPollFailure;
  /** The shortest next delay, in ms: the event fallback while webhook events are wired (see {@link Waiter}). */
  private LongSupplier delayFloorMillis = () -> 0;

  WaitBudget(String what, Function<T, @Nullable String> statusOf, WaitOptions options, Set<String> pendingStatuses,
      Clock clock, DoubleSupplier random) {
    this.what = what;
    this.statusOf = statusOf;
    this.pendingStatuses = pendingStatuses;
    this.listener = options.listener();
    this.clock = clock;
    this.delays = new PollDelays(options, random);
    this.startMillis = clock.millis();
    this.deadlineMillis = Millis.deadline(startMillis, options.timeout());
  }

  /** Decides after a poll that returned a response. */
  WaitDecision<T> afterResponse(RawResponse<T> response) {
    attempts++;
    T value = response.data();
    @Nullable String status = statusOf.apply(value);
    lastStatus = status;
    lastPollFailure = null;
    if (status == null || !pendingStatuses.contains(status)) {
      report(status, null, null);
      return WaitDecision.finish(value);
    }
    @Nullable Duration retryAfter =
        RetryAfter.parse(response.header("Retry-After-Ms"), response.header("Retry-After"), clock);
    return pollAgainOrTimeOut(status, null, retryAfter);
  }

  /** Decides after a poll that failed. */
  WaitDecision<T> afterError(Throwable error) {
    attempts++;
    if (error instanceof ApiTimeoutException && deadlineMillis != Millis.NEVER
        && clock.millis() >= deadlineMillis - CUT_BY_DEADLINE_TOLERANCE_MILLIS) {
      // The poll was cut short by this wait's own deadline (its timeout is the time left): the wait timed out
      // with what it last saw — a status, or the previous poll's failure — not with this cut.
      report(null, error, null);
      return WaitDecision.fail(timeout(clock.millis(), lastPollFailure));
    }
    lastPollFailure = error;
    if (!RetryPolicy.isTransient(error)) {
      report(null, error, null);
      return WaitDecision.fail(error);
    }
    return pollAgainOrTimeOut(null, error, RetryAfter.requestedBy(error, clock));
  }

  /** Makes every next delay at least {@code floorMillis}' answer at the time (still capped by the deadline). */
  void delayFloor(LongSupplier floorMillis) {
    this.delayFloorMillis = floorMillis;
  }

  /**
   * The options of the next poll: its timeout is the time left until the deadline, so a poll in flight (its retries,
   * backoff and rate-limit waits included) cannot outlast the wait.
   */
  RequestOptions pollOptions() {
    if (deadlineMillis == Millis.NEVER) {
      return RequestOptions.none();
    }
    long left = Math.max(1, deadlineMillis - clock.millis());
    return RequestOptions.builder().timeout(Duration.ofMillis(left)).build();
  }

  /** Returns the number of polls so far. */
  int attempts() {
    return attempts;
  }

  /** Returns the human label of what is awaited, such as {@code interview iv_1 data}. */
  String what() {
    return what;
  }

  private WaitDecision<T> pollAgainOrTimeOut(@Nullable String status, @Nullable Throwable error,
      @Nullable Duration retryAfter) {
    long now = clock.millis();
    long untilDeadline = deadlineMillis - now;
    if (untilDeadline <= 0) {
      report(status, error, null);
      return WaitDecision.fail(timeout(now, error));
    }
    long delay = delays.nextMillis();
    if (retryAfter != null) {
      delay = Math.max(delay, retryAfter.toMillis());
    }
    delay = Math.max(delay, delayFloorMillis.getAsLong());
    // The timeout is the limit, in both directions: never poll after it, and always poll at it
    // rather than give up early because the next delay would overshoot.
    Duration next = Duration.ofMillis(Math.min(delay, untilDeadline));
    report(status, error, next);
    return WaitDecision.pollAgainAfter(next);
  }

  private WaitTimeoutException timeout(long now, @Nullable Throwable lastError) {
    Duration elapsed = Duration.ofMillis(now - startMillis);
    String polls = attempts + (attempts == 1 ? " poll" : " polls");
    StringBuilder message = new StringBuilder("Timed out after ").append(HumanDuration.format(elapsed))
        .append(" waiting for ").append(what).append(": ");
    if (lastStatus != null) {
      message.append("status still '").append(lastStatus).append("' after ").append(polls);
    } else {
      message.append("no poll succeeded in ").append(polls);
    }
    if (lastError != null) {
      message.append("; the last poll failed: ").append(lastError.getMessage());
    }
    return new WaitTimeoutException(message.toString(), lastStatus, attempts, elapsed, lastError);
  }

  private void report(@Nullable String status, @Nullable Throwable error, @Nullable Duration nextDelay) {
    if (listener == null) {
      return;
    }
    WaitProgress progress = WaitProgress.of(attempts, error == null ? status : null, error,
        Duration.ofMillis(Math.max(0, clock.millis() - startMillis)), nextDelay);
    try {
      listener.onPoll(progress);
    } catch (RuntimeException ignored) {
      // A progress display must not break the wait it is displaying.
    }
  }
}
