package ai.heymilo.sdk.webhooks;

import static ai.heymilo.sdk.webhooks.Json.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {
  private static final WebhookHandler PARSER = WebhookHandler.builder().build();

  private static WebhookEvent event(String type, String interviewId) {
    return PARSER.handle(bytes(Json.event(type, interviewId)), name -> null);
  }

  private static WebhookEvent report(String interviewId) {
    return event("report_available", interviewId);
  }

  @Test
  void dispatch_byType_reachesOnlyThatTypesListeners() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    List<String> seen = new ArrayList<>();
    dispatcher.on(WebhookEventType.REPORT_AVAILABLE, e -> seen.add("report " + e.interviewId()));
    dispatcher.on(WebhookEventType.INTERVIEW_STARTED, e -> seen.add("started " + e.interviewId()));

    assertTrue(dispatcher.dispatch(report("iv_1")));
    assertTrue(dispatcher.dispatch(event("interview_completed", "iv_1")));

    assertEquals(Collections.singletonList("report iv_1"), seen);
  }

  @Test
  void dispatch_unknownType_reachesItsSubscribersAndCatchAll() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    List<String> seen = new ArrayList<>();
    dispatcher.on(WebhookEventType.fromValue("candidate_ingested"), e -> seen.add("typed"));
    dispatcher.onAny(e -> seen.add("any " + e.type().value()));

    dispatcher.dispatch(event("candidate_ingested", "iv_1"));

    assertEquals(Arrays.asList("typed", "any candidate_ingested"), seen);
  }

  @Test
  void dispatch_byInterview_reachesEveryTypeForThatInterviewOnly() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    List<String> seen = new ArrayList<>();
    dispatcher.onInterview("iv_1", e -> seen.add(e.type().value()));

    dispatcher.dispatch(event("interview_started", "iv_1"));
    dispatcher.dispatch(event("interview_started", "iv_2"));
    dispatcher.dispatch(report("iv_1"));

    assertEquals(Arrays.asList("interview_started", "report_available"), seen);
  }

  @Test
  void dispatch_order_typeThenInterviewThenAnyEachInSubscriptionOrder() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    List<String> seen = new ArrayList<>();
    dispatcher.onAny(e -> seen.add("any1"));
    dispatcher.onInterview("iv_1", e -> seen.add("interview"));
    dispatcher.on(WebhookEventType.REPORT_AVAILABLE, e -> seen.add("type1"));
    dispatcher.onAny(e -> seen.add("any2"));
    dispatcher.on(WebhookEventType.REPORT_AVAILABLE, e -> seen.add("type2"));

    dispatcher.dispatch(report("iv_1"));

    assertEquals(Arrays.asList("type1", "type2", "interview", "any1", "any2"), seen);
  }

  @Test
  void dispatch_repeatedDelivery_reachesListenersOnce() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    AtomicInteger calls = new AtomicInteger();
    dispatcher.on(WebhookEventType.REPORT_AVAILABLE, e -> calls.incrementAndGet());

    assertTrue(dispatcher.dispatch(report("iv_1")));
    assertFalse(dispatcher.dispatch(report("iv_1")));
    assertTrue(dispatcher.dispatch(report("iv_2")));

    assertEquals(2, calls.get());
  }

  @Test
  void dispatch_withoutDeduplication_everyDeliveryPassesOn() {
    WebhookDispatcher dispatcher = WebhookDispatcher.builder().deduplicator(WebhookDeduplicator.none()).build();
    AtomicInteger calls = new AtomicInteger();
    dispatcher.onAny(e -> calls.incrementAndGet());

    dispatcher.dispatch(report("iv_1"));
    dispatcher.dispatch(report("iv_1"));

    assertEquals(2, calls.get());
  }

  @Test
  void dispatch_sameEventFromManyThreadsAtOnce_reachesListenersExactlyOnce() throws Exception {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    AtomicInteger calls = new AtomicInteger();
    dispatcher.onAny(e -> calls.incrementAndGet());
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return dispatcher.dispatch(report("iv_1"));
        }));
      }
      int passed = 0;
      for (Future<Boolean> result : results) {
        passed += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, passed);
      assertEquals(1, calls.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void subscriptionClose_stopsDeliveriesAndDropsTheInterviewEntry() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    AtomicInteger calls = new AtomicInteger();
    WebhookDispatcher.Subscription first = dispatcher.onInterview("iv_1", e -> calls.incrementAndGet());
    WebhookDispatcher.Subscription second = dispatcher.onInterview("iv_1", e -> calls.incrementAndGet());
    WebhookDispatcher.Subscription typed = dispatcher.on(WebhookEventType.REPORT_AVAILABLE, e -> calls.incrementAndGet());
    WebhookDispatcher.Subscription any = dispatcher.onAny(e -> calls.incrementAndGet());
    assertEquals(1, dispatcher.interviewKeys());

    first.close();
    first.close();
    dispatcher.dispatch(event("interview_started", "iv_1"));
    assertEquals(2, calls.get());

    second.close();
    typed.close();
    any.close();
    assertEquals(0, dispatcher.interviewKeys());
    dispatcher.dispatch(report("iv_1"));
    assertEquals(2, calls.get());
  }

  @Test
  void subscriptionClosedDuringDispatch_laterListenersOfThatEventSkipIt() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    List<String> seen = new ArrayList<>();
    WebhookDispatcher.Subscription[] second = new WebhookDispatcher.Subscription[1];
    dispatcher.onAny(e -> {
      seen.add("first");
      second[0].close();
    });
    second[0] = dispatcher.onAny(e -> seen.add("second"));

    dispatcher.dispatch(report("iv_1"));

    assertEquals(Collections.singletonList("first"), seen);
  }

  @Test
  void manyOneOffInterviewSubscriptions_leaveNothingBehind() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    AtomicInteger calls = new AtomicInteger();
    List<WebhookDispatcher.Subscription> subscriptions = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      subscriptions.add(dispatcher.onInterview("iv_" + i, e -> calls.incrementAndGet()));
    }
    for (int i = 0; i < 10_000; i++) {
      dispatcher.dispatch(report("iv_" + i));
      subscriptions.get(i).close();
    }

    assertEquals(10_000, calls.get());
    assertEquals(0, dispatcher.interviewKeys());
  }

  @Test
  void listenerThatThrows_othersStillRunAndTheErrorHandlerGetsIt() {
    List<String> errors = new ArrayList<>();
    WebhookDispatcher dispatcher = WebhookDispatcher.builder()
        .onListenerError((event, error) -> errors.add(event.interviewId() + ": " + error.getMessage()))
        .build();
    List<String> seen = new ArrayList<>();
    dispatcher.onAny(e -> {
      throw new IllegalStateException("database down");
    });
    dispatcher.onAny(e -> seen.add("second"));

    assertTrue(dispatcher.dispatch(report("iv_1")));

    assertEquals(Collections.singletonList("second"), seen);
    assertEquals(Collections.singletonList("iv_1: database down"), errors);
  }

  @Test
  void listenerThatThrows_byDefaultLoggedAtErrorWithTheException() {
    Logger logger = Logger.getLogger(WebhookDispatcher.LOGGER_NAME);
    List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(capture);
    try {
      WebhookDispatcher dispatcher = WebhookDispatcher.create();
      IllegalStateException failure = new IllegalStateException("database down");
      dispatcher.onAny(e -> {
        throw failure;
      });

      dispatcher.dispatch(report("iv_1"));

      assertEquals(1, records.size());
      LogRecord record = records.get(0);
      assertEquals(java.util.logging.Level.SEVERE, record.getLevel());
      assertSame(failure, record.getThrown());
      assertTrue(record.getMessage().startsWith("A webhook listener failed on WebhookEvent{type=report_available, "
          + "postingId=13D77095, interviewId=iv_1, deliveryKey=sha256:"), record.getMessage());
      assertTrue(record.getMessage().endsWith("; the other listeners still ran and the delivery was acknowledged, so it "
          + "will not be delivered again"), record.getMessage());
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void errorHandlerThatThrows_isLoggedAndDispatchStillReturns() {
    WebhookDispatcher dispatcher = WebhookDispatcher.builder()
        .onListenerError((event, error) -> {
          throw new IllegalStateException("handler broken");
        })
        .build();
    List<String> seen = new ArrayList<>();
    dispatcher.onAny(e -> {
      throw new IllegalArgumentException("listener broken");
    });
    dispatcher.onAny(e -> seen.add("second"));

    assertTrue(dispatcher.dispatch(report("iv_1")));
    assertEquals(Collections.singletonList("second"), seen);
  }

  @Test
  void executor_runsListenersOffTheCallingThread() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "listener-pool"));
    try {
      WebhookDispatcher dispatcher = WebhookDispatcher.builder().executor(pool).build();
      CountDownLatch done = new CountDownLatch(1);
      List<String> threads = Collections.synchronizedList(new ArrayList<>());
      dispatcher.onAny(e -> {
        threads.add(Thread.currentThread().getName());
        done.countDown();
      });

      assertTrue(dispatcher.dispatch(report("iv_1")));

      assertTrue(done.await(10, TimeUnit.SECONDS));
      assertEquals(Collections.singletonList("listener-pool"), threads);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void executorThatRefuses_listenersRunOnTheCallingThreadInstead() {
    WebhookDispatcher dispatcher = WebhookDispatcher.builder()
        .executor(task -> {
          throw new RejectedExecutionException("queue full");
        })
        .build();
    List<String> threads = new ArrayList<>();
    dispatcher.onAny(e -> threads.add(Thread.currentThread().getName()));

    assertTrue(dispatcher.dispatch(report("iv_1")));

    assertEquals(Collections.singletonList(Thread.currentThread().getName()), threads);
  }

  @Test
  void handlerWithDispatcher_dispatchesEachDeliveryOnceAndStillReturnsRepeats() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    AtomicInteger calls = new AtomicInteger();
    dispatcher.on(WebhookEventType.REPORT_AVAILABLE, e -> calls.incrementAndGet());
    WebhookHandler handler = WebhookHandler.builder().dispatcher(dispatcher).build();

    WebhookEvent first = handler.handle(bytes(Json.REPORT), name -> null);
    WebhookEvent repeat = handler.handle(bytes(Json.REPORT), name -> null);

    assertEquals(1, calls.get());
    assertEquals(first.deliveryKey(), repeat.deliveryKey());
  }

  @Test
  void nullArguments_refusedWithTheParameterName() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();

    assertEquals("type must not be null",
        assertThrows(IllegalArgumentException.class, () -> dispatcher.on(null, e -> { })).getMessage());
    assertEquals("listener must not be null",
        assertThrows(IllegalArgumentException.class, () -> dispatcher.onAny(null)).getMessage());
    assertEquals("interviewId must not be blank; pass the interview's id, such as \"iv_1\"",
        assertThrows(IllegalArgumentException.class, () -> dispatcher.onInterview(" ", e -> { })).getMessage());
    assertEquals("event must not be null",
        assertThrows(IllegalArgumentException.class, () -> dispatcher.dispatch(null)).getMessage());
  }
}
