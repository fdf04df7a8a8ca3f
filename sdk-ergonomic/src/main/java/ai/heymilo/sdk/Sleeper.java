package ai.heymilo.sdk;

import java.time.Duration;

/**
 * Blocks the calling thread for a while: between retries and between polls of a synchronous wait.
 * Tests inject a fake that advances a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Sleeps for {@code duration}.
   *
   * @throws InterruptedException if the thread is interrupted while sleeping
   */
  void sleep(Duration duration) throws InterruptedException;
}
