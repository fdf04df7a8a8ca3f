package ai.heymilo.sdk.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic {@link ScheduledExecutorService}: it only records delayed tasks; the test runs
 * them one by one with {@link #runNext()}, which first moves the {@link ManualClock} to the task's
 * due time. Nothing ever sleeps and no other thread is involved.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final ManualClock clock;
  private final List<Task> scheduled = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();
  private boolean shutDown;

  ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  /** Runs the earliest task that is neither cancelled nor run yet; returns false if there is none. */
  boolean runNext() {
    Optional<Task> next = scheduled.stream()
        .filter(task -> !task.isDone())
        .min(Comparator.comparingLong(task -> task.dueMillis));
    if (next.isEmpty()) {
      return false;
    }
    Task task = next.get();
    long wait = task.dueMillis - clock.millis();
    if (wait > 0) {
      clock.advance(Duration.ofMillis(wait));
    }
    task.run();
    try {
      task.get(); // surface a task's exception: FutureTask would otherwise keep it silently
    } catch (ExecutionException failed) {
      throw new AssertionError("a scheduled task threw", failed.getCause());
    } catch (CancellationException cancelledWhileRunning) {
      // Fine: the wait ended during this poll and cancelled its own (running) task.
    } catch (InterruptedException impossible) {
      throw new AssertionError(impossible);
    }
    return true;
  }

  /** Returns the delay of every task ever scheduled, in order. */
  List<Duration> delays() {
    return delays;
  }

  /** Returns every task ever scheduled, in order. */
  List<Task> tasks() {
    return scheduled;
  }

  /** Returns how many tasks are waiting to run (not run and not cancelled). */
  long pending() {
    return scheduled.stream().filter(task -> !task.isDone()).count();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    if (shutDown) {
      throw new RejectedExecutionException("ManualScheduler is shut down");
    }
    long delayMillis = unit.toMillis(delay);
    Task task = new Task(command, clock.millis() + delayMillis);
    scheduled.add(task);
    delays.add(Duration.ofMillis(delayMillis));
    return task;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("the waiter only schedules Runnables");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("the waiter never schedules periodic tasks");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("the waiter never schedules periodic tasks");
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.MILLISECONDS);
  }

  @Override
  public void shutdown() {
    shutDown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutDown = true;
    return new ArrayList<>();
  }

  @Override
  public boolean isShutdown() {
    return shutDown;
  }

  @Override
  public boolean isTerminated() {
    return shutDown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutDown;
  }

  /** A recorded task; cancelling it keeps it from ever running. */
  final class Task extends FutureTask<Void> implements ScheduledFuture<Void> {
    final long dueMillis;

    Task(Runnable command, long dueMillis) {
      super(command, null);
      this.dueMillis = dueMillis;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueMillis - clock.millis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
    }
  }
}
