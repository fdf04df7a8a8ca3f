package ai.heymilo.sdk.internal;

import ai.heymilo.sdk.WaitOptions;
import java.util.function.DoubleSupplier;

/**
 * The growing, jittered delays between polls: the n-th delay is {@code initialDelay * multiplier^(n-1)}
 * capped at {@code maxDelay}, then varied by ±jitter and capped again so it never exceeds the maximum.
 */
final class PollDelays {
  private final double maxMillis;
  private final double multiplier;
  private final double jitter;
  private final DoubleSupplier random;
  private double nextBaseMillis;

  PollDelays(WaitOptions options, DoubleSupplier random) {
    this.maxMillis = options.maxDelay().toMillis();
    this.multiplier = options.multiplier();
    this.jitter = options.jitter();
    this.random = random;
    this.nextBaseMillis = options.initialDelay().toMillis();
  }

  /** Returns the next delay in milliseconds and advances the sequence. */
  long nextMillis() {
    double base = nextBaseMillis;
    nextBaseMillis = Math.min(base * multiplier, maxMillis);
    // random is in [0, 1), so the factor is in [1 - jitter, 1 + jitter).
    double factor = 1.0 + jitter * (2.0 * random.getAsDouble() - 1.0);
    return Math.round(Math.max(0.0, Math.min(base * factor, maxMillis)));
  }
}
