package ai.heymilo.ratelimit.redis;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A redis-server of the test's own on a free loopback port, so that a test can stop, freeze and
 * restart it without disturbing the shared one. Needs {@code redis-server} on the PATH.
 */
final class RedisProcess implements AutoCloseable {
  private final int port;
  private final Path dir;
  private Process process;

  private RedisProcess(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  /** Starts a server on a free port. */
  static RedisProcess start() throws IOException, InterruptedException {
    RedisProcess redis = notStarted();
    redis.restart();
    return redis;
  }

  /** Reserves a free port for a server that {@link #restart()} starts later. */
  static RedisProcess notStarted() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return new RedisProcess(port, Files.createTempDirectory("heymilo-redis-test"));
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** (Re)starts the server on the same port and waits until it answers PING. */
  void restart() throws IOException, InterruptedException {
    List<String> command = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString());
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile()).start();
    } catch (IOException e) {
      throw new AssertionError("These tests start their own redis-server and cannot (" + e.getMessage() + "): "
          + "install it with apt-get install redis-server", e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        if (SharedRedis.ping("127.0.0.1", port).startsWith("+PONG")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("redis-server on port " + port + " did not start: " + Files.readString(dir.resolve("redis.log")));
      }
      Thread.sleep(20);
    }
  }

  /** Kills the server at once, as a crash would (SIGKILL), and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Freezes the server (SIGSTOP): connections stay open, nothing answers. */
  void freeze() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** Lets a frozen server go on (SIGCONT). */
  void thaw() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).redirectErrorStream(true).start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill " + signal + " " + process.pid() + " failed: " + new String(kill.getInputStream().readAllBytes()));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      try {
        thaw();
      } catch (IOException | AssertionError ignored) {
        // not frozen, or already gone
      }
      kill();
    }
    File[] files = dir.toFile().listFiles();
    if (files != null) {
      for (File file : files) {
        file.delete();
      }
    }
    dir.toFile().delete();
  }
}
