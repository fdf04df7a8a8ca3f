package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.errors.ApiTimeoutException;
import ai.heymilo.sdk.errors.InternalServerException;
import ai.heymilo.sdk.errors.WaitTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A wait's timeout and a call's {@code RequestOptions} timeout bound everything inside them — the request in flight
 * included — within {@link #SLACK} (documented in the README), against a server that accepts and never answers, with
 * the client's default HTTP timeouts (30 s read, 60 s call).
 */
class DeadlineTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Duration SLACK = Duration.ofMillis(500);

  private final TestServer test = new TestServer();
  private final HeyMiloClient client =
      HeyMiloClient.builder().apiKey(TestServer.API_KEY).baseUrl(test.server.url("/").toString()).build();

  @AfterEach
  void close() throws Exception {
    client.close();
    test.close();
  }

  private void neverAnswer(int times) {
    for (int i = 0; i < times; i++) {
      test.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    }
  }

  @Test
  void awaitData_pollNeverAnswered_endsAtTheWaitTimeout() throws Exception {
    neverAnswer(3);
    WaitOptions options = WaitOptions.builder().timeout(TIMEOUT).build();

    long started = System.nanoTime();
    CompletableFuture<Object> wait = CompletableFuture.supplyAsync(() -> client.interviews().awaitData("iv_1", options));
    Throwable failure = outcome(wait);

    assertInstanceOf(WaitTimeoutException.class, failure);
    // The poll in flight was cut by the wait's own deadline: a timeout of the wait, not a failure of the API.
    assertNull(failure.getCause(), () -> "cause: " + failure.getCause());
    assertWithinSlack("awaitData", started);
  }

  @Test
  void awaitDataAsync_pollNeverAnswered_endsAtTheWaitTimeout() throws Exception {
    neverAnswer(3);
    WaitOptions options = WaitOptions.builder().timeout(TIMEOUT).build();

    long started = System.nanoTime();
    Throwable failure = outcome(client.async().interviews().awaitData("iv_1", options));

    assertInstanceOf(WaitTimeoutException.class, failure);
    // The poll in flight was cut by the wait's own deadline: a timeout of the wait, not a failure of the API.
    assertNull(failure.getCause(), () -> "cause: " + failure.getCause());
    assertWithinSlack("awaitData (async)", started);
  }

  @Test
  void requestOptionsTimeout_neverAnswered_endsAtTheCallTimeout() throws Exception {
    neverAnswer(3);
    RequestOptions options = RequestOptions.builder().timeout(TIMEOUT).build();

    long started = System.nanoTime();
    Throwable sync = outcome(CompletableFuture.supplyAsync(() -> client.interviews().getData("iv_1", options)));
    assertInstanceOf(ApiTimeoutException.class, sync);
    assertWithinSlack("getData with RequestOptions.timeout", started);

    started = System.nanoTime();
    Throwable async = outcome(client.async().interviews().getData("iv_1", options));
    assertInstanceOf(ApiTimeoutException.class, async);
    assertWithinSlack("getData with RequestOptions.timeout (async)", started);
  }

  @Test
  void requestOptionsTimeout_retryAfterBeyondIt_failsAtOnceInsteadOfSleeping() throws Exception {
    test.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "30").setBody("{}"));
    RequestOptions options = RequestOptions.builder().timeout(TIMEOUT).build();

    long started = System.nanoTime();
    assertThrows(InternalServerException.class, () -> client.interviews().getData("iv_1", options));

    assertTrue(elapsed(started).compareTo(TIMEOUT) < 0, "gave up before the deadline: " + elapsed(started).toMillis() + " ms");
  }

  private static Throwable outcome(CompletableFuture<?> future) throws Exception {
    // Far beyond the slack, far below the default HTTP timeouts: a wait that ignores its timeout fails here.
    ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    return failure.getCause() instanceof java.util.concurrent.CompletionException ? failure.getCause().getCause()
        : failure.getCause();
  }

  private static void assertWithinSlack(String what, long startedNanos) {
    Duration elapsed = elapsed(startedNanos);
    System.out.println(what + ": timeout " + TIMEOUT.toMillis() + " ms, ended after " + elapsed.toMillis() + " ms (overshoot "
        + (elapsed.toMillis() - TIMEOUT.toMillis()) + " ms)");
    assertTrue(elapsed.compareTo(TIMEOUT.plus(SLACK)) <= 0,
        what + " ended " + elapsed.toMillis() + " ms after it started; its timeout was " + TIMEOUT.toMillis() + " ms");
  }

  private static Duration elapsed(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
