package ai.heymilo.sdk.webhooks;

import ai.heymilo.sdk.errors.ConfigurationException;
import ai.heymilo.sdk.errors.InvalidWebhookException;
import ai.heymilo.sdk.errors.InvalidWebhookException.Reason;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A small webhook endpoint on the JDK's own HTTP server ({@code com.sun.net.httpserver}), for services without a
 * web framework: it answers HeyMilo's deliveries and hands them to a {@link WebhookHandler}.
 *
 * <pre>{@code
 * WebhookDispatcher dispatcher = WebhookDispatcher.create();
 * dispatcher.on(WebhookEventType.REPORT_AVAILABLE, event -> fetchReport(event.interviewId()));
 * WebhookHandler handler = WebhookHandler.builder()
 *     .verifier(WebhookVerifier.sharedSecretQueryParameter("token", System.getenv("HEYMILO_WEBHOOK_SECRET")))
 *     .dispatcher(dispatcher)
 *     .build();
 * try (WebhookReceiver receiver = WebhookReceiver.builder()
 *     .handler(handler)
 *     .port(8080)
 *     .path("/heymilo/webhooks")
 *     .start()) {
 *   …                                  // serve until shutdown; close() lets deliveries in progress finish
 * }
 * }</pre>
 *
 * <p>Answers: 204 for an accepted delivery (a repeated one included, so the sender stops retrying); 404 for another
 * path; 405 (with {@code Allow: POST}) for another method; 413 for a body over the handler's limit, refused from
 * {@code Content-Length} before reading or while reading; 415, 401 and 400 as the handler refuses; 500 if a
 * verifier or deduplicator fails unexpectedly (logged at ERROR), so the sender retries; 503 while stopping. Error
 * answers are {@code text/plain} with the reason. Refusals are logged at WARNING through {@link System.Logger}
 * {@code ai.heymilo.sdk.webhooks}, naming the path but never the query string, which may carry the secret.
 *
 * <p>It speaks plain HTTP and listens on the loopback interface unless told otherwise: put it behind the TLS
 * proxy, load balancer or tunnel that gives it its public {@code https://} URL, and keep that URL secret (see
 * {@link WebhookVerifier}). Requests run on a small pool of daemon threads; the server's own thread keeps the JVM
 * alive until {@link #close()}.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final System.Logger LOGGER = System.getLogger(WebhookDispatcher.LOGGER_NAME);

  private final WebhookHandler handler;
  private final String path;
  private final Duration stopTimeout;
  private final HttpServer server;
  private final ExecutorService executor;
  private final URI uri;
  private final Object lock = new Object();
  private int active;
  private boolean stopping;
  private boolean stopped;

  private WebhookReceiver(Builder builder, WebhookHandler handler) {
    this.handler = handler;
    this.path = builder.path;
    this.stopTimeout = builder.stopTimeout;
    InetSocketAddress address = new InetSocketAddress(builder.bindAddress, builder.port);
    try {
      this.server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new ConfigurationException("The webhook receiver cannot listen on " + address.getAddress().getHostAddress()
          + ":" + builder.port + " (" + e.getMessage() + "); choose another port, or port(0) for any free one.");
    }
    this.executor = Executors.newFixedThreadPool(builder.threads, daemonThreads(server.getAddress().getPort()));
    server.setExecutor(executor);
    // The context matches by prefix; serve() answers 404 for anything but the exact path.
    server.createContext(path, this::serve);
    server.start();
    this.uri = uri(server.getAddress(), path);
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the endpoint's address as this machine sees it, such as {@code http://127.0.0.1:8080/heymilo/webhooks};
   * the URL to register is the public one in front of it, with the secret query parameter if you use one.
   */
  public URI uri() {
    return uri;
  }

  /** Returns the port listened on; useful after {@code port(0)}. */
  public int port() {
    return uri.getPort();
  }

  /**
   * Stops gracefully: new requests get 503, deliveries in progress get up to the stop timeout to finish, then the
   * server and its threads stop. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (stopping) {
        return;
      }
      stopping = true;
      long deadline = System.nanoTime() + stopTimeout.toNanos();
      try {
        for (long left = stopTimeout.toNanos(); active > 0 && left > 0; left = deadline - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
      } catch (InterruptedException e) {
        // Stop at once, and let the caller see the interrupt.
        Thread.currentThread().interrupt();
      }
      if (active > 0) {
        LOGGER.log(Level.WARNING, "The webhook receiver at " + path + " stopped with " + active
            + " deliveries still in progress after " + stopTimeout + "; their senders will retry them");
      }
      stopped = true;
    }
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) {
    try {
      if (!enter()) {
        respond(exchange, 503, "The webhook receiver is stopping; retry later.");
        return;
      }
      try {
        receive(exchange);
      } finally {
        leave();
      }
    } catch (IOException e) {
      // The sender went away mid-request; it will retry, and there is no one to answer.
      LOGGER.log(Level.DEBUG, () -> "Webhook request to " + path + " aborted: " + e);
    } finally {
      exchange.close();
    }
  }

  private void receive(HttpExchange exchange) throws IOException {
    URI requestUri = exchange.getRequestURI();
    if (!path.equals(requestUri.getRawPath())) {
      LOGGER.log(Level.DEBUG, () -> "Webhook receiver: no endpoint at " + requestUri.getRawPath());
      respond(exchange, 404, "No webhook endpoint here.");
      return;
    }
    try {
      byte[] body = readBody(exchange);
      WebhookEvent event = handler.handle(WebhookRequest.of(body, exchange.getRequestHeaders()::getFirst)
          .withQuery(requestUri.getRawQuery()));
      LOGGER.log(Level.DEBUG, () -> "Webhook received: " + event);
      respond(exchange, 204, "");
    } catch (InvalidWebhookException refused) {
      LOGGER.log(Level.WARNING, () -> "Webhook delivery to " + path + " refused (" + refused.httpStatus() + " "
          + refused.reason() + "): " + refused.getMessage());
      respond(exchange, refused.httpStatus(), refused.getMessage());
    } catch (RuntimeException failure) {
      LOGGER.log(Level.ERROR, "Webhook delivery to " + path + " failed; answered 500 so that the sender retries it",
          failure);
      respond(exchange, 500, "The webhook could not be processed; retry later.");
    }
  }

  /** Reads the body, refusing one over the limit without holding more than the limit plus one byte. */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!"POST".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "POST");
      throw new InvalidWebhookException(Reason.METHOD_NOT_ALLOWED, "The webhook endpoint accepts POST, not " + method
          + "; register the webhook with POST, HeyMilo's default.");
    }
    int limit = handler.maxBodyBytes();
    long declared = contentLength(exchange.getRequestHeaders().getFirst("Content-Length"));
    if (declared > limit) {
      // Not reading a body we refuse; closing the connection spares draining it.
      exchange.getResponseHeaders().set("Connection", "close");
      throw handler.tooLarge(declared + " bytes (Content-Length)");
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        exchange.getResponseHeaders().set("Connection", "close");
        throw handler.tooLarge("more than " + limit + " bytes");
      }
      return body;
    }
  }

  private static long contentLength(@Nullable String header) {
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException notANumber) {
      // The JDK server has already refused a malformed Content-Length; read the body as it comes.
      return -1;
    }
  }

  private static void respond(HttpExchange exchange, int status, String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    }
    // -1 tells the JDK server there is no body at all, which 204 requires.
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private boolean enter() {
    synchronized (lock) {
      if (stopping) {
        return false;
      }
      active++;
      return true;
    }
  }

  private void leave() {
    synchronized (lock) {
      active--;
      if (active == 0) {
        lock.notifyAll();
      }
    }
  }

  private static ThreadFactory daemonThreads(int port) {
    AtomicInteger thread = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "heymilo-webhooks-" + port + "-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static URI uri(InetSocketAddress address, String path) {
    try {
      return new URI("http", null, address.getAddress().getHostAddress(), address.getPort(), path, null, null);
    } catch (URISyntaxException impossible) {
      // The path was checked in the builder and the host is an IP literal.
      throw new AssertionError(impossible);
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "WebhookReceiver{" + uri + (stopped ? ", stopped" : stopping ? ", stopping" : "") + "}";
    }
  }

  /** Configures a {@link WebhookReceiver}; not thread-safe. */
  public static final class Builder {
    private @Nullable WebhookHandler handler;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port;
    private String path = "/";
    private int threads = 4;
    private Duration stopTimeout = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * Sets the handler that checks, parses and dispatches deliveries. Required.
     *
     * @throws IllegalArgumentException if {@code handler} is null
     */
    public Builder handler(WebhookHandler handler) {
      if (handler == null) {
        throw new IllegalArgumentException("handler must not be null; build one with WebhookHandler.builder()");
      }
      this.handler = handler;
      return this;
    }

    /**
     * Sets the interface to listen on. Default: the loopback interface, reachable only from this machine (through
     * a local TLS proxy or tunnel); {@code InetAddress.getByName("0.0.0.0")} listens on all.
     *
     * @throws IllegalArgumentException if {@code address} is null
     */
    public Builder bindAddress(InetAddress address) {
      if (address == null) {
        throw new IllegalArgumentException("bindAddress must not be null; use InetAddress.getLoopbackAddress()");
      }
      this.bindAddress = address;
      return this;
    }

    /**
     * Sets the port to listen on. Default: 0, any free port ({@link WebhookReceiver#port()} tells which).
     *
     * @throws IllegalArgumentException if {@code port} is not between 0 and 65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535 (0 for any free port), but was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the one path deliveries are accepted on, such as {@code /heymilo/webhooks}; any other gets 404. A long
     * random segment makes the URL unguessable. Default: {@code /}.
     *
     * @throws IllegalArgumentException if {@code path} does not start with {@code /} or has a query, a fragment,
     *     spaces or characters that need escaping
     */
    public Builder path(String path) {
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/', such as \"/heymilo/webhooks\", but was "
            + (path == null ? "null" : "\"" + path + "\""));
      }
      for (int i = 0; i < path.length(); i++) {
        char c = path.charAt(i);
        boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0;
        if (!allowed) {
          throw new IllegalArgumentException("path may hold only letters, digits and / - . _ ~ (put a secret in the "
              + "query with WebhookVerifier.sharedSecretQueryParameter), but has '" + c + "' at position " + i);
        }
      }
      this.path = path;
      return this;
    }

    /**
     * Sets how many deliveries are handled at once. Default: 4.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets how long {@link WebhookReceiver#close()} waits for deliveries in progress. Default: 5 seconds.
     *
     * @throws IllegalArgumentException if {@code timeout} is null or negative
     */
    public Builder stopTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative()) {
        throw new IllegalArgumentException("stopTimeout must be zero or positive, but was " + timeout);
      }
      this.stopTimeout = timeout;
      return this;
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws ConfigurationException if no handler was set, or the port cannot be bound (naming the address and why)
     */
    public WebhookReceiver start() {
      if (handler == null) {
        throw new ConfigurationException("handler is required but was not set; call handler(WebhookHandler.builder()"
            + "...build())");
      }
      return new WebhookReceiver(this, handler);
    }
  }
}
