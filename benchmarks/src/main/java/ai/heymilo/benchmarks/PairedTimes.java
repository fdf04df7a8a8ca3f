package ai.heymilo.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;

/**
 * Times variants of one operation against each other within the same JMH iteration: each operation of
 * an {@code interleaved} benchmark runs every variant once (the order rotating) and adds each variant's
 * wall time ({@code System.nanoTime}) and the calling thread's CPU time
 * ({@code ThreadMXBean.getCurrentThreadCpuTime}) to per-variant counters.
 *
 * <p>The counters are public {@code long} fields of a JMH {@code @AuxCounters(EVENTS)} state, so JMH
 * reports their sums per iteration; {@link JmhRounds} divides them into per-iteration ratios. Because
 * the variants alternate call by call, a change of load on the machine hits all of them alike, and the
 * ratio of a variant to its baseline is measured under the same conditions.
 */
final class PairedTimes {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private PairedTimes() {}

  /** Runs {@code variant}; adds its wall and CPU nanoseconds to {@code into[0]} and {@code into[1]}. */
  static <T> T time(Callable<T> variant, long[] into) throws Exception {
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    T result = variant.call();
    long wall1 = System.nanoTime();
    long cpu1 = THREADS.getCurrentThreadCpuTime();
    into[0] += wall1 - wall0;
    into[1] += cpu1 - cpu0;
    return result;
  }
}
