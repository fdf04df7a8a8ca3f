package ai.heymilo.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * The client was closed, so the call, wait or page fetch did not run or was stopped. Thrown at once by every call on a
 * closed client ("The client was closed; GET /api/v2/interviews/iv_1/data was not started"), and by every call, wait
 * and future that was in flight when {@code close()} ran ("… was in flight; it was stopped").
 *
 * <p>A kind of {@link ApiConnectionException} (there is no connection to use any more), but never retried and never
 * polled through by a wait: closing is final.
 */
public final class ClientClosedException extends ApiConnectionException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and, if the stop interrupted an exchange, the failure it caused. */
  public ClientClosedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
