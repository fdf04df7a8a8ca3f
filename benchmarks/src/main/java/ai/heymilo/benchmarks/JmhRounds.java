package ai.heymilo.benchmarks;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs the methods of one JMH benchmark class in interleaved rounds and pools the iterations.
 *
 * <p>On a shared two-core machine the load changes over minutes. JMH runs every fork of one benchmark
 * before the next, so a benchmark and its baseline would be measured under different loads. Here each
 * round runs one fork of every method (the order rotating from round to round); afterwards each
 * method's measurement iterations from all rounds are pooled, and score and error are computed with
 * JMH's own statistics ({@link ListStatistics}: the mean, and the half-width of its 99.9 % confidence
 * interval, Student's t) — the same numbers JMH prints for a run with {@code forks = rounds}. Every
 * fork uses the same JVM options. JMH's {@code gc} profiler adds the allocation per operation
 * ({@code gc.alloc.rate.norm}), which does not depend on the load.
 *
 * <p>A method named {@code interleaved} times all variants in turn within each operation (see
 * {@link PairedTimes}); for it the per-iteration counters {@code <variant>Nanos}, {@code <variant>CpuNanos}
 * and {@code rounds} become per-variant times per call and, for each {@code --paired a:b}, the ratios
 * {@code a/b} of wall and of CPU time, one per iteration, pooled and summarised the same way.
 *
 * <pre>
 * java -cp benchmarks.jar ai.heymilo.benchmarks.JmhRounds CallOverheadBenchmark ergonomic,rawRetrofit,plainOkHttpGson,interleaved \
 *     --paired ergonomic:rawRetrofit,ergonomic:plainOkHttpGson --rounds 4 --warmup 8 --iterations 8 --time 1 \
 *     --out target/results/overhead.json
 * </pre>
 */
public final class JmhRounds {
  /**
   * Adds one iteration of the {@code interleaved} method: µs per call of each variant (wall and CPU) and
   * the ratios of the requested pairs.
   */
  @SuppressWarnings("rawtypes")
  private static void derive(Map<String, Result> secondary, List<String[]> pairs, Map<String, ListStatistics> derived) {
    Result rounds = secondary.get("rounds");
    if (rounds == null || rounds.getScore() <= 0) {
      return;
    }
    double n = rounds.getScore();
    for (Map.Entry<String, Result> entry : secondary.entrySet()) {
      String name = entry.getKey();
      if (name.endsWith("CpuNanos")) {
        String variant = name.substring(0, name.length() - "CpuNanos".length());
        derived.computeIfAbsent(variant + ".cpuMicros", k -> new ListStatistics()).addValue(entry.getValue().getScore() / n / 1000);
      } else if (name.endsWith("Nanos")) {
        String variant = name.substring(0, name.length() - "Nanos".length());
        derived.computeIfAbsent(variant + ".wallMicros", k -> new ListStatistics()).addValue(entry.getValue().getScore() / n / 1000);
      }
    }
    for (String[] pair : pairs) {
      for (String kind : new String[] {"", "Cpu"}) {
        Result a = secondary.get(pair[0] + kind + "Nanos");
        Result b = secondary.get(pair[1] + kind + "Nanos");
        if (a != null && b != null && b.getScore() > 0) {
          String name = pair[0] + "/" + pair[1] + (kind.isEmpty() ? ".wallRatio" : ".cpuRatio");
          derived.computeIfAbsent(name, k -> new ListStatistics()).addValue(a.getScore() / b.getScore());
        }
      }
    }
  }

  /** Every fork, of every benchmark and its baseline. */
  static final String[] FORK_JVM_ARGS = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"};

  private JmhRounds() {}

