package ai.heymilo.sdk;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one poll of a wait saw, as reported to a {@link WaitListener}. Immutable.
 *
 * <p>Exactly one of {@link #status()} and {@link #error()} describes the poll: a successful poll
 * has a status (possibly null if the server sent none), a failed poll has an error and no status.
 */
public final class WaitProgress {
  private final int attempt;
  private final @Nullable String status;
  private final @Nullable Throwable error;
  private final Duration elapsed;
  private final @Nullable Duration nextDelay;

  private WaitProgress(int attempt, @Nullable String status, @Nullable Throwable error, Duration elapsed,
      @Nullable Duration nextDelay) {
    this.attempt = attempt;
    this.status = status;
    this.error = error;
    this.elapsed = elapsed;
    this.nextDelay = nextDelay;
  }

  /**
   * Creates a progress report; the SDK does this, tests may too.
   *
   * @param attempt the 1-based number of the poll
   * @param status the status the poll returned, or null if it failed or the server sent none
   * @param error the failure of the poll, or null if it succeeded
   * @param elapsed the time since the wait started
   * @param nextDelay the delay before the next poll, or null if the wait ends with this poll
   * @throws IllegalArgumentException if {@code attempt} is below 1, a duration is negative, or both
   *     a status and an error are given
   */
  public static WaitProgress of(int attempt, @Nullable String status, @Nullable Throwable error, Duration elapsed,
      @Nullable Duration nextDelay) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be 1 or more but was " + attempt);
    }
    if (status != null && error != null) {
      throw new IllegalArgumentException("a poll has either a status or an error, not both; got status '" + status
          + "' and error " + error);
    }
    Objects.requireNonNull(elapsed, "elapsed == null");
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must not be negative but was " + elapsed);
    }
    if (nextDelay != null && nextDelay.isNegative()) {
      throw new IllegalArgumentException("nextDelay must not be negative but was " + nextDelay);
    }
    return new WaitProgress(attempt, status, error, elapsed, nextDelay);
  }

  /** Returns the number of this poll, starting at 1. */
  public int attempt() {
    return attempt;
  }

  /** Returns the status this poll saw, or null if the poll failed (see {@link #error()}) or the server sent none. */
  public @Nullable String status() {
    return status;
  }

  /** Returns why this poll failed, or null if it succeeded. */
  public @Nullable Throwable error() {
    return error;
  }

  /** Returns the time from the start of the wait to the end of this poll. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Returns how long the wait sleeps before the next poll, or null if the wait ends with this poll. */
  public @Nullable Duration nextDelay() {
    return nextDelay;
  }

  /**
   * Returns true if the wait ends with this poll — the status was final, the error ends the wait,
   * or the time ran out — that is, if {@link #nextDelay()} is null.
   */
  public boolean done() {
    return nextDelay == null;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof WaitProgress)) {
      return false;
    }
    WaitProgress that = (WaitProgress) other;
    return attempt == that.attempt && Objects.equals(status, that.status) && Objects.equals(error, that.error)
        && elapsed.equals(that.elapsed) && Objects.equals(nextDelay, that.nextDelay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attempt, status, error, elapsed, nextDelay);
  }

  @Override
  public String toString() {
    return "WaitProgress{attempt=" + attempt
        + (error == null ? ", status=" + status : ", error=" + error)
        + ", elapsed=" + elapsed
        + (nextDelay == null ? ", done" : ", nextDelay=" + nextDelay)
        + "}";
  }
}
