package ai.heymilo.sandbox;

import static com.github.tomakehurst.wiremock.common.LocalNotifier.notifier;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.wiremock.webhooks.WebhookDefinition;

/**
 * Sends the sandbox's webhook events, as HeyMilo does: a POST of the event's JSON to each registered URL, retried
 * after {@link #DEFAULT_RETRY_DELAYS} while the answer is not a 2xx (or nothing answers).
 *
 * <p>Each delivery is a WireMock {@link WebhookDefinition} sent with WireMock's own webhook HTTP client (the one its
 * {@code webhook} serve-event listener uses). The events a request caused are sent from {@link #afterComplete}, this
 * serve-event listener's hook, so they never arrive before the answer of the request that caused them. WireMock's
 * {@code webhook} listener itself fires once and reports no outcome, so it cannot retry; that is the one thing done
 * here. One thread sends, so the events of one move arrive in order. URLs are logged without their query (where a
 * shared secret usually is).
 */
final class WebhookDeliveries implements ServeEventListener {
  static final String NAME = "heymilo-webhook-deliveries";
  /** The delays before the second, third and fourth attempt. */
  static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(25));

  /** One event for one URL. */
  static final class Delivery {
    final String url;
    final String eventType;
    final String body;

    Delivery(String url, String eventType, String body) {
      this.url = url;
      this.eventType = eventType;
      this.body = body;
    }
  }

  private final List<Duration> retryDelays;
  private final ScheduledExecutorService scheduler;
  /** The events of requests still being answered, by serve event. */
  private final Map<UUID, List<Delivery>> afterResponse = new ConcurrentHashMap<>();
  /** Bumped by {@link #cancelPending()}: attempts of an older generation are dropped. */
  private final AtomicInteger generation = new AtomicInteger();
  private volatile @Nullable HttpClient http;

  WebhookDeliveries(List<Duration> retryDelays) {
    this.retryDelays = List.copyOf(retryDelays);
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "heymilo-sandbox-webhooks");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    this.scheduler = executor;
  }

  /** Called by the extension factory once the server's services exist. */
  void useHttpClient(HttpClient client) {
    this.http = client;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  /** Holds the events of the request being answered until its answer is sent. */
  void sendAfterResponse(UUID serveEventId, List<Delivery> deliveries) {
    if (!deliveries.isEmpty()) {
      afterResponse.merge(serveEventId, deliveries, (a, b) -> {
        List<Delivery> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
      });
    }
  }

  @Override
  public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
    List<Delivery> deliveries = afterResponse.remove(serveEvent.getId());
    if (deliveries != null) {
      send(deliveries);
    }
  }

  /** Sends at once (in the background): events that no request caused, such as an interview moved on by hand. */
  void send(List<Delivery> deliveries) {
    int current = generation.get();
    for (Delivery delivery : deliveries) {
      schedule(delivery, 1, Duration.ZERO, current);
    }
  }

  /** Drops every attempt not yet made (a reset). */
  void cancelPending() {
    generation.incrementAndGet();
    afterResponse.clear();
  }

  void close() {
    cancelPending();
    scheduler.shutdownNow();
  }

  private void schedule(Delivery delivery, int attempt, Duration delay, int forGeneration) {
    try {
      scheduler.schedule(() -> attempt(delivery, attempt, forGeneration), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // The sandbox is closed: nothing more is sent.
    }
  }

  private void attempt(Delivery delivery, int attempt, int forGeneration) {
    HttpClient client = http;
    if (client == null || forGeneration != generation.get()) {
      return;
    }
    String outcome;
    try {
      Response response = client.execute(request(delivery));
      if (response.getStatus() >= 200 && response.getStatus() < 300) {
        return;
      }
      outcome = "answered " + response.getStatus();
    } catch (Exception e) { // WireMock's client reports a refused connection, a timeout or a bad URL alike
      outcome = "failed (" + e.getClass().getSimpleName() + ")";
    }
    String what = "Webhook " + delivery.eventType + " to " + withoutQuery(delivery.url) + " " + outcome + " on attempt " + attempt;
    if (attempt > retryDelays.size()) {
      notifier().error(what + "; giving up after " + attempt + " attempts");
      return;
    }
    Duration delay = retryDelays.get(attempt - 1);
    notifier().info(what + "; retrying in " + delay.toMillis() + " ms");
    schedule(delivery, attempt + 1, delay, forGeneration);
  }

  private static Request request(Delivery delivery) {
    WebhookDefinition definition = new WebhookDefinition()
        .withMethod(RequestMethod.POST)
        .withUrl(delivery.url)
        .withHeader("Content-Type", "application/json")
        .withHeader("User-Agent", "HeyMilo-Sandbox-Webhooks")
        .withBody(delivery.body);
    return ImmutableRequest.create()
        .withMethod(definition.getRequestMethod())
        .withAbsoluteUrl(definition.getUrl())
        .withHeaders(definition.getHeaders())
        .withBody(definition.getBinaryBody())
        .build();
  }

  /** The URL as it may be logged: scheme, host, port and path. */
  static String withoutQuery(String url) {
    try {
      URI uri = URI.create(url);
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
    } catch (Exception notAUri) {
      return "a URL that is not valid";
    }
  }
}
