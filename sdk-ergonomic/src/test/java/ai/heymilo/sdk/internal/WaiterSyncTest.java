package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.Sleeper;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.HeyMiloException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the wait cases through {@link Waiter#await}, with a sleeper that only moves the clock. */
final class WaiterSyncTest extends WaiterContractTest {
  private final List<Duration> sleeps = new ArrayList<>();
  private final ManualScheduler unusedScheduler = new ManualScheduler(clock);
  private Sleeper sleeper = duration -> {
    sleeps.add(duration);
    clock.advance(duration);
  };

  @Override
  String await(WaitOptions options, Function<String, @Nullable String> statusOf) {
    Waiter waiter = new Waiter(clock, sleeper, unusedScheduler, this::nextRandom, Observations.NONE);
    return waiter.await(POLLED, WHAT, pollOptions -> polls.next(), statusOf, options, INTERVIEW_PENDING);
  }

  @Override
  List<Duration> delays() {
    return sleeps;
  }

  @AfterEach
  void synchronousWaitsNeverUseTheScheduler() {
    assertEquals(List.of(), unusedScheduler.tasks());
  }

  @Test
  void await_interruptedWhileSleeping_restoresFlagAndThrows() {
    InterruptedException interrupt = new InterruptedException("sleep interrupted");
    sleeper = duration -> {
      throw interrupt;
    };
    polls.respond("evaluating");

    try {
      HeyMiloException e = assertThrows(HeyMiloException.class, () -> await(NO_JITTER));

      assertTrue(Thread.currentThread().isInterrupted());
      assertSame(interrupt, e.getCause());
      assertEquals("Interrupted while waiting for interview iv_1 data after 1 poll", e.getMessage());
      assertEquals(1, polls.count());
    } finally {
      Thread.interrupted(); // leave the test thread clean for the next test
    }
  }
}
