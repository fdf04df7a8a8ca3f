package ai.heymilo.sdk.internal;

import ai.heymilo.model.JsonDecodingException;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.RequestLimiter;
import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ApiTimeoutException;
import ai.heymilo.sdk.errors.HeyMiloException;
import ai.heymilo.sdk.errors.InvalidResponseException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;

/**
 * One call through all its attempts: the request, the attempt count and the deadline, and every decision about
 * them — what an answer means (a value, a typed failure, or another attempt after a delay), whether a rate-limit
 * slot fits the deadline, how long the next attempt may take. {@link Transport}'s two drivers only carry the
 * decisions out, so blocking and asynchronous calls behave the same by construction.
 *
 * <p>Used by one attempt at a time (the drivers never overlap attempts), so it needs no locking.
 *
 * @param <B> the decoded body
 */
final class Exchange<B> {
  private static final Pattern JSON_PATH = Pattern.compile("path (\\$[^\\s,;]*)");

  final Operation<B> operation;
  final Request request;
  private final Converter<ResponseBody, ?> converter;
  private final RetryPolicy retryPolicy;
  private final ErrorMapper errorMapper;
  private final Clock clock;
  private final int maxRetries;
  /** Epoch millis by the exchange's clock after which nothing more is attempted; {@code Long.MAX_VALUE}: none. */
  private final long deadline;
  private final long defaultAttemptTimeoutMillis;
  private final Redactor redactor;
  /** {@link #describe()}: built once, since the lifecycle and every message of every attempt use it. */
  private final String description;
  private int attempt;

  Exchange(Operation<B> operation, Request request, Converter<ResponseBody, ?> converter, RetryPolicy retryPolicy,
      ErrorMapper errorMapper, Clock clock, int maxRetries, @Nullable Duration timeout, long defaultAttemptTimeoutMillis,
      Redactor redactor) {
    this.operation = operation;
    this.request = request;
    this.converter = converter;
    this.retryPolicy = retryPolicy;
    this.errorMapper = errorMapper;
    this.clock = clock;
    this.maxRetries = maxRetries;
    this.deadline = timeout == null ? Millis.NEVER : Millis.deadline(clock.millis(), timeout);
    this.defaultAttemptTimeoutMillis = defaultAttemptTimeoutMillis;
    this.redactor = redactor;
    this.description = request.method() + " " + redactor.redact(request.url().encodedPath());
  }

  /** What to do next. */
  static final class Step<B> {
    final @Nullable RawResponse<B> value;
    final @Nullable HeyMiloException failure;
    final @Nullable Duration retryAfter;

    private Step(@Nullable RawResponse<B> value, @Nullable HeyMiloException failure, @Nullable Duration retryAfter) {
      this.value = value;
      this.failure = failure;
      this.retryAfter = retryAfter;
    }
  }

  /** How many attempts were sent again after the first. */
  int retries() {
    return Math.max(0, attempt - 1);
  }

