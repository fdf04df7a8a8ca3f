package ai.heymilo.sdk;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How to wait for a resource to leave its pending statuses ({@code awaitData}, {@code awaitPushStatus}).
 * Immutable and thread-safe; build once and reuse.
 *
 * <pre>{@code
 * WaitOptions options = WaitOptions.builder()
 *     .timeout(Duration.ofMinutes(10))
 *     .listener(p -> System.err.println("status " + p.status() + " after " + p.elapsed()))
 *     .build();
 * InterviewDataResponse data = client.interviews().awaitData("iv_1", options);
 * }</pre>
 *
 * <p>The first poll happens at once. While the status is pending the wait sleeps, starting at
 * {@link #initialDelay()} and growing by {@link #multiplier()} up to {@link #maxDelay()}, each delay
 * varied by ±{@link #jitter()} so that many waiters do not poll in step. A {@code Retry-After} from
 * the server lengthens the next delay. {@link #timeout()} is the only limit: the wait polls one last
 * time when it is reached and then throws {@link ai.heymilo.sdk.errors.WaitTimeoutException}.
 *
 * <p>With webhook events wired to the client ({@code dispatcher.completeWaitsOf(client)}), an event ends an
 * interview's wait as soon as it arrives, and polling is only the fallback for an event that never comes: the delays
 * are then at least {@link #eventFallbackDelay()} (default 60 s).
 */
public final class WaitOptions {
  private static final WaitOptions DEFAULTS = builder().build();

  private final Duration timeout;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final double jitter;
  private final @Nullable Set<String> pendingStatuses;
  private final @Nullable WaitListener listener;
  private final Duration eventFallbackDelay;

  private WaitOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.initialDelay = builder.initialDelay;
    this.maxDelay = builder.maxDelay;
    this.multiplier = builder.multiplier;
    this.jitter = builder.jitter;
    this.pendingStatuses = builder.pendingStatuses;
    this.listener = builder.listener;
    this.eventFallbackDelay = builder.eventFallbackDelay;
  }

  /** Returns the default options: 10 minutes, delays from 2 s growing by 1.5 to 30 s, ±20% jitter. */
  public static WaitOptions defaults() {
    return DEFAULTS;
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these options, to make a modified copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the overall time limit of the wait. */
  public Duration timeout() {
    return timeout;
  }

  /** Returns the delay after the first poll. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** Returns the longest delay between polls (a server's {@code Retry-After} may ask for more). */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** Returns the factor by which each delay grows. */
  public double multiplier() {
    return multiplier;
  }

  /** Returns the fraction by which each delay is randomly varied up or down: 0.2 means ±20%. */
  public double jitter() {
    return jitter;
  }

  /**
   * Returns the statuses that keep the wait polling, or null if not set, in which case the
   * resource's own default applies ({@code not_ready} and {@code evaluating} for interview data).
   */
  public @Nullable Set<String> pendingStatuses() {
    return pendingStatuses;
  }

  /** Returns the listener that sees every poll, or null if none. */
  public @Nullable WaitListener listener() {
    return listener;
  }

  /**
   * Returns the shortest delay between polls while webhook events are wired to the client and none has yet said the
   * results are near: events end such waits, polls only catch an event that was lost.
   */
  public Duration eventFallbackDelay() {
    return eventFallbackDelay;
  }

  @Override
  public String toString() {
    return "WaitOptions{timeout=" + timeout
        + ", initialDelay=" + initialDelay
        + ", maxDelay=" + maxDelay
        + ", multiplier=" + multiplier
        + ", jitter=" + jitter
        + ", pendingStatuses=" + (pendingStatuses == null ? "(resource default)" : pendingStatuses)
        + ", listener=" + (listener == null ? "none" : "set")
        + ", eventFallbackDelay=" + eventFallbackDelay
        + "}";
  }

  /** Builds {@link WaitOptions}; each setter rejects a bad value at once. */
  public static final class Builder {
    private Duration timeout = Duration.ofMinutes(10);
    private Duration initialDelay = Duration.ofSeconds(2);
    private Duration maxDelay = Duration.ofSeconds(30);
    private double multiplier = 1.5;
    private double jitter = 0.2;
    private @Nullable Set<String> pendingStatuses;
    private @Nullable WaitListener listener;
    private Duration eventFallbackDelay = Duration.ofSeconds(60);

    private Builder() {
    }

    private Builder(WaitOptions options) {
      this.timeout = options.timeout;
      this.initialDelay = options.initialDelay;
      this.maxDelay = options.maxDelay;
      this.multiplier = options.multiplier;
      this.jitter = options.jitter;
      this.pendingStatuses = options.pendingStatuses;
      this.listener = options.listener;
      this.eventFallbackDelay = options.eventFallbackDelay;
    }

    /**
     * Sets the overall time limit of the wait, after which it throws
     * {@link ai.heymilo.sdk.errors.WaitTimeoutException}. Default: 10 minutes.
     *
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * Sets the delay after the first poll. Default: 2 seconds.
     *
     * @throws IllegalArgumentException if {@code initialDelay} is zero or negative
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = positive(initialDelay, "initialDelay");
      return this;
    }

    /**
     * Sets the longest delay between polls; must not be shorter than the initial delay (checked by
     * {@link #build()}). Default: 30 seconds.
     *
     * @throws IllegalArgumentException if {@code maxDelay} is zero or negative
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = positive(maxDelay, "maxDelay");
      return this;
    }

    /**
     * Sets the factor by which each delay grows; 1 keeps delays constant. Default: 1.5.
     *
     * @throws IllegalArgumentException if {@code multiplier} is below 1 or not finite
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be a finite number of at least 1.0 (delays never shrink) but was "
            + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * Sets the fraction by which each delay is randomly varied up or down; 0 turns jitter off, 0.2
     * means ±20%. Jitter never takes a delay above the maximum. Default: 0.2.
     *
     * @throws IllegalArgumentException if {@code jitter} is outside [0, 1]
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be between 0.0 and 1.0 (a fraction of the delay) but was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Sets the statuses that keep the wait polling; any other status ends it. Matching is exact
     * (statuses are lowercase, such as {@code evaluating}). Pass null to go back to the resource's
     * default. Default: not set, so the resource's default applies ({@code not_ready} and
     * {@code evaluating} for interview data).
     *
     * @throws IllegalArgumentException if {@code statuses} is empty or holds a null or blank status
     */
    public Builder pendingStatuses(@Nullable Collection<String> statuses) {
      if (statuses == null) {
        this.pendingStatuses = null;
        return this;
      }
      if (statuses.isEmpty()) {
        throw new IllegalArgumentException("pendingStatuses must not be empty (the wait would end at once); "
            + "leave it unset to use the resource's default");
      }
      Set<String> copy = new LinkedHashSet<>();
      for (String status : statuses) {
        if (status == null || status.isBlank()) {
          throw new IllegalArgumentException("pendingStatuses must not contain a null or blank status but was " + statuses);
        }
        copy.add(status);
      }
      this.pendingStatuses = Collections.unmodifiableSet(copy);
      return this;
    }

    /**
     * Sets the statuses that keep the wait polling; see {@link #pendingStatuses(Collection)}.
     * Default: not set, so the resource's default applies.
     *
     * @throws IllegalArgumentException if no status is given or one is null or blank
     */
    public Builder pendingStatuses(String... statuses) {
      if (statuses == null) {
        throw new IllegalArgumentException("pendingStatuses must not be null; pass at least one status");
      }
      return pendingStatuses(Arrays.asList(statuses));
    }

    /**
     * Sets a listener that sees every poll (status or error, attempt, elapsed time, next delay);
     * null removes it. Exceptions it throws are ignored. Default: none.
     */
    public Builder listener(@Nullable WaitListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Sets the shortest delay between polls while webhook events are wired to the client
     * ({@code dispatcher.completeWaitsOf(client)}): a {@code report_available} event ends the wait at once (after one
     * confirming poll), so polls are only the fallback for a lost event. After an {@code interview_completed} event the
     * wait goes back to its own delays, the results being near. Default: 60 seconds.
     *
     * @throws IllegalArgumentException if {@code eventFallbackDelay} is zero or negative
     */
    public Builder eventFallbackDelay(Duration eventFallbackDelay) {
      this.eventFallbackDelay = positive(eventFallbackDelay, "eventFallbackDelay");
      return this;
    }

    /**
     * Returns the options.
     *
     * @throws IllegalArgumentException if the initial delay is longer than the maximum delay
     */
    public WaitOptions build() {
      if (initialDelay.compareTo(maxDelay) > 0) {
        throw new IllegalArgumentException("initialDelay (" + initialDelay + ") must not be longer than maxDelay ("
            + maxDelay + "); raise maxDelay(...) or lower initialDelay(...)");
      }
      return new WaitOptions(this);
    }

    private static Duration positive(Duration value, String name) {
      if (value == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive but was " + value);
      }
      return value;
    }
  }
}
