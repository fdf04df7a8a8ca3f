package ai.heymilo.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A redis-server of the harness's own on a free loopback port (in memory only), so that a run can stop it
 * mid-way and start it again on the same port. Needs {@code redis-server} on the PATH.
 */
final class RedisServerProcess implements AutoCloseable {
  private final int port;
  private final Path dir;
  private Process process;

  private RedisServerProcess(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  static RedisServerProcess start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RedisServerProcess redis = new RedisServerProcess(port, Files.createTempDirectory("heymilo-bench-redis"));
    redis.restart();
    return redis;
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts the server (again) on the same port; returns once it answers PING. */
  void restart() throws IOException, InterruptedException {
    List<String> command = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no", "--dir", dir.toString());
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    } catch (IOException e) {
      throw new IOException("cannot start redis-server (" + e.getMessage() + "): install it with apt-get install redis-server "
          + "or scripts/redis install", e);
    }
    for (int attempt = 0; attempt < 500; attempt++) {
      if (answers()) {
        return;
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(20);
    }
    throw new IOException("redis-server on port " + port + " did not start: " + Files.readString(dir.resolve("redis.log")));
  }

  /** Kills it at once (SIGKILL), as a crash or a lost host would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  private boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(5);
      return new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
    } catch (IOException notYet) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException, IOException {
    if (process != null && process.isAlive()) {
      kill();
    }
    Files.deleteIfExists(dir.resolve("redis.log"));
    Files.deleteIfExists(dir);
  }
}
