package ai.heymilo.sdk.webhooks;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@link WebhookDeduplicator#inMemory}: a bounded first-in-first-out set of keys with an expiry window. One lock
 * suffices; a delivery holds it for a hash-map lookup, and webhooks do not arrive by the million per second.
 */
final class InMemoryDeduplicator implements WebhookDeduplicator {
  private final int maxKeys;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  /** Key → when it was first seen. Insertion order is expiry order, since every key gets the same window. */
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  InMemoryDeduplicator(int maxKeys, Duration window, LongSupplier nanoTime) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1, but was " + maxKeys
          + "; use WebhookDeduplicator.none() to turn de-duplication off");
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be a positive duration, but was " + window
          + "; pass how long the sender may go on retrying one event, such as Duration.ofHours(24)");
    }
    this.maxKeys = maxKeys;
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized boolean firstDelivery(String deliveryKey) {
    long now = nanoTime.getAsLong();
    for (Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator(); oldest.hasNext(); ) {
      if (now - oldest.next().getValue() < windowNanos) {
        break;
      }
      oldest.remove();
    }
    if (seen.containsKey(deliveryKey)) {
      return false;
    }
    seen.put(deliveryKey, now);
    if (seen.size() > maxKeys) {
      Iterator<String> eldest = seen.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
    return true;
  }

  synchronized int size() {
    return seen.size();
  }

  @Override
  public String toString() {
    return "WebhookDeduplicator.inMemory(maxKeys=" + maxKeys + ", window=" + Duration.ofNanos(windowNanos) + ")";
  }
}
