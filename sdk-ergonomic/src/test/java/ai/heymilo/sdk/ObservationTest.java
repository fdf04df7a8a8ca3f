package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.sdk.errors.NotFoundException;
import ai.heymilo.sdk.errors.WaitTimeoutException;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.SenderContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One Micrometer Observation per API call and per wait, with the keys the README documents. */
class ObservationTest {
  private final TestServer test = new TestServer();
  private final TestObservationRegistry registry = TestObservationRegistry.create();

  @AfterEach
  void close() throws Exception {
    test.close();
  }

  private HeyMiloClient client() {
    return test.clientBuilder().observationRegistry(registry).build();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void call_success_oneObservationWithTheOperationsLowCardinalityKeys(Mode mode) {
    try (HeyMiloClient client = client()) {
      test.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setHeader("X-Request-Id", "req_42")
          .setBody(TestServer.interviewData("iv_1", "completed")));

      mode.call(() -> client.interviews().getData("iv_1"), () -> client.async().interviews().getData("iv_1"));

      TestObservationRegistryAssert.assertThat(registry)
          .hasNumberOfObservationsEqualTo(1)
          .hasSingleObservationThat()
          .hasNameEqualTo("heymilo.api.call")
          .hasContextualNameEqualTo("getInterviewData")
          .hasBeenStarted()
          .hasBeenStopped()
          .doesNotHaveError()
          .hasLowCardinalityKeyValue("heymilo.operation", "getInterviewData")
          .hasLowCardinalityKeyValue("heymilo.route", "/api/v2/interviews/{interview_id}/data")
          .hasLowCardinalityKeyValue("http.request.method", "GET")
          .hasLowCardinalityKeyValue("http.response.status_class", "2xx")
          .hasLowCardinalityKeyValue("outcome", "SUCCESS")
          .hasLowCardinalityKeyValue("heymilo.retries", "0")
          .hasLowCardinalityKeyValue("exception", "NONE")
          .hasHighCardinalityKeyValue("heymilo.request_id", "req_42");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void call_retriedThenAnswered_countsTheRetriesInOneObservation(Mode mode) {
    try (HeyMiloClient client = client()) {
      test.enqueue(503, "{\"error\": {\"type\": \"server_error\", \"message\": \"busy\"}}");
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

      mode.call(() -> client.interviews().getData("iv_1"), () -> client.async().interviews().getData("iv_1"));

      assertEquals(2, test.server.getRequestCount());
      TestObservationRegistryAssert.assertThat(registry)
          .hasNumberOfObservationsWithNameEqualTo("heymilo.api.call", 1)
          .hasSingleObservationThat()
          .hasLowCardinalityKeyValue("heymilo.retries", "1")
          .hasLowCardinalityKeyValue("outcome", "SUCCESS");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void call_notFound_recordsClientErrorAndTheTypedException(Mode mode) {
    try (HeyMiloClient client = client()) {
      test.enqueue(404, "{\"error\": {\"type\": \"not_found\", \"message\": \"No interview iv_404\"}}");

      assertThrows(NotFoundException.class,
          () -> mode.call(() -> client.interviews().getData("iv_404"), () -> client.async().interviews().getData("iv_404")));

      TestObservationRegistryAssert.assertThat(registry)
          .hasSingleObservationThat()
          .hasBeenStopped()
          .hasError()
          .hasLowCardinalityKeyValue("http.response.status_class", "4xx")
          .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
          .hasLowCardinalityKeyValue("exception", "NotFoundException")
          .assertThatError().isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void call_noAnswer_recordsNoStatusAndUnknownOutcome() {
    try (HeyMiloClient client = test.clientBuilder().observationRegistry(registry).maxRetries(0).build()) {
      test.enqueue(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_START));

      assertThrows(ai.heymilo.sdk.errors.ApiConnectionException.class, () -> client.interviews().getData("iv_1"));

      TestObservationRegistryAssert.assertThat(registry)
          .hasSingleObservationThat()
          .hasError()
          .hasLowCardinalityKeyValue("http.response.status_class", "NONE")
          .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
          .hasLowCardinalityKeyValue("exception", "ApiConnectionException");
    }
  }

  @Test
  void call_refusedBeforeSending_isNotObserved() {
    try (HeyMiloClient client = client()) {
      assertThrows(ai.heymilo.sdk.errors.InvalidRequestException.class, () -> client.interviews().getData(" "));

      TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
    }
  }

  @Test
  void callAsync_cancelled_stopsTheObservationWithoutAnError() throws Exception {
    try (HeyMiloClient client = client()) {
      test.enqueue(new MockResponse().setBody(TestServer.interviewData("iv_1", "completed")).setHeadersDelay(2, TimeUnit.SECONDS));

      CompletableFuture<InterviewDataResponse> call = client.async().interviews().getData("iv_1");
      test.takeRequest();
      assertTrue(call.cancel(true), "the future returned to the caller is still the cancellable one");

      assertThrows(CancellationException.class, call::join);
      TestObservationRegistryAssert.assertThat(registry)
          .hasSingleObservationThat()
          .hasBeenStopped()
          .doesNotHaveError()
          .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
          .hasLowCardinalityKeyValue("exception", "CancellationException");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void call_tracingPropagator_addsItsHeadersToTheRequestSent(Mode mode) {
    // What a tracing bridge's propagating handler does: write the trace context into the carrier at start.
    registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
      @Override
      public void onStart(SenderContext<Object> context) {
        context.getSetter().set(context.getCarrier(), "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return context instanceof SenderContext;
      }
    });
    try (HeyMiloClient client = client()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));

      mode.call(() -> client.interviews().getData("iv_1"), () -> client.async().interviews().getData("iv_1"));

      RecordedRequest request = test.takeRequest();
      assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", request.getHeader("traceparent"));
      TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts ->
          assertEquals("heymilo", ((SenderContext<?>) contexts.get(0)).getRemoteServiceName()));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void awaitData_oneWaitObservationWhosePollsAreItsChildren(Mode mode) {
    try (HeyMiloClient client = client()) {
      test.enqueue(200, TestServer.interviewData("iv_1", "not_ready"));
      test.enqueue(200, TestServer.interviewData("iv_1", "evaluating"));
      test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
      WaitOptions options = WaitOptions.builder().jitter(0).build();

      mode.call(() -> client.interviews().awaitData("iv_1", options), () -> client.interviews().awaitDataAsync("iv_1", options));

      TestObservationRegistryAssert.assertThat(registry)
          .hasNumberOfObservationsWithNameEqualTo("heymilo.api.call", 3)
          .hasNumberOfObservationsWithNameEqualTo("heymilo.api.wait", 1)
          .forAllObservationsWithNameEqualTo("heymilo.api.call", call -> call
              .hasParentObservationContextMatching(parent -> ((Observation.ContextView) parent).getName().equals("heymilo.api.wait")))
          .hasObservationWithNameEqualTo("heymilo.api.wait").that()
          .hasBeenStopped()
          .doesNotHaveError()
          .hasContextualNameEqualTo("await getInterviewData")
          .hasLowCardinalityKeyValue("heymilo.operation", "getInterviewData")
          .hasLowCardinalityKeyValue("outcome", "SUCCESS")
          .hasLowCardinalityKeyValue("heymilo.status", "completed")
          .hasHighCardinalityKeyValue("heymilo.polls", "3")
          .doesNotHaveLowCardinalityKeyValueWithKey("heymilo.polls");
    }
  }

  @Test
  void awaitData_timeout_recordsTimeoutWithTheLastStatus() {
    try (HeyMiloClient client = client()) {
      for (int i = 0; i < 20; i++) {
        test.enqueue(200, TestServer.interviewData("iv_1", "evaluating"));
      }
      WaitOptions options = WaitOptions.builder().timeout(Duration.ofSeconds(10)).jitter(0).build();

      assertThrows(WaitTimeoutException.class, () -> client.interviews().awaitData("iv_1", options));

      TestObservationRegistryAssert.assertThat(registry)
          .hasObservationWithNameEqualTo("heymilo.api.wait").that()
          .hasBeenStopped()
          .hasError()
          .hasLowCardinalityKeyValue("outcome", "TIMEOUT")
          .hasLowCardinalityKeyValue("heymilo.status", "evaluating");
    }
  }

  @Test
  void awaitDataAsync_cancelled_recordsCancelled() {
    try (HeyMiloClient client = client()) {
      test.enqueue(new MockResponse().setBody(TestServer.interviewData("iv_1", "evaluating")).setHeadersDelay(2, TimeUnit.SECONDS));

      CompletableFuture<InterviewDataResponse> wait = client.interviews().awaitDataAsync("iv_1", WaitOptions.defaults());
      test.takeRequest();
      wait.cancel(true);

      assertThrows(CancellationException.class, wait::join);
      TestObservationRegistryAssert.assertThat(registry)
          .hasNumberOfObservationsWithNameEqualTo("heymilo.api.wait", 1)
          .hasObservationWithNameEqualTo("heymilo.api.wait").that()
          .hasBeenStopped()
          .doesNotHaveError()
          .hasLowCardinalityKeyValue("outcome", "CANCELLED")
          .hasLowCardinalityKeyValue("heymilo.status", "NONE");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void keyValues_carryNoCredentialNoCandidateDataAndNoIds(Mode mode) {
    try (HeyMiloClient client = client()) {
      test.enqueue(200, TestServer.interviewData("iv_9f2c", "completed"));
      test.enqueue(404, "{\"error\": {\"type\": \"not_found\", \"message\": \"No interview iv_9f2c\"}}");

      mode.call(() -> client.interviews().awaitData("iv_9f2c", WaitOptions.defaults()),
          () -> client.interviews().awaitDataAsync("iv_9f2c", WaitOptions.defaults()));
      assertThrows(NotFoundException.class,
          () -> mode.call(() -> client.interviews().getData("iv_9f2c"), () -> client.async().interviews().getData("iv_9f2c")));

      List<String> values = new ArrayList<>();
      TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> {
        assertEquals(3, contexts.size());
        for (Observation.Context context : contexts) {
          values.add(String.valueOf(context.getContextualName()));
          for (KeyValue keyValue : context.getAllKeyValues()) {
            values.add(keyValue.getKey() + "=" + keyValue.getValue());
          }
        }
      });
      for (String value : values) {
        assertFalse(value.contains(TestServer.API_KEY), value);
        assertFalse(value.contains("iv_9f2c"), value);
        assertFalse(value.contains("Ada") || value.contains("ada@example.com"), value);
      }
    }
  }
}
