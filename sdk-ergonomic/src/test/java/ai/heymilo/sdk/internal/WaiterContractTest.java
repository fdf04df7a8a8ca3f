package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.WaitProgress;
import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ApiTimeoutException;
import ai.heymilo.sdk.errors.ErrorResponse;
import ai.heymilo.sdk.errors.InternalServerException;
import ai.heymilo.sdk.errors.NotFoundException;
import ai.heymilo.sdk.errors.RateLimitException;
import ai.heymilo.sdk.errors.UnexpectedStatusCodeException;
import ai.heymilo.sdk.errors.WaitTimeoutException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The cases every wait executor must pass; {@link WaiterSyncTest} runs them through
 * {@link Waiter#await} and {@link WaiterAsyncTest} through {@link Waiter#awaitAsync}.
 *
 * <p>The polled value is the status string itself; {@link #NO_STATUS} stands for a response
 * without a status. Time is a {@link ManualClock} that only the executor's fake sleeper or
 * scheduler moves, so the recorded poll times are exact.
 */
abstract class WaiterContractTest {
  static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  static final String WHAT = "interview iv_1 data";
  static final Operation<?> POLLED = Operations.GET_INTERVIEW_DATA;
  static final Set<String> INTERVIEW_PENDING = Set.of("not_ready", "evaluating");
  static final String NO_STATUS = "";
  static final Function<String, @Nullable String> STATUS_OF = value -> value.isEmpty() ? null : value;

  /** Jitter off and simple numbers, so delays are exact: 2 s, 3 s, 4.5 s, … */
  static final WaitOptions NO_JITTER = WaitOptions.builder().jitter(0).build();

  final ManualClock clock = new ManualClock(START);
  final PollScript polls = new PollScript(clock);
  /** The jitter draws; 0.5 means "no change", and the last value repeats. */
  final Deque<Double> randoms = new ArrayDeque<>(List.of(0.5));

  double nextRandom() {
    return randoms.size() > 1 ? randoms.poll() : randoms.peek();
  }

  /** Runs a wait to its end and returns its value, or throws the very exception it ended with. */
  abstract String await(WaitOptions options, Function<String, @Nullable String> statusOf);

  /** Returns the delays the executor waited between polls, in order. */
  abstract List<Duration> delays();

  String await(WaitOptions options) {
    return await(options, STATUS_OF);
  }

  @Test
  void await_firstStatusFinal_returnsAfterOnePoll() {
    polls.respond("completed");

    assertEquals("completed", await(NO_JITTER));
    assertEquals(List.of(0L), polls.times());
    assertEquals(List.of(), delays());
  }

  @Test
  void await_pendingStatuses_pollsUntilFinal() {
    polls.respond("not_ready", "evaluating", "completed");

    assertEquals("completed", await(NO_JITTER));
    assertEquals(List.of(0L, 2_000L, 5_000L), polls.times());
  }

  @Test
  void await_unknownStatus_endsWait() {
    polls.respond("evaluating", "some_new_status");

    assertEquals("some_new_status", await(NO_JITTER));
  }

  @Test
  void await_nullStatus_endsWait() {
    polls.respond("evaluating", NO_STATUS);

    assertEquals(NO_STATUS, await(NO_JITTER));
    assertEquals(2, polls.count());
  }

  @Test
  void await_customPendingStatuses_replaceResourceDefault() {
    polls.respond("queued", "queued", "evaluating");

    String value = await(NO_JITTER.toBuilder().pendingStatuses("queued").build());

    assertEquals("evaluating", value);
    assertEquals(3, polls.count());
  }

  @Test
  void await_delays_growByMultiplierAndStopAtMax() {
    polls.respond("evaluating", "evaluating", "evaluating", "evaluating", "evaluating", "evaluating", "completed");
    WaitOptions options = WaitOptions.builder()
        .initialDelay(Duration.ofSeconds(1)).multiplier(2).maxDelay(Duration.ofSeconds(5)).jitter(0).build();

    await(options);

    assertEquals(seconds(1, 2, 4, 5, 5, 5), delays());
  }

  @Test
  void await_jitter_staysWithinBoundsAndNeverExceedsMax() {
    polls.respond("evaluating", "evaluating", "evaluating", "completed");
    randoms.clear();
    randoms.addAll(List.of(0.0, 0.75, 0.9999));
    WaitOptions options = WaitOptions.builder()
        .initialDelay(Duration.ofSeconds(10)).multiplier(1).maxDelay(Duration.ofMillis(11_500)).jitter(0.2).build();

    await(options);

    // 10 s × 0.8 (lowest draw); 10 s × 1.1; 10 s × ~1.2 = 12 s, capped at the 11.5 s maximum.
    assertEquals(List.of(Duration.ofSeconds(8), Duration.ofSeconds(11), Duration.ofMillis(11_500)), delays());
  }

  @Test
  void await_retryAfterSecondsOnPendingResponse_waitsAtLeastThatLong() {
    polls.respondWithHeader("evaluating", "Retry-After", "7");
    polls.respondWithHeader("evaluating", "Retry-After", "1");
    polls.respond("completed");

    await(NO_JITTER);

    // 7 s lengthens the first 2 s delay; 1 s does not shorten the second 3 s one.
    assertEquals(seconds(7, 3), delays());
  }

  @Test
  void await_retryAfterHttpDateOnPendingResponse_waitsUntilThatDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(12).atZone(ZoneOffset.UTC));
    polls.respondWithHeader("evaluating", "Retry-After", date);
    polls.respond("completed");

    await(NO_JITTER);

    assertEquals(seconds(12), delays());
  }

  @Test
  void await_rateLimitedPoll_waitsItsRetryAfterAndPollsAgain() {
    polls.fail(new RateLimitException(ErrorResponse.builder(429).build(), Duration.ofSeconds(9)));
    polls.respond("completed");

    assertEquals("completed", await(NO_JITTER));
    assertEquals(seconds(9), delays());
  }

  @Test
  void await_timeoutElapsed_throwsWaitTimeout() {
    polls.respond("evaluating");
    WaitOptions options = NO_JITTER.toBuilder().timeout(Duration.ofSeconds(10)).build();

    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> await(options));

    // 2 s, 3 s, 4.5 s, then 6.75 s would overshoot: the last poll happens at the deadline itself.
    assertEquals(List.of(0L, 2_000L, 5_000L, 9_500L, 10_000L), polls.times());
    assertEquals("Timed out after 10s waiting for interview iv_1 data: status still 'evaluating' after 5 polls",
        e.getMessage());
    assertEquals("evaluating", e.lastStatus());
    assertEquals(5, e.attempts());
    assertEquals(Duration.ofSeconds(10), e.elapsed());
    assertNull(e.getCause());
  }

  @Test
  void await_defaultOptions_timeoutIsTheOnlyLimit() {
    polls.respond("not_ready");

    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> await(WaitOptions.defaults()));

    List<Long> times = polls.times();
    assertEquals(600_000L, times.get(times.size() - 1));
    assertTrue(times.get(times.size() - 2) < 600_000L);
    assertEquals(times.size(), e.attempts());
    assertEquals("Timed out after 10m 0s waiting for interview iv_1 data: status still 'not_ready' after "
        + times.size() + " polls", e.getMessage());
  }

  @Test
  void await_retryAfterBeyondDeadline_lastPollStillAtDeadline() {
    polls.respondWithHeader("evaluating", "Retry-After", "60");
    WaitOptions options = NO_JITTER.toBuilder().timeout(Duration.ofSeconds(10)).build();

    assertThrows(WaitTimeoutException.class, () -> await(options));

    assertEquals(List.of(0L, 10_000L), polls.times());
  }

  @Test
  void await_pollsTakeTime_countAgainstTimeout() {
    polls.respond("evaluating");
    polls.takes(Duration.ofSeconds(3));
    WaitOptions options = NO_JITTER.toBuilder().timeout(Duration.ofSeconds(10)).build();

    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> await(options));

    // Poll 0-3 s, wait 2 s; poll 5-8 s, wait 2 s (not 3 s: the deadline); poll 10-13 s, then give up.
    assertEquals(List.of(0L, 5_000L, 10_000L), polls.times());
    assertEquals(Duration.ofSeconds(13), e.elapsed());
  }

  @Test
  void await_nonTransientError_throwsThatExceptionAtOnce() {
    NotFoundException notFound = new NotFoundException(ErrorResponse.builder(404).build());
    polls.respond("evaluating");
    polls.fail(notFound);
    polls.respond("completed");

    NotFoundException thrown = assertThrows(NotFoundException.class, () -> await(NO_JITTER));

    assertSame(notFound, thrown);
    assertEquals(2, polls.count());
  }

  @Test
  void await_unexpectedRuntimeException_endsWaitAtOnce() {
    IllegalStateException bug = new IllegalStateException("decoder bug");
    polls.fail(bug);

    assertSame(bug, assertThrows(IllegalStateException.class, () -> await(NO_JITTER)));
    assertEquals(1, polls.count());
  }

  @Test
  void await_statusOfThrows_endsWaitWithThatException() {
    IllegalArgumentException bug = new IllegalArgumentException("unreadable status");
    polls.respond("evaluating");

    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> await(NO_JITTER, value -> {
      throw bug;
    }));

    assertSame(bug, thrown);
  }

  @Test
  void await_transientErrors_arePolledThrough() {
    polls.fail(new ApiConnectionException("connection reset", new IOException("reset")));
    polls.fail(new ApiTimeoutException("read timed out", new SocketTimeoutException()));
    polls.fail(new InternalServerException(ErrorResponse.builder(503).build()));
    polls.fail(new UnexpectedStatusCodeException(ErrorResponse.builder(408).build()));
    polls.fail(new RateLimitException(ErrorResponse.builder(429).build(), null));
    polls.respond("completed");

    assertEquals("completed", await(NO_JITTER));
    assertEquals(6, polls.count());
  }

  @Test
  void await_serverErrorWithRetryAfter_waitsThatLong() {
    polls.fail(new InternalServerException(
        ErrorResponse.builder(503).headers(Map.of("Retry-After", List.of("20"))).build()));
    polls.respond("completed");

    await(NO_JITTER);

    assertEquals(seconds(20), delays());
  }

  @Test
  void await_transientErrorsPersist_timeoutCarriesLastErrorAndStatus() {
    InternalServerException serverError = new InternalServerException(
        ErrorResponse.builder(500).message("database unavailable").build());
    polls.respond("evaluating");
    polls.fail(serverError);
    WaitOptions options = NO_JITTER.toBuilder().timeout(Duration.ofSeconds(10)).build();

    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> await(options));

    assertSame(serverError, e.getCause());
    assertEquals("evaluating", e.lastStatus());
    assertEquals("Timed out after 10s waiting for interview iv_1 data: status still 'evaluating' after 5 polls; "
        + "the last poll failed: HTTP 500: database unavailable", e.getMessage());
  }

  @Test
  void await_noPollSucceeds_timeoutSaysSo() {
    ApiConnectionException down = new ApiConnectionException("Failed to connect to api.heymilo.ai", new IOException());
    polls.fail(down);
    WaitOptions options = NO_JITTER.toBuilder().timeout(Duration.ofSeconds(10)).build();

    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> await(options));

    assertNull(e.lastStatus());
    assertSame(down, e.getCause());
    assertEquals("Timed out after 10s waiting for interview iv_1 data: no poll succeeded in 5 polls; "
        + "the last poll failed: Failed to connect to api.heymilo.ai", e.getMessage());
  }

  @Test
  void await_pendingAfterFailedPoll_timeoutHasNoCause() {
    polls.fail(new InternalServerException(ErrorResponse.builder(500).build()));
    polls.respond("evaluating");
    WaitOptions options = NO_JITTER.toBuilder().timeout(Duration.ofSeconds(10)).build();

    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> await(options));

    assertNull(e.getCause());
  }

  @Test
  void await_listener_seesEveryAttempt() {
    InternalServerException serverError = new InternalServerException(ErrorResponse.builder(500).build());
    polls.respond("not_ready");
    polls.fail(serverError);
    polls.respond("completed");
    List<WaitProgress> seen = new ArrayList<>();

    await(NO_JITTER.toBuilder().listener(seen::add).build());

    assertEquals(List.of(
        WaitProgress.of(1, "not_ready", null, Duration.ZERO, Duration.ofSeconds(2)),
        WaitProgress.of(2, null, serverError, Duration.ofSeconds(2), Duration.ofSeconds(3)),
        WaitProgress.of(3, "completed", null, Duration.ofSeconds(5), null)), seen);
    assertTrue(seen.get(2).done());
  }

  @Test
  void await_listenerOnTimeout_lastProgressIsDone() {
    polls.respond("evaluating");
    List<WaitProgress> seen = new ArrayList<>();
    WaitOptions options = NO_JITTER.toBuilder().timeout(Duration.ofSeconds(10)).listener(seen::add).build();

    assertThrows(WaitTimeoutException.class, () -> await(options));

    assertEquals(5, seen.size());
    assertEquals(WaitProgress.of(5, "evaluating", null, Duration.ofSeconds(10), null), seen.get(4));
  }

  @Test
  void await_listenerOnFatalError_seesTheError() {
    NotFoundException notFound = new NotFoundException(ErrorResponse.builder(404).build());
    polls.fail(notFound);
    List<WaitProgress> seen = new ArrayList<>();

    assertThrows(NotFoundException.class, () -> await(NO_JITTER.toBuilder().listener(seen::add).build()));

    assertEquals(List.of(WaitProgress.of(1, null, notFound, Duration.ZERO, null)), seen);
  }

  @Test
  void await_throwingListener_doesNotBreakWait() {
    polls.respond("not_ready", "evaluating", "completed");
    WaitOptions options = NO_JITTER.toBuilder().listener(progress -> {
      throw new IllegalStateException("broken progress bar");
    }).build();

    assertEquals("completed", await(options));
    assertEquals(3, polls.count());
  }

  static List<Duration> seconds(long... values) {
    List<Duration> durations = new ArrayList<>();
    for (long value : values) {
      durations.add(Duration.ofSeconds(value));
    }
    return durations;
  }

  /**
   * The scripted outcomes of successive polls — a response or an exception — with the last one
   * repeating for ever. Records when each poll started, in milliseconds since {@link #START}.
   */
  static final class PollScript {
    private final ManualClock clock;
    private final List<Supplier<RawResponse<String>>> outcomes = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private Duration pollDuration = Duration.ZERO;

    PollScript(ManualClock clock) {
      this.clock = clock;
    }

    void respond(String... statuses) {
      for (String status : statuses) {
        respondWithHeader(status, "X-Request-Id", "req_" + outcomes.size());
      }
    }

    void respondWithHeader(String status, String header, String value) {
      RawResponse<String> response = RawResponse.of(200, Map.of(header, List.of(value)), status);
      outcomes.add(() -> response);
    }

    void fail(RuntimeException error) {
      outcomes.add(() -> {
        throw error;
      });
    }

    /** Makes every poll take this long on the clock. */
    void takes(Duration duration) {
      this.pollDuration = duration;
    }

    /** Makes the next poll: records its start, lets the time pass, then answers or throws. */
    RawResponse<String> next() {
      times.add(clock.millis() - START.toEpochMilli());
      clock.advance(pollDuration);
      return outcomes.get(Math.min(times.size(), outcomes.size()) - 1).get();
    }

    int count() {
      return times.size();
    }

    List<Long> times() {
      return times;
    }
  }
}
