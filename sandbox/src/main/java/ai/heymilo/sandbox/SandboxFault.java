package ai.heymilo.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the sandbox injects into one operation, for resilience tests: a delay, a connection reset, or a 429
 * rate-limit answer; by default on every request of the operation, or only on the next {@link #times(int) n}.
 * Immutable; build one with the factory methods and pass it to {@link HeyMiloSandbox#inject}.
 *
 * <pre>{@code
 * sandbox.inject("getInterviewData", SandboxFault.delay(Duration.ofSeconds(2)));   // every poll takes 2 s
 * sandbox.inject("createPosting", SandboxFault.connectionReset().times(1));         // the next create fails once
 * sandbox.inject("listPostings", SandboxFault.rateLimited().times(5));              // a 429 storm: five 429s, then normal
 * sandbox.clearFaults();                                                             // reset() clears them too
 * }</pre>
 */
public final class SandboxFault {
  /** What a fault does. */
  enum Kind { DELAY, CONNECTION_RESET, RATE_LIMITED }

  private final Kind kind;
  private final Duration duration;
  private final int times;

  private SandboxFault(Kind kind, Duration duration, int times) {
    this.kind = kind;
    this.duration = duration;
    this.times = times;
  }

  /**
   * Answers as usual, but only after {@code delay}: for timeouts and slow-server handling.
   *
   * @throws IllegalArgumentException if {@code delay} is negative or longer than 10 minutes
   */
  public static SandboxFault delay(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("delay must be between 0 and 10 minutes, but was " + delay);
    }
    return new SandboxFault(Kind.DELAY, delay, 0);
  }

  /** Closes the connection without an answer (TCP reset): what a client sees as a connection failure. */
  public static SandboxFault connectionReset() {
    return new SandboxFault(Kind.CONNECTION_RESET, Duration.ZERO, 0);
  }

  /** Answers 429 {@code rate_limit_exceeded} with {@code Retry-After: 1}, in the API's error shape. */
  public static SandboxFault rateLimited() {
    return rateLimited(Duration.ofSeconds(1));
  }

  /**
   * Answers 429 {@code rate_limit_exceeded} with {@code Retry-After} of {@code retryAfter} (whole seconds, at least 1).
   *
   * @throws IllegalArgumentException if {@code retryAfter} is shorter than a second or longer than a day
   */
  public static SandboxFault rateLimited(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    if (retryAfter.getSeconds() < 1 || retryAfter.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("retryAfter must be between 1 second and 1 day, but was " + retryAfter);
    }
    return new SandboxFault(Kind.RATE_LIMITED, retryAfter, 0);
  }

  /**
   * Returns this fault limited to the next {@code count} requests of the operation; after them it answers normally.
   *
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  public SandboxFault times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, but was " + count + "; leave times(...) out for every request");
    }
    return new SandboxFault(kind, duration, count);
  }

  Kind kind() {
    return kind;
  }

  /** The delay, or the Retry-After of a 429. */
  Duration duration() {
    return duration;
  }

  /** How many requests it applies to; 0 for every one. */
  int times() {
    return times;
  }

  @Override
  public String toString() {
    String what;
    switch (kind) {
      case DELAY:
        what = "delay " + duration.toMillis() + " ms";
        break;
      case CONNECTION_RESET:
        what = "connection reset";
        break;
      default:
        what = "429 (Retry-After " + duration.getSeconds() + " s)";
        break;
    }
    return "SandboxFault{" + what + (times == 0 ? ", every request" : ", next " + times + " requests") + "}";
  }
}
