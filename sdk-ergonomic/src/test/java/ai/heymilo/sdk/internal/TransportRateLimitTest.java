package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.RateLimit;
import ai.heymilo.sdk.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
  /** Start and end of every exchange, in clock milliseconds. */
  private final List<long[]> exchanges = new ArrayList<>();
  /**
   * The server is an interceptor that answers after {@link #EXCHANGE} of clock time; the dispatcher runs enqueued
   * calls on the enqueuing thread, so the asynchronous path is as deterministic as the blocking one.
   */
  private final OkHttpClient http = new OkHttpClient.Builder()
      .dispatcher(new Dispatcher(new SameThreadExecutor()))
      .addInterceptor(chain -> {
        long start = clock.millis();
        clock.advance(EXCHANGE);
        exchanges.add(new long[] {start, clock.millis()});
        return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
            .body(ResponseBody.create("{\"data\": {\"interview_id\": \"iv_1\", \"status\": \"completed\"}}",
                MediaType.get("application/json"))).build();
      })
      .build();
  private final HeyMiloClient client = HeyMiloClient.builder().apiKey("hm_test_key").okHttpClient(http).clock(clock)
      .sleeper(sleeper).scheduler(scheduler).maxRetries(0).rateLimit(RateLimit.of(2, Duration.ofSeconds(1))).build();

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void rateLimit_slowExchanges_nextSlotCountsFromTheEndOfTheExchange_sync() {
    for (int i = 0; i < 5; i++) {
      assertEquals("completed", client.interviews().getData("iv_1").getStatus());
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
    List<CompletableFuture<InterviewDataResponse>> results = new ArrayList<>();
    Runnable caller = new Runnable() {
      @Override
      public void run() {
        if (results.size() == 5) {
          return;
        }
        CompletableFuture<InterviewDataResponse> result = client.async().interviews().getData("iv_1");
        results.add(result);
        result.whenComplete((value, error) -> run());
      }
    };
    caller.run();
    caller.run();
    while (scheduler.runNext()) {
      // Each scheduled send runs when the clock reaches its slot.
    }

    results.forEach(result -> assertTrue(result.isDone() && !result.isCompletedExceptionally(), String.valueOf(result)));
    assertEquals(List.of(), sleeps, "the asynchronous path never sleeps");
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

  /** Runs each task on the thread that submits it. */
  private static final class SameThreadExecutor extends AbstractExecutorService {
    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
