package ai.heymilo.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on a loopback port for the benchmarks: keep-alive connections, a thread per
 * connection, and each response written with a single {@code write} on a {@code TCP_NODELAY} socket.
 *
 * <p>OkHttp's {@code MockWebServer} writes headers and body separately with Nagle's algorithm on, so
 * every response waits for the client's delayed ACK (about 40 ms on Linux); this server answers in
 * tens of microseconds, which keeps the server's share of a benchmarked call small and equal for every
 * variant.
 */
final class LoopbackServer implements Closeable {
  /** Answers one request: the complete HTTP response, status line to body (see {@link #response}). */
  interface Handler {
    byte[] respond(String method, String target);
  }

  private final ServerSocket serverSocket;
  private final Handler handler;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  private LoopbackServer(ServerSocket serverSocket, Handler handler) {
    this.serverSocket = serverSocket;
    this.handler = handler;
  }

  /** Starts a server on a free loopback port. */
  static LoopbackServer start(Handler handler) throws IOException {
    LoopbackServer server = new LoopbackServer(new ServerSocket(0, 256, InetAddress.getLoopbackAddress()), handler);
    Thread acceptor = new Thread(server::acceptLoop, "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** {@code http://127.0.0.1:<port>} */
  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort();
  }

  /** Renders a complete response with {@code Content-Length}. */
  static byte[] response(int status, String reason, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return; // closed
      }
      Thread connection = new Thread(() -> serve(socket), "loopback-conn-" + connections.incrementAndGet());
      connection.setDaemon(true);
      connection.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
      OutputStream out = socket.getOutputStream();
      while (true) {
        String requestLine = readLine(in);
        if (requestLine == null) {
          return; // the client closed the connection
        }
        long contentLength = 0;
        for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
          int colon = header.indexOf(':');
          if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
            contentLength = Long.parseLong(header.substring(colon + 1).trim());
          }
        }
        in.skipNBytes(contentLength);
        String[] parts = requestLine.split(" ", 3);
        out.write(handler.respond(parts[0], parts.length > 1 ? parts[1] : "/"));
        out.flush();
      }
    } catch (SocketException | java.io.EOFException closedMeanwhile) {
      // The client went away (or the server is closing): nothing to answer.
    } catch (IOException e) {
      if (!closed) {
        e.printStackTrace();
      }
    }
  }

  /** One CRLF-terminated ASCII line without its terminator, or null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
          line.setLength(last);
        }
        return line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    serverSocket.close();
  }
}
