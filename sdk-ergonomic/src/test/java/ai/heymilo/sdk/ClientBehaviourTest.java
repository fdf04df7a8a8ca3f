package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.UpdatePostingRequest;
import ai.heymilo.sdk.errors.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour that spans the client's mechanisms, over real HTTP. */
class ClientBehaviourTest {
  private final TestServer test = new TestServer();

  @AfterEach
  void close() throws Exception {
    test.close();
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void update_sendsExplicitNullsAndNothingUnset(JsonLibrary library) throws Exception {
    try (HeyMiloClient client = test.clientBuilder().jsonLibrary(library).build()) {
      test.enqueue(200, "{\"data\": {\"id\": \"P1\", \"title\": \"Senior Barista\"}}");

      client.postings().update("P1", new UpdatePostingRequest().title("Senior Barista").instructions(null));

      okhttp3.mockwebserver.RecordedRequest request = test.takeRequest();
      assertEquals("PATCH", request.getMethod());
      assertEquals("{\"title\":\"Senior Barista\",\"instructions\":null}", request.getBody().readUtf8());
    }
  }

  @Test
  void rateLimit_pacesRequestsInsteadOfSendingThemToBeRejected() {
    try (HeyMiloClient client = test.clientBuilder().rateLimit(RateLimit.of(2, Duration.ofSeconds(1))).build()) {
      for (int i = 0; i < 5; i++) {
        test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
      }

      for (int i = 0; i < 5; i++) {
        client.interviews().getData("iv_1");
      }

      assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), test.sleeper.sleeps(),
          "two go at once, the next two a window later, the fifth after another window");
    }
  }

  @Test
  void rateLimiter_customLimiter_getsAHashedBudgetKeyAndPacesEveryAttempt() {
    List<String> budgetKeys = new ArrayList<>();
    List<String> events = new ArrayList<>();
    RequestLimiter.Factory factory = budgetKey -> {
      budgetKeys.add(budgetKey);
      return new RequestLimiter() {
        @Override
        public Reservation reserve() {
          events.add("reserve");
          return () -> Duration.ofMillis(250);
        }

        @Override
        public void finished(Reservation reservation) {
          events.add("finished");
        }
      };
    };
    try (HeyMiloClient client = test.clientBuilder().rateLimiter(factory).build()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

      client.interviews().getData("iv_1");

      assertEquals(1, budgetKeys.size());
      assertTrue(budgetKeys.get(0).matches("sha256:[0-9a-f]{64}"), budgetKeys.get(0));
      assertTrue(!budgetKeys.get(0).contains(TestServer.API_KEY), "the key itself never reaches the limiter");
      assertEquals(List.of("reserve", "finished"), events);
      assertEquals(List.of(Duration.ofMillis(250)), test.sleeper.sleeps());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void awaitData_pollsThroughPendingStatusesAndReportsProgress(Mode mode) {
    try (HeyMiloClient client = test.client()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "not_ready"));
      test.enqueue(200, TestServer.interviewData("iv_1", "evaluating"));
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
      List<String> seen = new ArrayList<>();
      WaitOptions options = WaitOptions.builder().jitter(0).listener(progress -> seen.add(progress.attempt() + ":" + progress.status()
          + ":" + progress.nextDelay())).build();

      InterviewDataResponse result = mode.call(() -> client.interviews().awaitData("iv_1", options),
          () -> client.interviews().awaitDataAsync("iv_1", options));

      assertEquals("completed", result.getStatus());
      assertEquals(List.of("1:not_ready:PT2S", "2:evaluating:PT3S", "3:completed:null"), seen);
    }
  }

  @Test
  void awaitData_timeout_saysWhatItLastSaw() {
    try (HeyMiloClient client = test.client()) {
      for (int i = 0; i < 20; i++) {
        test.enqueue(200, TestServer.interviewData("iv_1", "evaluating"));
      }
      WaitOptions options = WaitOptions.builder().timeout(Duration.ofSeconds(10)).jitter(0).build();

      WaitTimeoutException error = assertThrows(WaitTimeoutException.class, () -> client.interviews().awaitData("iv_1", options));

      assertEquals("evaluating", error.lastStatus());
      assertEquals(Duration.ofSeconds(10), error.elapsed());
      assertTrue(error.getMessage().startsWith("Timed out after 10s waiting for interview iv_1 data: status still 'evaluating'"),
          error.getMessage());
    }
  }

  @Test
  void awaitDataAsync_cancel_stopsPollingAndCancelsTheRequestInFlight() throws Exception {
    try (HeyMiloClient client = HeyMiloClient.builder().apiKey(TestServer.API_KEY).baseUrl(test.server.url("/").toString()).build()) {
      test.enqueue(new MockResponse().setBody(TestServer.interviewData("iv_1", "evaluating")).setHeadersDelay(2, TimeUnit.SECONDS));

      CompletableFuture<InterviewDataResponse> wait = client.interviews().awaitDataAsync("iv_1", WaitOptions.defaults());
      test.takeRequest(); // the poll is in flight
      wait.cancel(true);

      assertThrows(CancellationException.class, wait::join);
      Thread.sleep(200);
      assertEquals(1, test.server.getRequestCount(), "no further poll after cancel");
    }
  }
}
