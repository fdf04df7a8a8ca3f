package ai.heymilo.sdk.webhooks;

import java.time.Duration;

/**
 * Remembers which deliveries were already handed to listeners, so that an event HeyMilo delivers more than once
 * (webhooks are at-least-once: a lost answer or a timeout makes the sender retry) reaches them once.
 *
 * <p>Keys are {@link WebhookEvent#deliveryKey()}s. The built-in {@link #inMemory()} store is per process; when
 * several instances of a service receive webhooks behind a load balancer, implement this interface on a shared
 * store (an insert into a table with a unique key, Redis {@code SET key 1 NX EX 86400}) or make the processing
 * itself idempotent on the delivery key.
 *
 * <pre>{@code
 * WebhookDispatcher dispatcher = WebhookDispatcher.builder()
 *     .deduplicator(WebhookDeduplicator.inMemory(50_000, Duration.ofDays(3)))
 *     .build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe: {@link #firstDelivery} is called concurrently and must check and record a
 * key atomically, or two simultaneous deliveries of one event would both pass.
 */
@FunctionalInterface
public interface WebhookDeduplicator {
  /** The number of keys {@link #inMemory()} remembers. */
  int DEFAULT_MAX_KEYS = 10_000;
  /** How long {@link #inMemory()} remembers a key. */
  Duration DEFAULT_WINDOW = Duration.ofHours(24);

  /**
   * Records {@code deliveryKey} and returns true if it was not already recorded, false for a repeated delivery.
   * An exception refuses the delivery with a 5xx, so that the sender retries it later.
   */
  boolean firstDelivery(String deliveryKey);

  /**
   * Returns an in-memory store of the last {@value #DEFAULT_MAX_KEYS} keys seen within 24 hours (about 1.6 MB when
   * full).
   */
  static WebhookDeduplicator inMemory() {
    return new InMemoryDeduplicator(DEFAULT_MAX_KEYS, DEFAULT_WINDOW, System::nanoTime);
  }

  /**
   * Returns an in-memory store of at most {@code maxKeys} keys, each remembered for {@code window} after its first
   * delivery; when full, the oldest key is forgotten first. Memory stays bounded at about 160 bytes a key (measured
   * on JDK 17 with {@code sha256:} keys).
   *
   * @throws IllegalArgumentException if {@code maxKeys} is not positive or {@code window} is not a positive duration
   */
  static WebhookDeduplicator inMemory(int maxKeys, Duration window) {
    return new InMemoryDeduplicator(maxKeys, window, System::nanoTime);
  }

  /** Returns a store that remembers nothing: every delivery reaches the listeners. */
  static WebhookDeduplicator none() {
    return deliveryKey -> true;
  }
}
