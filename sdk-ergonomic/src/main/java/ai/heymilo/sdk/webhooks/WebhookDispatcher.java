package ai.heymilo.sdk.webhooks;

import ai.heymilo.sdk.HeyMiloClient;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Delivers each webhook event once to the listeners subscribed to its type, to its interview, or to every event.
 *
 * <pre>{@code
 * WebhookDispatcher dispatcher = WebhookDispatcher.create();
 * dispatcher.on(WebhookEventType.REPORT_AVAILABLE, event -> fetchReport(event.interviewId()));
 * dispatcher.onAny(event -> audit.save(event.deliveryKey(), event.rawJson()));
 * try (WebhookDispatcher.Subscription one = dispatcher.onInterview("iv_1", event -> …)) {
 *   …                                       // closing the subscription stops its deliveries
 * }
 * WebhookHandler handler = WebhookHandler.builder().dispatcher(dispatcher).build();
 * }</pre>
 *
 * <p><b>Once.</b> HeyMilo may deliver an event more than once; {@link #dispatch} passes it on only the first time
 * its {@link WebhookEvent#deliveryKey()} is seen by the {@link Builder#deduplicator deduplicator} and answers false
 * for a repeat (the receiver still acknowledges it, so the sender stops retrying).
 *
 * <p><b>Order.</b> For one event, the listeners of its type run first, then those of its interview, then those of
 * every event, each group in subscription order, all on one thread: the caller's, or the
 * {@link Builder#executor executor}'s. Subscriptions are looked up when the event is dispatched.
 *
 * <p><b>Failures.</b> A listener that throws does not stop the others and does not fail the delivery: the event
 * was received and is not redelivered, so a listener whose work can fail transiently should queue it. The exception
 * goes to the {@link Builder#onListenerError error handler}, which by default logs it at {@code ERROR} through
 * {@link System.Logger} {@code ai.heymilo.sdk.webhooks} with the event's type, ids and delivery key.
 *
 * <p>Thread-safe: subscribe, unsubscribe and dispatch from any thread at any time.
 */
public final class WebhookDispatcher {
  static final String LOGGER_NAME = "ai.heymilo.sdk.webhooks";
  private static final System.Logger LOGGER = System.getLogger(LOGGER_NAME);

  private final WebhookDeduplicator deduplicator;
  private final @Nullable Executor executor;
  private final BiConsumer<WebhookEvent, Exception> errorHandler;
  private final ConcurrentHashMap<WebhookEventType, CopyOnWriteArrayList<Registration>> byType = new ConcurrentHashMap<>();
  // Entries are removed when their last subscription closes, so one-off subscriptions per interview do not pile up.
  private final ConcurrentHashMap<String, CopyOnWriteArrayList<Registration>> byInterview = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Registration> all = new CopyOnWriteArrayList<>();

  private WebhookDispatcher(Builder builder) {
    this.deduplicator = builder.deduplicator;
    this.executor = builder.executor;
    this.errorHandler = builder.errorHandler;
  }

  /** Returns a dispatcher with the defaults: in-memory de-duplication, listeners on the caller's thread. */
  public static WebhookDispatcher create() {
    return builder().build();
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Subscribes {@code listener} to events of {@code type}; for a type this SDK does not know, subscribe to
   * {@code WebhookEventType.fromValue("its_name")}.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public Subscription on(WebhookEventType type, WebhookListener listener) {
    return subscribe(byType, required("type", type), listener);
  }

  /**
   * Subscribes {@code listener} to every event about interview {@code interviewId}, whatever its type.
   *
   * @throws IllegalArgumentException if an argument is null or {@code interviewId} is blank
   */
  public Subscription onInterview(String interviewId, WebhookListener listener) {
    if (interviewId != null && interviewId.trim().isEmpty()) {
      throw new IllegalArgumentException("interviewId must not be blank; pass the interview's id, such as \"iv_1\"");
    }
    return subscribe(byInterview, required("interviewId", interviewId), listener);
  }

  /**
   * Subscribes {@code listener} to every event, including types this SDK does not know.
   *
   * @throws IllegalArgumentException if {@code listener} is null
   */
  public Subscription onAny(WebhookListener listener) {
    Registration registration = new Registration(required("listener", listener));
    all.add(registration);
    return registration.onClose(() -> all.remove(registration));
  }

  /**
   * Lets this dispatcher's events finish {@code client}'s pending interview waits until the returned subscription is
   * closed: a {@code report_available} (or {@code interview_completed}) event makes each {@code awaitData} of that
   * interview poll at once, and the waits meanwhile poll only as a fallback. See
   * {@link HeyMiloClient#completeWaitsFrom(WebhookDispatcher)}, which this calls.
   *
   * <pre>{@code
   * try (WebhookDispatcher.Subscription wired = dispatcher.completeWaitsOf(client)) {
   *   client.interviews().awaitDataAsync(interviewId).thenAccept(this::publish);
   * }
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code client} is null
   */
  public Subscription completeWaitsOf(HeyMiloClient client) {
    return required("client", client).completeWaitsFrom(this);
  }

  /**
   * Hands {@code event} to its listeners unless it is a repeated delivery.
   *
   * @return true if the event was passed on (or queued on the executor), false if its delivery key was seen before
   * @throws IllegalArgumentException if {@code event} is null
   */
  public boolean dispatch(WebhookEvent event) {
    required("event", event);
    if (!deduplicator.firstDelivery(event.deliveryKey())) {
      LOGGER.log(Level.DEBUG, () -> "Repeated delivery of " + event + " ignored");
      return false;
    }
    List<Registration> targets = new ArrayList<>(all.size() + 2);
    addAll(targets, byType.get(event.type()));
    String interviewId = event.interviewId();
    if (interviewId != null) {
      addAll(targets, byInterview.get(interviewId));
    }
    targets.addAll(all);
    if (targets.isEmpty()) {
      LOGGER.log(Level.DEBUG, () -> "No listener for " + event);
      return true;
    }
    Runnable delivery = () -> deliver(event, targets);
    if (executor == null) {
      delivery.run();
      return true;
    }
    try {
      executor.execute(delivery);
    } catch (RejectedExecutionException full) {
      // The event is already marked as delivered; dropping it now would lose it, so run it here instead.
      LOGGER.log(Level.WARNING, "The webhook executor refused " + event + " (" + full.getMessage()
          + "); its listeners run on the receiving thread instead");
      delivery.run();
    }
    return true;
  }

  private void deliver(WebhookEvent event, List<Registration> targets) {
    for (Registration registration : targets) {
      if (registration.closed.get()) {
        continue;
      }
      try {
        registration.listener.onEvent(event);
      } catch (Exception failure) {
        reportFailure(event, failure);
      }
    }
  }

  private void reportFailure(WebhookEvent event, Exception failure) {
    try {
      errorHandler.accept(event, failure);
    } catch (RuntimeException handlerFailure) {
      handlerFailure.addSuppressed(failure);
      LOGGER.log(Level.ERROR, "The webhook listener error handler itself failed on " + event, handlerFailure);
    }
  }

  private static void logFailure(WebhookEvent event, Exception failure) {
    LOGGER.log(Level.ERROR, "A webhook listener failed on " + event + "; the other listeners still ran and the "
        + "delivery was acknowledged, so it will not be delivered again", failure);
  }

  private static <K> Subscription subscribe(ConcurrentHashMap<K, CopyOnWriteArrayList<Registration>> index, K key,
      WebhookListener listener) {
    Registration registration = new Registration(required("listener", listener));
    // compute/computeIfPresent run atomically per key, so a subscription never lands in a list being removed.
    index.compute(key, (k, list) -> {
      CopyOnWriteArrayList<Registration> registrations = list != null ? list : new CopyOnWriteArrayList<>();
      registrations.add(registration);
      return registrations;
    });
    return registration.onClose(() -> index.computeIfPresent(key, (k, list) -> {
      list.remove(registration);
      return list.isEmpty() ? null : list;
    }));
  }

  private static void addAll(List<Registration> targets, @Nullable List<Registration> registrations) {
    if (registrations != null) {
      targets.addAll(registrations);
    }
  }

  private static <T> T required(String name, @Nullable T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** Number of interviews with at least one subscription; for tests that check closed subscriptions are dropped. */
  int interviewKeys() {
    return byInterview.size();
  }

  /**
   * A listener's subscription; {@link #close()} it to stop deliveries. Closing is idempotent and takes effect for
   * events not yet handed to the listener, including one already being dispatched.
   */
  public interface Subscription extends AutoCloseable {
    /** Stops delivering events to this subscription's listener. */
    @Override
    void close();
  }

  private static final class Registration implements Subscription {
    final WebhookListener listener;
    final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable Runnable remove;

    Registration(WebhookListener listener) {
      this.listener = listener;
    }

    Registration onClose(Runnable remove) {
      this.remove = remove;
      return this;
    }

    @Override
    public void close() {
      Runnable action = remove;
      if (closed.compareAndSet(false, true) && action != null) {
        action.run();
      }
    }

    @Override
    public String toString() {
      return "Subscription{listener=" + listener + (closed.get() ? ", closed" : "") + "}";
    }
  }

  /** Configures a {@link WebhookDispatcher}; not thread-safe, build once and share the dispatcher. */
  public static final class Builder {
    private WebhookDeduplicator deduplicator = WebhookDeduplicator.inMemory();
    private @Nullable Executor executor;
    private BiConsumer<WebhookEvent, Exception> errorHandler = WebhookDispatcher::logFailure;

    private Builder() {}

    /**
     * Sets how repeated deliveries are recognised. Default: {@link WebhookDeduplicator#inMemory()} (the last
     * 10,000 keys within 24 hours); {@link WebhookDeduplicator#none()} passes every delivery on.
     *
     * @throws IllegalArgumentException if {@code deduplicator} is null
     */
    public Builder deduplicator(WebhookDeduplicator deduplicator) {
      this.deduplicator = required("deduplicator", deduplicator);
      return this;
    }

    /**
     * Runs listeners on {@code executor}, so that HeyMilo gets its answer without waiting for them. Default: none,
     * listeners run on the thread that calls {@link #dispatch} before it returns. If the executor refuses an event,
     * its listeners run on the calling thread rather than lose it (logged at WARNING). The dispatcher does not shut
     * the executor down.
     *
     * @throws IllegalArgumentException if {@code executor} is null
     */
    public Builder executor(Executor executor) {
      this.executor = required("executor", executor);
      return this;
    }

    /**
     * Sets what happens with an exception a listener throws. Default: logged at {@code ERROR} through
     * {@link System.Logger} {@code ai.heymilo.sdk.webhooks}. An exception from the handler itself is logged.
     *
     * @throws IllegalArgumentException if {@code handler} is null
     */
    public Builder onListenerError(BiConsumer<WebhookEvent, Exception> handler) {
      this.errorHandler = required("handler", handler);
      return this;
    }

    /** Returns the dispatcher. */
    public WebhookDispatcher build() {
      return new WebhookDispatcher(this);
    }
  }
}