  public static void main(String[] args) throws RunnerException, IOException {
    String benchmarkClass = args[0];
    List<String> methods = Arrays.asList(args[1].split(","));
    Map<String, String> flags = Flags.parse(args, 2);
    int rounds = Integer.parseInt(flags.getOrDefault("rounds", "5"));
    int warmup = Integer.parseInt(flags.getOrDefault("warmup", "4"));
    int iterations = Integer.parseInt(flags.getOrDefault("iterations", "6"));
    int seconds = Integer.parseInt(flags.getOrDefault("time", "1"));
    Path out = Path.of(flags.get("out"));
    Path log = Path.of(flags.getOrDefault("log", out.toString().replace(".json", ".log")));
    List<String[]> pairs = new ArrayList<>();
    for (String pair : flags.getOrDefault("paired", "").split(",")) {
      if (!pair.isBlank()) {
        pairs.add(pair.split(":"));
      }
    }
    Map<String, ListStatistics> derived = new LinkedHashMap<>();
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.deleteIfExists(log);

    Map<String, ListStatistics> scores = new LinkedHashMap<>();
    Map<String, ListStatistics> allocations = new LinkedHashMap<>();
    Map<String, List<Double>> roundMeans = new LinkedHashMap<>();
    String unit = null;
    for (String method : methods) {
      scores.put(method, new ListStatistics());
      allocations.put(method, new ListStatistics());
      roundMeans.put(method, new ArrayList<>());
    }
    long started = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < methods.size(); k++) {
        String method = methods.get((round + k) % methods.size());
        System.out.printf("round %d/%d: %s.%s%n", round + 1, rounds, benchmarkClass, method);
        Options options = new OptionsBuilder()
            .include("^" + Pattern.quote(JmhRounds.class.getPackageName() + "." + benchmarkClass + "." + method) + "$")
            .forks(1)
            .warmupIterations(warmup)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(seconds))
            .jvmArgs(FORK_JVM_ARGS)
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .output(log.toString() + ".part")
            .build();
        Collection<RunResult> results = new Runner(options).run();
        Files.writeString(log, Files.readString(Path.of(log + ".part")), java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
        ListStatistics thisRound = new ListStatistics();
        for (RunResult result : results) {
          for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            for (IterationResult iteration : benchmark.getIterationResults()) {
              Result<?> primary = iteration.getPrimaryResult();
              unit = primary.getScoreUnit();
              scores.get(method).addValue(primary.getScore());
              thisRound.addValue(primary.getScore());
              Map<String, Result> secondary = iteration.getSecondaryResults();
              Result<?> allocated = secondary.get("gc.alloc.rate.norm");
              if (allocated != null) {
                allocations.get(method).addValue(allocated.getScore());
              }
              if (method.equals("interleaved")) {
                derive(secondary, pairs, derived);
              }
            }
          }
        }
        roundMeans.get(method).add(thisRound.getMean());
        System.out.printf("  %.3f %s%n", thisRound.getMean(), unit);
      }
    }
    Files.deleteIfExists(Path.of(log + ".part"));

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", benchmarkClass);
    report.put("rounds", rounds);
    report.put("warmupIterations", warmup);
    report.put("measurementIterations", iterations);
    report.put("iterationSeconds", seconds);
    report.put("forkJvmArgs", String.join(" ", FORK_JVM_ARGS));
    report.put("confidence", 0.999);
    report.put("wallSeconds", (System.nanoTime() - started) / 1e9);
    Map<String, Object> perMethod = new LinkedHashMap<>();
    for (String method : methods) {
      ListStatistics s = scores.get(method);
      ListStatistics a = allocations.get(method);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("unit", unit);
      entry.put("score", s.getMean());
      entry.put("error", s.getMeanErrorAt(0.999));
      entry.put("n", s.getN());
      entry.put("roundMeans", roundMeans.get(method));
      if (a.getN() > 0) {
        entry.put("allocBytesPerOp", a.getMean());
        entry.put("allocError", a.getMeanErrorAt(0.999));
      }
      perMethod.put(method, entry);
    }
    report.put("results", perMethod);
    Map<String, Object> paired = new LinkedHashMap<>();
    derived.forEach((name, statistics) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("mean", statistics.getMean());
      entry.put("error", statistics.getN() > 1 ? statistics.getMeanErrorAt(0.999) : Double.NaN);
      entry.put("n", statistics.getN());
      paired.put(name, entry);
    });
    report.put("interleaved", paired);
    try (Writer writer = Files.newBufferedWriter(out)) {
      new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(report, writer);
    }
    System.out.println("wrote " + out);
  }
}
