package ai.heymilo.sdk;

import java.time.Duration;

/**
 * Decides when each request may be sent so that a request budget is kept: the extension point behind
 * {@link HeyMiloClient.Builder#rateLimit(RateLimit)} (one client, in process) and
 * {@link HeyMiloClient.Builder#rateLimiter(Factory)} (for example a budget shared by a whole fleet through
 * a store such as Redis).
 *
 * <p>Before every attempt of every call (retries included) the client calls {@link #reserve()}, waits the
 * reservation's {@link Reservation#delay() delay} — on the caller's thread for a synchronous call, on the
 * client's scheduler for an asynchronous one, so no thread is held — sends the request, and reports the end
 * of the exchange with {@link #finished(Reservation)}.
 *
 * <p>Implementations must be thread-safe, and {@link #reserve()} must return (or throw) within a bounded
 * time even when a shared store is unreachable: it runs on the calling thread. An exception thrown by
 * {@code reserve()} ends the call with that exception (wrapped in a
 * {@link ai.heymilo.sdk.errors.HeyMiloException} unless it is one); nothing is sent.
 */
public interface RequestLimiter {
  /**
   * Reserves the right to send one request and returns when it may be sent. Every call reserves: the
   * caller sends after the returned delay.
   */
  Reservation reserve();

  /**
   * Reports that the exchange of {@code reservation} has ended: its response arrived or it failed. A
   * limiter that counts requests from the end of their exchange uses it; the default does nothing.
   */
  default void finished(Reservation reservation) {}

  /** A reserved send slot. */
  interface Reservation {
    /** Returns how long to wait before sending; {@link Duration#ZERO} means now. */
    Duration delay();
  }

  /**
   * Creates the limiter of one client. {@code budgetKey} identifies the client's credential without
   * revealing it — {@code sha256:} and 64 hex digits of a SHA-256 hash of the API key (or bearer token) —
   * so that every client using the same key can share one budget.
   */
  @FunctionalInterface
  interface Factory {
    /** Returns the limiter for the client whose credential hashes to {@code budgetKey}. */
    RequestLimiter create(String budgetKey);
  }
}
