package ai.heymilo.sdk.errors;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A wait ({@code awaitData}, {@code awaitPushStatus}) reached its timeout while the resource was
 * still pending. Nothing is cancelled on the server; wait again or check later.
 */
public final class WaitTimeoutException extends HeyMiloException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String lastStatus;
  private final int attempts;
  private final Duration elapsed;

  /**
   * Creates the exception.
   *
   * @param lastStatus the status seen on the last successful poll, or null if no poll succeeded
   * @param attempts how many polls were made
   * @param elapsed how long the wait took
   * @param cause the error of the last poll, if it failed
   */
  public WaitTimeoutException(String message, @Nullable String lastStatus, int attempts, Duration elapsed, @Nullable Throwable cause) {
    super(message, cause);
    this.lastStatus = lastStatus;
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  /** Returns the status seen on the last successful poll, or null if none succeeded. */
  public @Nullable String lastStatus() {
    return lastStatus;
  }

  /** Returns how many polls were made. */
  public int attempts() {
    return attempts;
  }

  /** Returns how long the wait took. */
  public Duration elapsed() {
    return elapsed;
  }
}
