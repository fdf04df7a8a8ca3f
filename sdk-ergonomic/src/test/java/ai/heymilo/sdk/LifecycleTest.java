package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.errors.ClientClosedException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code close()} is a shutdown: nothing is sent afterwards, everything in flight ends promptly with
 * {@link ClientClosedException}, and no thread the client created outlives it. Real time and the client's own
 * scheduler, since what is tested is how the client's threads and sleeps react to close.
 */
class LifecycleTest {
  private static final String DATA = "GET /api/v2/interviews/iv_1/data";
  /** How long "promptly" may take on a loaded 2-core machine. */
  private static final long PROMPTLY_SECONDS = 3;

  private final TestServer test = new TestServer();

  @AfterEach
  void close() throws Exception {
    test.close();
  }

  private HeyMiloClient.Builder realTime() {
    return HeyMiloClient.builder().apiKey(TestServer.API_KEY).baseUrl(test.server.url("/").toString());
  }

  private void neverAnswer() {
    test.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
  }

  @Test
  void syncCall_inFlightAtClose_endsWithClientClosed_andIsNotSentAgain() throws Exception {
    HeyMiloClient client = realTime().build();
    neverAnswer();
    test.enqueue(200, TestServer.interviewData("iv_1", "completed")); // what a retry would get

    Future<?> call = inBackground(() -> client.interviews().getData("iv_1"));
    test.takeRequest();
    client.close();

    assertStopped(call, "The client was closed while " + DATA + " was in flight; it was stopped");
    Thread.sleep(200);
    assertEquals(1, test.server.getRequestCount(), "no request after close");
  }

  @Test
  void asyncCall_inFlightAtClose_futureFailsWithClientClosed() throws Exception {
    HeyMiloClient client = realTime().build();
    neverAnswer();

    CompletableFuture<?> call = client.async().interviews().getData("iv_1");
    test.takeRequest();
    client.close();

    assertStopped(call, "The client was closed while " + DATA + " was in flight; it was stopped");
  }

  @Test
  void calls_onClosedClient_failAtOnce_sendingNothing() throws Exception {
    HeyMiloClient client = realTime().build();
    client.close();

    ClientClosedException sync = assertThrows(ClientClosedException.class, () -> client.interviews().getData("iv_1"));
    assertEquals("The client was closed; " + DATA + " was not started", sync.getMessage());
    assertStopped(client.async().interviews().getData("iv_1"), "The client was closed; " + DATA + " was not started");
    assertStopped(client.async().interviews().awaitData("iv_1", WaitOptions.defaults()),
        "The client was closed; waiting for interview iv_1 data was not started");
    assertEquals(0, test.server.getRequestCount());
  }

  @Test
  void syncWait_closedBetweenPolls_stopsPolling() throws Exception {
    HeyMiloClient client = realTime().build();
    for (int i = 0; i < 5; i++) {
      test.enqueue(200, TestServer.interviewData("iv_1", "not_ready"));
    }
    CountDownLatch polled = new CountDownLatch(1);
    WaitOptions patient = WaitOptions.builder().timeout(Duration.ofMinutes(1)).initialDelay(Duration.ofSeconds(30))
        .listener(progress -> polled.countDown()).build();

    Future<?> wait = inBackground(() -> client.interviews().awaitData("iv_1", patient));
    assertTrue(polled.await(5, TimeUnit.SECONDS), "first poll answered"); // the wait now sleeps 30 s
    client.close();

    assertStopped(wait, "The client was closed while waiting for interview iv_1 data; it was stopped");
    assertEquals(1, test.server.getRequestCount());
  }

  @Test
  void syncWait_pollInFlightAtClose_endsWithClientClosed() throws Exception {
    HeyMiloClient client = realTime().build();
    neverAnswer();

    Future<?> wait = inBackground(() -> client.interviews().awaitData("iv_1", WaitOptions.defaults()));
    test.takeRequest();
    client.close();

    assertStopped(wait, "The client was closed while " + DATA + " was in flight; it was stopped");
  }

  @Test
  void asyncWait_inFlightAtClose_futureFailsWithClientClosed() throws Exception {
    HeyMiloClient client = realTime().build();
    test.enqueue(200, TestServer.interviewData("iv_1", "not_ready"));
    CountDownLatch polled = new CountDownLatch(1);
    WaitOptions patient = WaitOptions.builder().timeout(Duration.ofMinutes(1)).initialDelay(Duration.ofSeconds(30))
        .listener(progress -> polled.countDown()).build();

    CompletableFuture<?> wait = client.async().interviews().awaitData("iv_1", patient);
    assertTrue(polled.await(5, TimeUnit.SECONDS), "first poll answered"); // the next poll is 30 s away
    client.close();

    assertStopped(wait, "The client was closed while waiting for interview iv_1 data; it was stopped");
  }