  /** Starts the next attempt; returns its time limit for OkHttp: the client's, shortened to the deadline. */
  long beginAttempt() {
    attempt++;
    long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, deadline - clock.millis());
    return Math.min(defaultAttemptTimeoutMillis <= 0 ? Long.MAX_VALUE : defaultAttemptTimeoutMillis, remaining);
  }

  /**
   * Returns how long to wait for the rate limiter's slot before sending.
   *
   * @throws ApiTimeoutException if the slot comes after the deadline
   */
  Duration paceDelay(RequestLimiter.Reservation slot) {
    Duration delay = slot.delay();
    if (delay.isNegative() || delay.isZero()) {
      return Duration.ZERO;
    }
    if (Millis.add(clock.millis(), Millis.of(delay)) >= deadline) {
      throw new ApiTimeoutException("Timed out before " + describe() + ": the rate limiter's next slot is in "
          + HumanDuration.format(delay) + ", after the call's deadline", null);
    }
    return delay;
  }

  /** Decides after the server answered. Closes the body, except a binary body handed to the caller. */
  Step<B> afterResponse(Response response) {
    if (!response.isSuccessful()) {
      return retryOrFail(errorMapper.toException(response.code(), response.headers(), response.body()));
    }
    ResponseBody body = response.body();
    if (operation.kind == Operation.Kind.BINARY && body != null) {
      @SuppressWarnings("unchecked")
      B raw = (B) body;
      return done(response, raw);
    }
    if (body == null) {
      return fail(new InvalidResponseException("The " + response.code() + " response to " + describe() + " has no body",
          response.code(), "$", null));
    }
    ReadTracking tracked = new ReadTracking(body);
    try (ReadTracking closing = tracked) {
      @SuppressWarnings("unchecked")
      B value = (B) converter.convert(closing);
      if (value == null) {
        return fail(new InvalidResponseException("The " + response.code() + " response to " + describe() + " has no body",
            response.code(), "$", null));
      }
      return done(response, value);
    } catch (IOException | RuntimeException e) {
      if (tracked.readFailure != null) {
        // The network failed while the body was read: a connection problem, not a bad body.
        return retryOrFail(Transport.connectionFailure("while reading the response to " + describe(), tracked.readFailure,
            redactor));
      }
      return fail(invalidResponse(response.code(), e));
    }
  }

  /** Decides after the exchange failed without an answer (or the answer could not be read). */
  Step<B> afterFailure(IOException e) {
    if (e instanceof CredentialInterceptor.RefusedRedirect) {
      // The same redirect would come again: nothing to retry.
      return fail(new ApiConnectionException("Stopped " + describe() + ": " + e.getMessage(), null));
    }
    return retryOrFail(Transport.connectionFailure("during " + describe(), e, redactor));
  }

  /** Ends the exchange with {@code failure}. */
  Step<B> fail(HeyMiloException failure) {
    return new Step<>(null, failure, null);
  }

  private Step<B> done(Response response, B value) {
    return new Step<>(RawResponse.of(response.code(), HeaderMaps.view(redactor.redact(response.headers())), value), null, null);
  }

  /**
   * Another attempt after the policy's delay — unless the policy says no, or the delay would end after the deadline:
   * then the failure stands, since the next attempt could not finish in time anyway.
   */
  private Step<B> retryOrFail(HeyMiloException failure) {
    Duration delay = retryPolicy.delayBeforeRetry(failure, attempt, maxRetries, operation.idempotent);
    if (delay == null || Millis.add(clock.millis(), Millis.of(delay)) >= deadline) {
      return fail(failure);
    }
    return new Step<>(null, null, delay);
  }

  private InvalidResponseException invalidResponse(int status, Throwable e) {
    String detail = redactor.redact(String.valueOf(e.getMessage()));
    String jsonPath;
    if (e instanceof JsonDecodingException) {
      jsonPath = ((JsonDecodingException) e).path();
    } else {
      // The JSON library's own failures (such as content after the body) say where in their message.
      Matcher path = JSON_PATH.matcher(detail);
      jsonPath = path.find() ? path.group(1) : null;
    }
    return new InvalidResponseException("Could not decode the " + status + " response to " + describe()
        + (jsonPath == null ? "" : " at " + jsonPath) + ": " + detail, status, jsonPath,
        redactor.reveals(String.valueOf(e.getMessage())) ? null : e);
  }

  /** {@code GET /api/v2/interviews/iv_1/data} — method and path only: no host, no query values. */
  String describe() {
    return description;
  }

  /**
   * A body that remembers an {@link IOException} thrown while reading it, so a broken connection is told apart from
   * JSON that does not decode (both reach the converter as exceptions).
   */
  private static final class ReadTracking extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;
    @Nullable IOException readFailure;

    ReadTracking(ResponseBody delegate) {
      this.delegate = delegate;
      this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          try {
            return super.read(sink, byteCount);
          } catch (IOException e) {
            readFailure = e;
            throw e;
          }
        }
      });
    }

    @Override
    public @Nullable MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
