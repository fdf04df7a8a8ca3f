package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.webhooks.WebhookEventType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The pending waits of a client (and the clients derived from it) by what they poll, so that a webhook event can
 * make the waits it concerns poll at once; and whether events are wired in, which lengthens the fallback polling.
 * Thread-safe.
 */
final class WaitWakeups {
  /** What a pending wait does when an event concerns it. */
  interface Wakeup {
    /**
     * Polls at once, unless a poll is in flight (then polls again at once if that one still says pending).
     *
     * @param resumePolling whether the wait goes back to its own polling schedule from now on (the results follow
     *     soon, as after {@code interview_completed}) rather than the longer fallback schedule
     */
    void wake(boolean resumePolling);
  }

  private final ConcurrentHashMap<String, CopyOnWriteArrayList<Wakeup>> waiting = new ConcurrentHashMap<>();
  private final AtomicInteger sources = new AtomicInteger();

  /** Registers a pending wait on {@code operation} for resource {@code id}; the returned action unregisters it. */
  Runnable register(Operation<?> operation, String id, Wakeup wakeup) {
    String key = key(operation, id);
    waiting.compute(key, (k, list) -> {
      CopyOnWriteArrayList<Wakeup> wakeups = list != null ? list : new CopyOnWriteArrayList<>();
      wakeups.add(wakeup);
      return wakeups;
    });
    return () -> waiting.computeIfPresent(key, (k, list) -> {
      list.remove(wakeup);
      return list.isEmpty() ? null : list;
    });
  }

  /** Whether events can wake waits on {@code operation}: only interview data has events. */
  static boolean concerns(Operation<?> operation) {
    return operation == Operations.GET_INTERVIEW_DATA;
  }

  /**
   * Wakes the pending waits for the interview of a webhook event: {@code report_available} and
   * {@code interview_completed} make each poll at once (the poll confirms; the event itself is never taken as the
   * result), and after {@code interview_completed} a wait goes back to its own schedule, the report being near.
   * Other events wake nothing.
   *
   * @return the number of waits woken
   */
  int wake(WebhookEventType type, @Nullable String interviewId) {
    if (interviewId == null) {
      return 0;
    }
    switch (type.known()) {
      case REPORT_AVAILABLE:
        return wake(Operations.GET_INTERVIEW_DATA, interviewId, false);
      case INTERVIEW_COMPLETED:
        return wake(Operations.GET_INTERVIEW_DATA, interviewId, true);
      default:
        return 0;
    }
  }

  /** Wakes every pending wait on {@code operation} for {@code id}; returns how many there were. */
  int wake(Operation<?> operation, String id, boolean resumePolling) {
    List<Wakeup> wakeups = waiting.get(key(operation, id));
    if (wakeups == null) {
      return 0;
    }
    int woken = 0;
    for (Wakeup wakeup : wakeups) {
      wakeup.wake(resumePolling);
      woken++;
    }
    return woken;
  }

  /** Counts one more source of events (a dispatcher wired to the client); the returned action counts it off. */
  Runnable addSource() {
    sources.incrementAndGet();
    AtomicInteger once = new AtomicInteger();
    return () -> {
      if (once.getAndIncrement() == 0) {
        sources.decrementAndGet();
      }
    };
  }

  /** Whether events reach this client, so that polling is only the fallback. */
  boolean eventsWired() {
    return sources.get() > 0;
  }

  /** The number of waits registered, for tests. */
  int pending() {
    int count = 0;
    for (List<Wakeup> wakeups : waiting.values()) {
      count += wakeups.size();
    }
    return count;
  }

  private static String key(Operation<?> operation, String id) {
    return operation.id + " " + id;
  }
}
