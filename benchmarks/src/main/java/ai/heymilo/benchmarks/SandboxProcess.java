package ai.heymilo.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recorded sandbox ({@code HeyMiloSandbox.main --port 0}) in a JVM of its own, so that its heap and
 * threads stay out of the harness's measurements. Same {@code java} and class path as the harness.
 */
final class SandboxProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("HeyMilo sandbox at (http://\\S+)");

  private final Process process;
  private final String baseUrl;

  private SandboxProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  static SandboxProcess start() throws IOException {
    List<String> command = List.of(javaBinary(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "ai.heymilo.sandbox.HeyMiloSandbox", "--port", "0");
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher ready = READY.matcher(line);
      if (ready.find()) {
        Thread drain = new Thread(() -> drain(out), "sandbox-stdout");
        drain.setDaemon(true);
        drain.start();
        return new SandboxProcess(process, ready.group(1));
      }
    }
    process.destroyForcibly();
    throw new IOException("the sandbox process exited before printing its URL (exit " + process.exitValue() + ")");
  }

  static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  String baseUrl() {
    return baseUrl;
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // Discard: the sandbox prints nothing after its first line.
      }
    } catch (IOException ignored) {
      // The process is gone.
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
