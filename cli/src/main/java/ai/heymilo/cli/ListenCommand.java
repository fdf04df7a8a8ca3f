package ai.heymilo.cli;

import ai.heymilo.sdk.webhooks.WebhookDeduplicator;
import ai.heymilo.sdk.webhooks.WebhookDispatcher;
import ai.heymilo.sdk.webhooks.WebhookEvent;
import ai.heymilo.sdk.webhooks.WebhookHandler;
import ai.heymilo.sdk.webhooks.WebhookReceiver;
import ai.heymilo.sdk.webhooks.WebhookRequest;
import ai.heymilo.sdk.webhooks.WebhookVerifier;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code heymilo webhooks listen}: a local webhook endpoint (the SDK's {@link WebhookReceiver}) that prints
 * each event as it arrives and optionally forwards the delivery, body and headers unchanged, to your own
 * service — for developing a webhook handler without deploying it.
 */
@Command(name = "listen", description = "Receive webhook deliveries on this machine and print each event as it arrives; "
    + "with --forward, also pass each delivery (body and headers unchanged) on to your service. Runs until Ctrl-C.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  heymilo webhooks listen --port 8080",
        "  heymilo webhooks listen --forward http://localhost:3000/webhooks",
        "  heymilo webhooks listen --json | jq .interview_id   (one event per line)",
        "",
        "It listens on 127.0.0.1 only: expose it with a tunnel (ngrok, cloudflared,",
        "ssh -R) and register that https URL with 'heymilo webhooks create'.",
        "With --secret S, deliveries must carry ?token=S."})
final class ListenCommand implements Callable<Integer> {
  /** Headers passed on to --forward besides the body's Content-Type (the JDK server cannot list them all). */
  private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "User-Agent", "X-Request-Id", "X-HeyMilo-Event",
      "X-HeyMilo-Delivery", "X-HeyMilo-Signature", "X-Webhook-Id", "X-Webhook-Signature");

  private final Session session;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for any free one).")
  int port;

  @Option(names = "--path", paramLabel = "PATH", defaultValue = "/", description = "The one path deliveries are accepted on (default: ${DEFAULT-VALUE}).")
  String path = "/";

  @Option(names = "--forward", paramLabel = "URL", description = "Also POST each delivery to this URL; its answer is printed.")
  @Nullable String forward;

  @Option(names = "--forward-header", paramLabel = "NAME", description = "Another request header to pass on with --forward (repeatable).")
  @Nullable List<String> forwardHeaders;

  @Option(names = "--secret", paramLabel = "SECRET", description = "Refuse deliveries without ?token=SECRET (answered 401).")
  @Nullable String secret;

  @Option(names = "--count", paramLabel = "N", description = "Stop after N events (default: run until Ctrl-C).")
  @Nullable Integer count;

  @Mixin
  Flags flags = new Flags();

  ListenCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() throws Exception {
    URI forwardTo = forward == null ? null : forwardUri(forward);
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port must be between 0 and 65535, but was " + port);
    }
    if (count != null && count < 1) {
      throw new UsageException("--count must be 1 or more, but was " + count);
    }
    List<String> headers = new ArrayList<>(FORWARDED_HEADERS);
    if (forwardHeaders != null) {
      headers.addAll(forwardHeaders);
    }
    Console console = session.console;
    CountDownLatch done = new CountDownLatch(count == null ? 1 : count);
    // The handler verifies, then dispatches, on the delivery's own thread: the verifier hands that thread
    // the raw request, which the listener forwards.
    ThreadLocal<WebhookRequest> current = new ThreadLocal<>();
    WebhookVerifier check;
    WebhookReceiver.Builder receiverBuilder;
    try {
      check = secret == null ? null : WebhookVerifier.sharedSecretQueryParameter("token", secret);
      receiverBuilder = WebhookReceiver.builder().port(port).path(path);
    } catch (IllegalArgumentException badOption) {
      // The SDK's message states the rule (secret length, allowed path characters).
      throw new UsageException(badOption.getMessage());
    }
    WebhookDeduplicator seen = WebhookDeduplicator.inMemory();
    HttpClient http = forwardTo == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    WebhookDispatcher dispatcher = WebhookDispatcher.builder().deduplicator(WebhookDeduplicator.none()).build();
    dispatcher.onAny(event -> {
      boolean repeat = !seen.firstDelivery(event.deliveryKey());
      print(event, repeat);
      if (http != null) {
        forward(http, forwardTo, current.get(), headers);
      }
      if (count != null) {
        done.countDown();
      }
    });
    WebhookHandler.Builder handler = WebhookHandler.builder().dispatcher(dispatcher).verifier(request -> {
      if (check != null) {
        check.verify(request);
      }
      current.set(request);
    });
    try (WebhookReceiver receiver = receiverBuilder.handler(handler.build()).start()) {
      console.note("Listening on " + receiver.uri() + (forwardTo == null ? "" : ", forwarding to " + forwardTo)
          + (count == null ? "; Ctrl-C to stop." : "; stopping after " + count + (count == 1 ? " event." : " events.")));
      Thread stop = new Thread(() -> {
        while (done.getCount() > 0) {
          done.countDown();
        }
      }, "heymilo-listen-stop");
      Runtime.getRuntime().addShutdownHook(stop);
      try {
        done.await();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
          // Ctrl-C: the hook is what ended the wait.
        }
      }
    }
    return 0;
  }

  private synchronized void print(WebhookEvent event, boolean repeat) {
    Console console = session.console;
    if (flags.format() == Flags.Format.JSON) {
      // One event per line (NDJSON), as delivered.
      console.println(JsonParser.parseString(event.rawJson()).toString());
      return;
    }
    if (flags.format() != Flags.Format.TABLE) {
      throw new UsageException("webhooks listen prints events as text or --json lines");
    }
    // The time of day in the local zone: the session is now, and the line keeps to 80 columns with HeyMilo's ids.
    String time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(java.time.LocalTime.now(console.zone));
    String line = time + "  " + event.type().value() + "  interview " + Scorecard.orDash(event.interviewId())
        + "  posting " + Scorecard.orDash(event.postingId()) + (repeat ? "  (repeat)" : "");
    console.println(line);
  }

  private void forward(HttpClient http, URI target, @Nullable WebhookRequest request, List<String> headers) {
    if (request == null) {
      return;
    }
    HttpRequest.Builder forwarded = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    for (String name : headers) {
      String value = request.header(name);
      if (value != null && !name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
        forwarded.header(name, value);
      }
    }
    try {
      HttpResponse<Void> answer = http.send(forwarded.build(), HttpResponse.BodyHandlers.discarding());
      session.console.note("  → " + answer.statusCode() + " from " + target);
    } catch (IOException e) {
      session.console.note("  → not forwarded to " + target + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static URI forwardUri(String url) {
    try {
      URI uri = new URI(url);
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        throw new UsageException("--forward must be an http(s) URL such as http://localhost:3000/webhooks, but was '" + url + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException("--forward must be an http(s) URL such as http://localhost:3000/webhooks, but was '" + url + "'");
    }
  }
}
