package ai.heymilo.benchmarks;

import ai.heymilo.sandbox.HeyMiloSandbox;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Benchmark 5, cold start: from starting a JVM to the first response printed, for
 *
 * <ul>
 *   <li><b>cli</b>: {@code java -jar cli/target/heymilo.jar interviews get D536A69A4090E13F --json} pointed at a running
 *       sandbox ({@code HEYMILO_API_KEY}, {@code HEYMILO_BASE_URL});
 *   <li><b>cliLauncher</b> (with {@code --launcher}): the same command through the {@code heymilo} launcher, which
 *       maps an application class-data archive (created during the warm-up runs) and picks start-up JVM options;
 *   <li><b>okhttp</b> (baseline): {@link MinimalOkHttpMain} with only OkHttp, Okio and the Kotlin standard
 *       library on the class path, fetching the same URL;
 *   <li><b>cliEmbedded</b> (for information): the same CLI command without {@code HEYMILO_API_KEY}, so it
 *       starts its embedded sandbox (WireMock) first — what {@code ./heymilo} does out of the box.
 * </ul>
 *
 * The sandbox runs in this process. Each command runs {@code --warmup} times unmeasured (file cache), then
 * {@code --runs} times, the three commands taking turns. Measured per run: time from
 * {@code ProcessBuilder.start()} to the first byte on the child's stdout (the response printed) and to its
 * exit. Same {@code java} and no JVM options for all.
 */
public final class ColdStartHarness {
  /** A fixture interview of the stateful sandbox (an unknown id would be answered 404). */
  private static final String INTERVIEW = ai.heymilo.sandbox.SandboxData.INTERVIEW_ID;

  private ColdStartHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = Flags.parse(args, 0);
    String cliJar = flags.get("cli-jar");
    String okhttpClasspath = flags.get("okhttp-classpath");
    String launcher = flags.get("launcher");
    int runs = Integer.parseInt(flags.getOrDefault("runs", "10"));
    int warmup = Integer.parseInt(flags.getOrDefault("warmup", "2"));
    Path out = Path.of(flags.get("out"));
    String java = SandboxProcess.javaBinary();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("runs", runs);
    result.put("java", java);
    result.put("javaVersion", System.getProperty("java.version"));
    try (HeyMiloSandbox sandbox = HeyMiloSandbox.start()) {
      String url = sandbox.baseUrl() + "/api/v2/interviews/" + INTERVIEW + "/data";
      Map<String, Command> commands = new LinkedHashMap<>();
      commands.put("cli", new Command(List.of(java, "-jar", cliJar, "interviews", "get", INTERVIEW, "--json"),
          Map.of("HEYMILO_API_KEY", HeyMiloSandbox.API_KEY, "HEYMILO_BASE_URL", sandbox.baseUrl())));
      if (launcher != null) {
        // The launcher users run: the same jar with its AppCDS archive (created in the warm-up runs) and JVM options.
        commands.put("cliLauncher", new Command(List.of(launcher, "interviews", "get", INTERVIEW, "--json"),
            Map.of("HEYMILO_API_KEY", HeyMiloSandbox.API_KEY, "HEYMILO_BASE_URL", sandbox.baseUrl())));
      }
      commands.put("okhttp", new Command(List.of(java, "-cp", okhttpClasspath, MinimalOkHttpMain.class.getName(), url,
          HeyMiloSandbox.API_KEY), Map.of()));
      commands.put("cliEmbedded", new Command(List.of(java, "-jar", cliJar, "interviews", "get", INTERVIEW, "--json"), Map.of()));
      for (int i = 0; i < warmup; i++) {
        for (Command command : commands.values()) {
          command.run();
        }
      }
      Map<String, List<double[]>> samples = new LinkedHashMap<>();
      commands.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
      for (int i = 0; i < runs; i++) {
        for (Map.Entry<String, Command> command : commands.entrySet()) {
          samples.get(command.getKey()).add(command.getValue().run());
        }
      }
      Map<String, Object> perCommand = new LinkedHashMap<>();
      for (Map.Entry<String, List<double[]>> entry : samples.entrySet()) {
        Map<String, Object> stats = new LinkedHashMap<>();
        Command command = commands.get(entry.getKey());
        String line = String.join(" ", command.command).replace(cliJar, "cli/target/heymilo.jar")
            .replace(okhttpClasspath, "<okhttp, okio, kotlin-stdlib jars>").replace(java, "java").replace(sandbox.baseUrl(), "$SANDBOX");
        if (launcher != null) {
          line = line.replace(launcher, "./heymilo");
        }
        stats.put("command", (command.environment.isEmpty() ? (entry.getKey().startsWith("cli") ? "(no HEYMILO_API_KEY) " : "")
            : "HEYMILO_API_KEY=… HEYMILO_BASE_URL=$SANDBOX ") + line);
        stats.put("firstOutput", describe(entry.getValue(), 0));
        stats.put("exit", describe(entry.getValue(), 1));
        perCommand.put(entry.getKey(), stats);
      }
      result.put("commands", perCommand);
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer writer = Files.newBufferedWriter(out)) {
      new GsonBuilder().setPrettyPrinting().create().toJson(result, writer);
    }
    System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(result));
  }

  /** Mean with the half-width of its 99.9 % confidence interval (as JMH computes it), median, min, max. */
  private static Map<String, Object> describe(List<double[]> runs, int index) {
    ListStatistics statistics = new ListStatistics();
    List<Double> values = new ArrayList<>();
    for (double[] run : runs) {
      statistics.addValue(run[index]);
      values.add(run[index]);
    }
    Collections.sort(values);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("meanMs", statistics.getMean());
    map.put("errorMs", statistics.getMeanErrorAt(0.999));
    map.put("medianMs", values.get(values.size() / 2));
    map.put("minMs", values.get(0));
    map.put("maxMs", values.get(values.size() - 1));
    map.put("samplesMs", values);
    return map;
  }

  private static final class Command {
    final List<String> command;
    final Map<String, String> environment;

    Command(List<String> command, Map<String, String> environment) {
      this.command = command;
      this.environment = environment;
    }

    /** Runs once; returns {ms to the first stdout byte, ms to exit}. */
    double[] run() throws IOException, InterruptedException {
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().remove("HEYMILO_API_KEY");
      builder.environment().remove("HEYMILO_BASE_URL");
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      builder.environment().putAll(environment);
      long t0 = System.nanoTime();
      Process process = builder.start();
      InputStream stdout = process.getInputStream();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int first = stdout.read();
      long firstOutput = System.nanoTime();
      if (first >= 0) {
        output.write(first);
        stdout.transferTo(output);
      }
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within 2 minutes");
      }
      long exited = System.nanoTime();
      String text = output.toString(StandardCharsets.UTF_8);
      if (process.exitValue() != 0 || !text.contains(INTERVIEW) && !text.contains("interview_id")) {
        throw new IllegalStateException(command + " exited " + process.exitValue() + " printing: "
            + text.substring(0, Math.min(500, text.length())));
      }
      return new double[] {(firstOutput - t0) / 1e6, (exited - t0) / 1e6};
    }
  }
}
