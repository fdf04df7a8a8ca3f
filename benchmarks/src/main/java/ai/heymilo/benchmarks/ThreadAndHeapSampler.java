package ai.heymilo.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Samples, every few milliseconds on a thread of its own, the threads that did not exist when
 * {@link #snapshot()} was taken, and the heap.
 *
 * <ul>
 *   <li><b>SDK threads</b>: new threads named {@code heymilo-…} (the client's HTTP pool and scheduler),
 *       {@code OkHttp …} (OkHttp's task runner; OkHttp also renames a pool thread to {@code OkHttp <url>}
 *       while it runs a call) or {@code Okio …} (the timeout watchdog). Counted by thread identity, so a
 *       renamed thread is still one thread.
 *   <li><b>All new threads</b>: every thread not in the snapshot, whatever its name (catches, for
 *       example, a {@code ForkJoinPool.commonPool} worker).
 *   <li><b>Heap</b>: the largest used heap seen by sampling ({@code MemoryMXBean}, garbage included) and the
 *       largest heap left after a collection ({@code MemoryPoolMXBean.getCollectionUsage}, summed over
 *       heap pools: the live set).
 * </ul>
 */
final class ThreadAndHeapSampler implements AutoCloseable {
  private final Set<Thread> before = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Thread> sdkSeen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Thread> newSeen = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Each new thread's name: its own name once seen, else the first name it was seen under (see {@link #isStableName}). */
  private final Map<Thread, String> names = new IdentityHashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;
  private int peakSdkThreads;
  private int peakNewThreads;
  private long peakHeapUsed;
  private long peakHeapAfterGc;
  private long samples;

  ThreadAndHeapSampler(long intervalMillis) {
    sampler = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-sampler");
    sampler.setDaemon(true);
    before.add(sampler);
  }

  /** Records the threads that exist now; only threads created later are counted. Then starts sampling. */
  ThreadAndHeapSampler snapshot() {
    before.addAll(liveThreads());
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    sampler.start();
    return this;
  }

  /**
   * OkHttp renames its threads while they work: a dispatcher thread runs a call as {@code OkHttp <url>},
   * a task runner thread runs the pool's cleanup as {@code OkHttp ConnectionPool}. A thread's own name wins.
   */
  private static boolean isStableName(String name) {
    return name.startsWith("heymilo-") || name.equals("OkHttp TaskRunner") || name.equals("Okio Watchdog");
  }

  static boolean isSdkThread(String name) {
    return name.startsWith("heymilo-") || name.startsWith("OkHttp") || name.startsWith("Okio");
  }

  private synchronized void sample() {
    samples++;
    int sdk = 0;
    int created = 0;
    for (Thread thread : liveThreads()) {
      if (before.contains(thread)) {
        continue;
      }
      created++;
      String name = thread.getName();
      newSeen.add(thread);
      if (isSdkThread(name) || sdkSeen.contains(thread)) {
        sdk++;
        sdkSeen.add(thread);
      }
      if (!names.containsKey(thread) || isStableName(name)) {
        names.put(thread, name);
      }
    }
    peakSdkThreads = Math.max(peakSdkThreads, sdk);
    peakNewThreads = Math.max(peakNewThreads, created);
    peakHeapUsed = Math.max(peakHeapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    long afterGc = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage usage = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && usage != null) {
        afterGc += usage.getUsed();
      }
    }
    peakHeapAfterGc = Math.max(peakHeapAfterGc, afterGc);
  }

  private static Set<Thread> liveThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 32];
    int n = root.enumerate(threads, true);
    Set<Thread> live = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < n; i++) {
      live.add(threads[i]);
    }
    return live;
  }

  /** The heap pools' peaks since the snapshot, summed (an upper bound: pools peak at different times). */
  static long sumOfPoolPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  synchronized Map<String, Object> results() {
    sample();
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("samples", samples);
    out.put("peakSdkThreads", peakSdkThreads);
    out.put("sdkThreadsCreated", sdkSeen.size());
    out.put("peakNewThreads", peakNewThreads);
    out.put("newThreadsCreated", newSeen.size());
    Map<String, Integer> kinds = new TreeMap<>(); // name, numbers replaced by *  ->  threads created
    for (String name : names.values()) {
      kinds.merge(name.startsWith("OkHttp http") ? "OkHttp <url> (a dispatcher thread, only seen running a call)"
          : name.equals("OkHttp ConnectionPool") ? "OkHttp TaskRunner" : name.replaceAll("-\\d+$", "-*"), 1, Integer::sum);
    }
    out.put("threadNames", kinds);
    out.put("peakHeapUsedBytes", peakHeapUsed);
    out.put("peakHeapAfterGcBytes", peakHeapAfterGc);
    out.put("sumOfHeapPoolPeaksBytes", sumOfPoolPeaks());
    out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    return out;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
