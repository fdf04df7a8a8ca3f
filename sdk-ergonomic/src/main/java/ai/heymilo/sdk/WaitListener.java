package ai.heymilo.sdk;

/**
 * Sees every poll of a wait: its status or error, the attempt number, the time elapsed and the
 * delay before the next poll.
 *
 * <pre>{@code
 * WaitOptions options = WaitOptions.builder()
 *     .listener(p -> System.err.printf("poll %d: %s, next in %s%n", p.attempt(), p.status(), p.nextDelay()))
 *     .build();
 * }</pre>
 *
 * <p>The listener is called on the thread that polls: the caller's thread for {@code awaitData},
 * a scheduler or HTTP thread for {@code awaitDataAsync}. Keep it quick. An exception it throws is
 * ignored, so a broken progress display never breaks the wait.
 */
@FunctionalInterface
public interface WaitListener {
  /** Called once after each poll, before the wait sleeps, ends or fails. */
  void onPoll(WaitProgress progress);
}
