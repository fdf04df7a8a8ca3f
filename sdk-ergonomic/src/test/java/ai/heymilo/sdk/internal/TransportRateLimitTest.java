package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ai.heymilo.sdk.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * The rate limiter as the transport drives it: a request is counted from the end of its exchange,
 * so a server that counts arrivals — anywhere between send and response — never sees more than the
 * permits in a window, however long the exchanges take.
 */
class TransportRateLimitTest {
  private static final Duration EXCHANGE = Duration.ofMillis(300);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper sleeper = duration -> {
    sleeps.add(duration);
    clock.advance(duration);
  };
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final Transport transport = new Transport(new RetryPolicy(0, Duration.ofSeconds(60), () -> 0.0, clock),
      new RateLimiter(2, Duration.ofSeconds(1), clock), clock, sleeper, scheduler);
  /** Start and end of every exchange, in clock milliseconds. */
  private final List<long[]> exchanges = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private Call<String> slowCall() throws IOException {
    Call<String> call = mock(Call.class);
    when(call.request()).thenReturn(new Request.Builder().url("https://api.heymilo.ai/api/v2/interviews/iv_1/data").build());
    when(call.execute()).thenAnswer(invocation -> exchange());
    doAnswer(invocation -> {
      ((Callback<String>) invocation.getArgument(0)).onResponse(call, exchange());
      return null;
    }).when(call).enqueue(any());
    return call;
  }

  private Response<String> exchange() {
    long start = clock.millis();
    clock.advance(EXCHANGE);
    exchanges.add(new long[] {start, clock.millis()});
    return Response.success("ok");
  }

  @Test
  void rateLimit_slowExchanges_nextSlotCountsFromTheEndOfTheExchange_sync() throws IOException {
    for (int i = 0; i < 5; i++) {
      assertEquals("ok", transport.execute(slowCall(), true).data());
    }

    // The third request goes a window after the first one's response (t=300), not after its send (t=0):
    // at 1300 instead of 1000; the fourth, a window after the second's response, right after it (1600);
    // the fifth a window after the third's (2600).
    assertEquals(List.of(Duration.ofMillis(700), Duration.ofMillis(700)), sleeps);
    assertEquals(List.of(0L, 300L, 1300L, 1600L, 2600L), starts());
    assertNeverMoreThanTwoArrivalsInAWindow();
  }

  /** Two asynchronous callers, each sending its next request when the last one is answered: never more in flight than permits. */
  @Test
  void rateLimit_slowExchanges_nextSlotCountsFromTheEndOfTheExchange_async() {
    List<CompletableFuture<?>> results = new ArrayList<>();
    Runnable caller = new Runnable() {
      @Override
      public void run() {
        if (results.size() == 5) {
          return;
        }
        CompletableFuture<?> result;
        try {
          result = transport.executeAsync(slowCall(), true);
        } catch (IOException impossible) {
          throw new AssertionError(impossible);
        }
        results.add(result);
        result.whenComplete((value, error) -> run());
      }
    };
    caller.run();
    caller.run();
    while (scheduler.runNext()) {
      // Each scheduled send runs when the clock reaches its slot.
    }

    results.forEach(result -> assertTrue(result.isDone() && !result.isCompletedExceptionally()));
    assertEquals(List.of(0L, 300L, 1300L, 1600L, 2600L), starts());
    assertNeverMoreThanTwoArrivalsInAWindow();
  }

  private List<Long> starts() {
    List<Long> starts = new ArrayList<>();
    for (long[] exchange : exchanges) {
      starts.add(exchange[0] - Instant.parse("2026-11-28T12:00:00Z").toEpochMilli());
    }
    starts.sort(Long::compare);
    return starts;
  }

  /** Wherever in its exchange the server counts a request, no three of them fall within one second. */
  private void assertNeverMoreThanTwoArrivalsInAWindow() {
    assertEquals(5, exchanges.size());
    exchanges.sort((a, b) -> Long.compare(a[0], b[0]));
    for (int i = 2; i < exchanges.size(); i++) {
      long previousEnd = exchanges.get(i - 2)[1];
      long start = exchanges.get(i)[0];
      assertTrue(start - previousEnd >= 1000, "request " + i + " started " + (start - previousEnd)
          + " ms after request " + (i - 2) + " was answered");
    }
  }
}
