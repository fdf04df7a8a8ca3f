package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.RequestOptions;
import ai.heymilo.sdk.errors.ApiException;
import ai.heymilo.sdk.errors.WaitTimeoutException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer Observations of the client's calls and waits — the only class of the SDK that names a Micrometer type,
 * loaded only when the client is given an {@code ObservationRegistry}.
 *
 * <p>{@value #CALL} covers one call through all its attempts (retries and rate-limit pauses included). Its context
 * is a {@link RequestReplySenderContext} whose carrier is the request being built, so a tracing bridge adds its
 * propagation headers to the request before it is sent. {@value #WAIT} covers one {@code await…} from the first
 * poll to the end; each poll's call observation is its child.
 *
 * <p>Low-cardinality keys hold only what the spec and the HTTP exchange bound: the operation id, the route template,
 * the method, the status class, the outcome, the retry count, the exception's class name and a wait's final status.
 * Ids, URLs, query values and bodies never appear in a key; the request id (high cardinality) goes to traces only.
 */
final class MicrometerObservations implements Observations {
  static final String CALL = "heymilo.api.call";
  static final String WAIT = "heymilo.api.wait";
  /** The value of keys that do not apply, such as the status class of a call that got no answer. */
  private static final String NONE_VALUE = "NONE";

  private final ObservationRegistry registry;

  private MicrometerObservations(ObservationRegistry registry) {
    this.registry = registry;
  }

  /** Typed as {@code Object} so that callers name no Micrometer type; it is an {@code ObservationRegistry}. */
  static Observations create(Object registry) {
    return new MicrometerObservations((ObservationRegistry) registry);
  }

  @Override
  public Call call(Operation<?> operation) {
    return new CallObservation(operation);
  }

  @Override
  public Wait startWait(Operation<?> operation) {
    return new WaitObservation(operation);
  }

  private final class CallObservation implements Call {
    private final RequestReplySenderContext<Request.Builder, RawResponse<?>> context =
        new RequestReplySenderContext<>((carrier, name, value) -> {
          if (carrier != null) {
            carrier.header(name, value);
          }
        });
    private final Observation observation;

    CallObservation(Operation<?> operation) {
      context.setRemoteServiceName("heymilo");
      int space = operation.route.indexOf(' ');
      observation = Observation.createNotStarted(CALL, () -> context, registry)
          .contextualName(operation.id)
          .lowCardinalityKeyValue("heymilo.operation", operation.id)
          .lowCardinalityKeyValue("heymilo.route", operation.route.substring(space + 1))
          .lowCardinalityKeyValue("http.request.method", operation.route.substring(0, Math.max(space, 0)));
    }

    @Override
    public void start(Request.Builder request) {
      context.setCarrier(request);
      observation.start();
    }

    @Override
    public <R extends RawResponse<?>> R observe(Supplier<R> call, IntSupplier retries) {
      R value = null;
      Throwable failure = null;
      try (Observation.Scope scope = observation.openScope()) {
        value = call.get();
        return value;
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      } finally {
        stop(value, failure, retries.getAsInt());
      }
    }

    @Override
    public <R extends RawResponse<?>> CompletableFuture<R> observeAsync(CompletableFuture<R> call, IntSupplier retries) {
      return Futures.afterCompletion(call, (value, failure) -> stop(value, failure, retries.getAsInt()));
    }

    private void stop(@Nullable RawResponse<?> value, @Nullable Throwable failure, int retries) {
      ApiException apiFailure = failure instanceof ApiException ? (ApiException) failure : null;
      int status = value != null ? value.statusCode() : apiFailure != null ? apiFailure.statusCode() : 0;
      String requestId = value != null ? value.requestId() : apiFailure != null ? apiFailure.requestId() : null;
      context.setResponse(value);
      observation.lowCardinalityKeyValue("http.response.status_class", status == 0 ? NONE_VALUE : (status / 100) + "xx")
          .lowCardinalityKeyValue("outcome", outcome(status))
          .lowCardinalityKeyValue("heymilo.retries", Integer.toString(retries))
          .lowCardinalityKeyValue("exception", failure == null ? NONE_VALUE : failure.getClass().getSimpleName());
      if (requestId != null) {
        observation.highCardinalityKeyValue("heymilo.request_id", requestId);
      }
      if (failure != null && !(failure instanceof CancellationException)) {
        observation.error(failure);
      }
      observation.stop();
    }
  }

  private final class WaitObservation implements Wait {
    private final Observation observation;

    WaitObservation(Operation<?> operation) {
      observation = Observation.createNotStarted(WAIT, registry)
          .contextualName("await " + operation.id)
          .lowCardinalityKeyValue("heymilo.operation", operation.id)
          .start();
    }

    @Override
    public <T> Function<RequestOptions, T> aroundPoll(Function<RequestOptions, T> poll) {
      return options -> {
        try (Observation.Scope scope = observation.openScope()) {
          return poll.apply(options);
        }
      };
    }

    @Override
    public <T> T observe(Supplier<T> wait, Function<T, @Nullable String> statusOf, IntSupplier polls) {
      T value = null;
      Throwable failure = null;
      try {
        value = wait.get();
        return value;
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      } finally {
        stop(value, failure, statusOf, polls.getAsInt());
      }
    }

    @Override
    public <T> CompletableFuture<T> observeAsync(CompletableFuture<T> wait, Function<T, @Nullable String> statusOf,
        IntSupplier polls) {
      return Futures.afterCompletion(wait, (value, failure) -> stop(value, failure, statusOf, polls.getAsInt()));
    }

    private <T> void stop(@Nullable T value, @Nullable Throwable failure, Function<T, @Nullable String> statusOf, int polls) {
      String outcome;
      String status = null;
      if (failure == null) {
        outcome = "SUCCESS";
        status = value == null ? null : statusOf.apply(value);
      } else if (failure instanceof WaitTimeoutException) {
        outcome = "TIMEOUT";
        status = ((WaitTimeoutException) failure).lastStatus();
      } else if (failure instanceof CancellationException || failure.getCause() instanceof InterruptedException) {
        outcome = "CANCELLED";
      } else {
        outcome = "FAILURE";
      }
      observation.lowCardinalityKeyValue("outcome", outcome)
          .lowCardinalityKeyValue("heymilo.status", status == null ? NONE_VALUE : status)
          .highCardinalityKeyValue("heymilo.polls", Integer.toString(polls));
      if (failure != null && !outcome.equals("CANCELLED")) {
        observation.error(failure);
      }
      observation.stop();
    }
  }

  /** The outcome of a status, named as Micrometer's HTTP instrumentations name it. */
  private static String outcome(int status) {
    if (status >= 200 && status < 300) {
      return "SUCCESS";
    }
    if (status >= 300 && status < 400) {
      return "REDIRECTION";
    }
    if (status >= 400 && status < 500) {
      return "CLIENT_ERROR";
    }
    return status >= 500 && status < 600 ? "SERVER_ERROR" : "UNKNOWN";
  }
}