  @Test
  void rateLimiterWait_atClose_endsWithClientClosed() throws Exception {
    HeyMiloClient client = realTime().rateLimit(RateLimit.of(1, Duration.ofMinutes(1))).build();
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
    client.interviews().getData("iv_1");

    Future<?> paced = inBackground(() -> client.interviews().getData("iv_1"));
    CompletableFuture<?> pacedAsync = client.async().interviews().getData("iv_1"); // scheduled a minute ahead
    awaitCallerSleeping();
    client.close();

    assertStopped(paced, "The client was closed while " + DATA + " was in flight; it was stopped");
    assertStopped(pacedAsync, "The client was closed while " + DATA + " was in flight; it was stopped");
    assertEquals(1, test.server.getRequestCount());
  }

  @Test
  void paging_afterClose_failsWithClientClosed() {
    HeyMiloClient client = realTime().build();
    test.enqueue(200, "{\"data\": [{\"id\": \"P1\", \"title\": \"T\"}], \"pagination\": {\"has_more\": true}}");
    Iterator<?> postings = client.postings().list().iterator();
    postings.next();
    client.close();

    ClientClosedException error = assertThrows(ClientClosedException.class, postings::hasNext);
    assertEquals("The client was closed; GET /api/v2/postings was not started", error.getMessage());
  }

  @Test
  void derivedClient_sharesTheLifecycle_closingItClosesTheOwner() {
    HeyMiloClient client = realTime().build();
    HeyMiloClient patient = client.withOptions(options -> options.maxRetries(5));

    patient.close();

    assertEquals("The client was closed; " + DATA + " was not started",
        assertThrows(ClientClosedException.class, () -> client.interviews().getData("iv_1")).getMessage());
    assertThrows(ClientClosedException.class, () -> patient.interviews().getData("iv_1"));
    assertEquals(0, test.server.getRequestCount());
  }

  @Test
  void close_noThreadOfTheClientOutlivesIt() throws Exception {
    Set<Thread> before = heymiloThreads();
    HeyMiloClient client = realTime().build();
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
    test.enqueue(200, TestServer.interviewData("iv_1", "not_ready"));
    client.async().interviews().getData("iv_1").get(5, TimeUnit.SECONDS); // starts an HTTP thread
    CompletableFuture<?> wait = client.async().interviews().awaitData("iv_1", WaitOptions.defaults()); // and the scheduler
    test.takeRequest();
    test.takeRequest();
    assertTrue(!newThreads(before).isEmpty(), "the client started threads");

    client.close();

    assertTrue(wait.isDone());
    // The pools have terminated when close() returns; a worker thread may take a moment more to leave run().
    awaitNoNewThreads(before, 200);
    assertEquals(Set.of(), names(newThreads(before)), "threads alive after close()");
  }

  @Test
  void idleClient_neverClosed_holdsNoThreadAfterItsIdleTimeout() throws Exception {
    Set<Thread> before = heymiloThreads();
    HeyMiloClient client = realTime().idleThreadTimeout(Duration.ofMillis(200)).build();
    test.enqueue(200, TestServer.interviewData("iv_1", "not_ready"));
    test.enqueue(200, TestServer.interviewData("iv_1", "completed"));
    WaitOptions quick = WaitOptions.builder().initialDelay(Duration.ofMillis(10)).build();
    client.async().interviews().awaitData("iv_1", quick).get(5, TimeUnit.SECONDS);
    assertTrue(!newThreads(before).isEmpty(), "the client started threads");

    awaitNoNewThreads(before, TimeUnit.SECONDS.toMillis(PROMPTLY_SECONDS));

    assertEquals(Set.of(), names(newThreads(before)), "threads alive after the idle timeout");
  }

  /** Runs a blocking call on a thread of its own. */
  private static Future<?> inBackground(Supplier<?> call) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(call.get());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "test-caller");
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /** Waits until the background caller sleeps (for its rate-limit slot). */
  private static void awaitCallerSleeping() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      boolean sleeping = Thread.getAllStackTraces().keySet().stream()
          .anyMatch(thread -> thread.getName().equals("test-caller") && thread.getState() == Thread.State.TIMED_WAITING);
      if (sleeping) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the caller never went to sleep");
  }

  private static void assertStopped(Future<?> future, String message) throws Exception {
    ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(PROMPTLY_SECONDS, TimeUnit.SECONDS),
        "ended promptly, with a failure");
    ClientClosedException closed = assertInstanceOf(ClientClosedException.class, failure.getCause());
    assertEquals(message, closed.getMessage());
  }

  private static void awaitNoNewThreads(Set<Thread> before, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!newThreads(before).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private static Set<Thread> heymiloThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("heymilo-") && thread.isAlive())
        .collect(Collectors.toSet());
  }

  private static Set<Thread> newThreads(Set<Thread> before) {
    Set<Thread> now = heymiloThreads();
    now.removeAll(before);
    return now;
  }

  private static Set<String> names(Set<Thread> threads) {
    return threads.stream().map(Thread::getName).collect(Collectors.toSet());
  }
}
