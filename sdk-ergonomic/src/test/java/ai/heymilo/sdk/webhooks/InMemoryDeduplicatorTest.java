package ai.heymilo.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryDeduplicatorTest {
  private final AtomicLong now = new AtomicLong(1_000);

  private InMemoryDeduplicator deduplicator(int maxKeys, Duration window) {
    return new InMemoryDeduplicator(maxKeys, window, now::get);
  }

  @Test
  void firstDelivery_repeatWithinTheWindow_isRecognised() {
    InMemoryDeduplicator seen = deduplicator(10, Duration.ofHours(24));

    assertTrue(seen.firstDelivery("a"));
    now.addAndGet(Duration.ofHours(23).toNanos());
    assertFalse(seen.firstDelivery("a"));
    assertTrue(seen.firstDelivery("b"));
  }

  @Test
  void firstDelivery_afterTheWindow_keyIsForgotten() {
    InMemoryDeduplicator seen = deduplicator(10, Duration.ofMinutes(5));
    seen.firstDelivery("a");
    now.addAndGet(Duration.ofMinutes(3).toNanos());
    seen.firstDelivery("b");

    now.addAndGet(Duration.ofMinutes(2).toNanos());

    assertTrue(seen.firstDelivery("a"));
    assertFalse(seen.firstDelivery("b"));
  }

  @Test
  void memory_isBoundedAndTheOldestKeyGoesFirst() {
    InMemoryDeduplicator seen = deduplicator(3, Duration.ofHours(1));
    for (int i = 0; i < 1_000; i++) {
      seen.firstDelivery("k" + i);
    }

    assertEquals(3, seen.size());
    assertFalse(seen.firstDelivery("k999"));
    assertTrue(seen.firstDelivery("k996"));
  }

  @Test
  void expiredKeys_areDroppedWithoutBeingAskedFor() {
    InMemoryDeduplicator seen = deduplicator(100, Duration.ofSeconds(10));
    for (int i = 0; i < 50; i++) {
      seen.firstDelivery("k" + i);
    }
    now.addAndGet(Duration.ofSeconds(11).toNanos());

    seen.firstDelivery("new");

    assertEquals(1, seen.size());
  }

  @Test
  void badSettings_refusedSayingWhatToDo() {
    assertEquals("maxKeys must be at least 1, but was 0; use WebhookDeduplicator.none() to turn de-duplication off",
        assertThrows(IllegalArgumentException.class, () -> WebhookDeduplicator.inMemory(0, Duration.ofHours(1)))
            .getMessage());
    assertEquals("window must be a positive duration, but was PT0S; pass how long the sender may go on retrying one "
        + "event, such as Duration.ofHours(24)",
        assertThrows(IllegalArgumentException.class, () -> WebhookDeduplicator.inMemory(10, Duration.ZERO)).getMessage());
  }
}
