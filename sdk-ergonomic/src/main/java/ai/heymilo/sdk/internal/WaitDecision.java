package ai.heymilo.sdk.internal;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a wait does after a poll: finish with a value, fail with an exception, or poll again after
 * a delay. {@link WaitBudget} decides; the sync and async executors in {@link Waiter} only carry it out.
 *
 * @param <T> the type of the polled value
 */
final class WaitDecision<T> {
  enum Kind { FINISH, FAIL, POLL_AGAIN }

  private final Kind kind;
  private final @Nullable T value;
  private final @Nullable Throwable failure;
  private final @Nullable Duration delay;

  private WaitDecision(Kind kind, @Nullable T value, @Nullable Throwable failure, @Nullable Duration delay) {
    this.kind = kind;
    this.value = value;
    this.failure = failure;
    this.delay = delay;
  }

  static <T> WaitDecision<T> finish(T value) {
    return new WaitDecision<>(Kind.FINISH, Objects.requireNonNull(value, "value"), null, null);
  }

  static <T> WaitDecision<T> fail(Throwable failure) {
    return new WaitDecision<>(Kind.FAIL, null, Objects.requireNonNull(failure, "failure"), null);
  }

  static <T> WaitDecision<T> pollAgainAfter(Duration delay) {
    return new WaitDecision<>(Kind.POLL_AGAIN, null, null, Objects.requireNonNull(delay, "delay"));
  }

  Kind kind() {
    return kind;
  }

  /** The value to finish with; only for {@link Kind#FINISH}. */
  T value() {
    return Objects.requireNonNull(value, "not a FINISH decision");
  }

  /** The exception that ends the wait; only for {@link Kind#FAIL}. */
  Throwable failure() {
    return Objects.requireNonNull(failure, "not a FAIL decision");
  }

  /** The delay before the next poll; only for {@link Kind#POLL_AGAIN}. */
  Duration delay() {
    return Objects.requireNonNull(delay, "not a POLL_AGAIN decision");
  }

  @Override
  public String toString() {
    switch (kind) {
      case FINISH:
        return "finish with " + value;
      case FAIL:
        return "fail with " + failure;
      default:
        return "poll again after " + delay;
    }
  }
}
