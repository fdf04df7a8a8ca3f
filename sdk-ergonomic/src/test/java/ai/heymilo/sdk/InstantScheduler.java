package ai.heymilo.sdk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that runs every task at once on the calling thread and records the delay it was
 * asked for — for testing asynchronous retries without waiting.
 */
public final class InstantScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final List<Duration> delays = new CopyOnWriteArrayList<>();

  /** Every delay asked for so far, in order. */
  public List<Duration> delays() {
    return delays;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    delays.add(Duration.ofNanos(unit.toNanos(delay)));
    command.run();
    return new Done<>(null);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    delays.add(Duration.ofNanos(unit.toNanos(delay)));
    try {
      return new Done<>(callable.call());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private static final class Done<V> extends CompletableFuture<V> implements ScheduledFuture<V> {
    Done(V value) {
      complete(value);
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return 0;
    }
  }
}
