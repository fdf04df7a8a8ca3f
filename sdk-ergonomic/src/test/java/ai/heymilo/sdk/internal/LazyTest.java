package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
  @Test
  void get_createsTheValueOnceEvenWhenThreadsRace() throws Exception {
    AtomicInteger created = new AtomicInteger();
    Lazy<Object> lazy = new Lazy<>(() -> {
      created.incrementAndGet();
      return new Object();
    });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return lazy.get();
      }));
    }

    start.countDown();
    Object first = results.get(0).get();
    for (Future<Object> result : results) {
      assertSame(first, result.get());
    }
    pool.shutdown();
    assertEquals(1, created.get());
  }

  @Test
  void get_doesNotCreateUntilAsked() {
    AtomicInteger created = new AtomicInteger();
    new Lazy<>(() -> created.incrementAndGet());

    assertEquals(0, created.get());
  }
}
