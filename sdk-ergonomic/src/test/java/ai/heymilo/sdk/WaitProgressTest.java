package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class WaitProgressTest {
  @Test
  void of_pendingPoll_isNotDone() {
    WaitProgress progress = WaitProgress.of(2, "evaluating", null, Duration.ofSeconds(2), Duration.ofSeconds(3));

    assertFalse(progress.done());
    assertEquals("WaitProgress{attempt=2, status=evaluating, elapsed=PT2S, nextDelay=PT3S}", progress.toString());
  }

  @Test
  void of_lastPoll_isDone() {
    WaitProgress progress = WaitProgress.of(3, "completed", null, Duration.ofSeconds(5), null);

    assertTrue(progress.done());
    assertEquals("WaitProgress{attempt=3, status=completed, elapsed=PT5S, done}", progress.toString());
  }

  @Test
  void of_failedPoll_showsError() {
    WaitProgress progress = WaitProgress.of(1, null, new IllegalStateException("boom"), Duration.ZERO, Duration.ofSeconds(2));

    assertEquals("WaitProgress{attempt=1, error=java.lang.IllegalStateException: boom, elapsed=PT0S, nextDelay=PT2S}",
        progress.toString());
  }

  @Test
  void of_attemptZero_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WaitProgress.of(0, "evaluating", null, Duration.ZERO, null));

    assertEquals("attempt must be 1 or more but was 0", e.getMessage());
  }

  @Test
  void of_statusAndError_rejected() {
    assertThrows(IllegalArgumentException.class,
        () -> WaitProgress.of(1, "evaluating", new IllegalStateException(), Duration.ZERO, null));
  }
}
