package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ApiException;
import ai.heymilo.sdk.errors.ClientClosedException;
import ai.heymilo.sdk.errors.HeyMiloException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a failed attempt is tried again, and after how long.
 *
 * <p>Retried: connection failures, 408, 429 and 5xx — but a request that may have reached the
 * server is repeated only if it is idempotent (GET, DELETE, and operations the resource marks as a
 * replace). Two failures are safe to repeat for any request: a 429 (the server refused it without
 * processing it) and a connection that was never established. Delays grow exponentially with
 * jitter; a {@code Retry-After} from the server is honoured up to {@code maxRetryAfter}, and a
 * longer one ends the retries at once rather than blocking the caller for minutes.
 */
final class RetryPolicy {
  private static final Duration INITIAL_DELAY = Duration.ofMillis(500);
  private static final Duration MAX_DELAY = Duration.ofSeconds(8);

  private final Duration maxRetryAfter;
  private final DoubleSupplier random;
  private final Clock clock;

  RetryPolicy(Duration maxRetryAfter, DoubleSupplier random, Clock clock) {
    this.maxRetryAfter = maxRetryAfter;
    this.random = random;
    this.clock = clock;
  }

  /**
   * Returns the delay before the next attempt, or null if {@code failure} should be thrown now.
   *
   * @param attempt the attempt that just failed, 1-based
   * @param maxRetries how many retries the call allows
   */
  @Nullable Duration delayBeforeRetry(HeyMiloException failure, int attempt, int maxRetries, boolean idempotent) {
    if (attempt > maxRetries || !isRetryable(failure, idempotent)) {
      return null;
    }
    Duration retryAfter = RetryAfter.requestedBy(failure, clock);
    if (retryAfter != null) {
      // Past the cap, sleeping would stall the caller longer than they allowed: give up instead.
      return retryAfter.compareTo(maxRetryAfter) <= 0 ? retryAfter : null;
    }
    return backoff(attempt);
  }

  private static boolean isRetryable(HeyMiloException failure, boolean idempotent) {
    if (!isTransient(failure)) {
      return false; // Invalid responses, refused requests and client errors would fail the same way again.
    }
    if (idempotent) {
      return true;
    }
    Throwable cause = failure.getCause();
    boolean neverSent = cause instanceof ConnectException || cause instanceof UnknownHostException;
    boolean refusedUnprocessed = failure instanceof ApiException && ((ApiException) failure).statusCode() == 429;
    return neverSent || refusedUnprocessed;
  }

  /**
   * Failures that may pass if tried again later: no connection or no response (including
   * timeouts), 408, 429 and 5xx. Waits poll through the same ones.
   */
  static boolean isTransient(Throwable failure) {
    if (failure instanceof ClientClosedException) {
      return false; // closing is final: neither a retry nor another poll may follow
    }
    if (failure instanceof ApiConnectionException) {
      return true;
    }
    if (failure instanceof ApiException) {
      int status = ((ApiException) failure).statusCode();
      return status == 408 || status == 429 || (status >= 500 && status < 600);
    }
    return false;
  }

  /** 0.5 s, 1 s, 2 s, … capped at 8 s, each shortened by up to 25 % so that clients spread out. */
  Duration backoff(int attempt) {
    double base = Math.min(INITIAL_DELAY.toMillis() * Math.pow(2, attempt - 1), MAX_DELAY.toMillis());
    return Duration.ofMillis((long) (base * (1 - 0.25 * random.getAsDouble())));
  }
}
