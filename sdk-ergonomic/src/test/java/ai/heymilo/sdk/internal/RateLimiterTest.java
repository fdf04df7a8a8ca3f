package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));

  @Test
  void burstUpToThePermits_thenEachWaitsForTheOldestToLeaveTheWindow() {
    RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(1), clock);

    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      delays.add(limiter.reserveDelayMillis());
    }

    assertEquals(List.of(0L, 0L, 0L, 1000L, 1000L, 1000L, 2000L), delays);
  }

  @Test
  void neverMoreThanThePermitsInAnyWindow() {
    RateLimiter limiter = new RateLimiter(300, Duration.ofMinutes(1), clock);
    List<Long> sendTimes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      clock.advance(Duration.ofMillis(i % 7 == 0 ? 150 : 3)); // uneven arrivals
      sendTimes.add(clock.millis() + limiter.reserveDelayMillis());
    }

    for (int i = 300; i < sendTimes.size(); i++) {
      long span = sendTimes.get(i) - sendTimes.get(i - 300);
      assertEquals(true, span >= 60_000, "301 sends within " + span + " ms");
    }
  }

  @Test
  void idleTime_restoresTheFullBurst() {
    RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(10), clock);
    limiter.reserveDelayMillis();
    limiter.reserveDelayMillis();

    clock.advance(Duration.ofSeconds(10));

    assertEquals(0L, limiter.reserveDelayMillis());
    assertEquals(0L, limiter.reserveDelayMillis());
  }

  @Test
  void finished_afterItsSlot_countsTheRequestFromThen() {
    RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(1), clock);
    RateLimiter.Reservation first = limiter.reserve();
    limiter.reserve();

    clock.advance(Duration.ofMillis(300));
    limiter.finished(first);

    assertEquals(1000L, limiter.reserveDelayMillis(), "a window after the first exchange ended, not after it was sent");
  }

  @Test
  void finished_withinAMillisecond_roundsUp() {
    RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1), clock);
    RateLimiter.Reservation first = limiter.reserve();

    clock.advance(Duration.ofNanos(400_000));
    limiter.finished(first);

    assertEquals(1001L, limiter.reserveDelayMillis());
  }

  @Test
  void finished_atItsSlot_keepsThePlan() {
    RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1), clock);
    limiter.finished(limiter.reserve());

    assertEquals(1000L, limiter.reserveDelayMillis());
  }

  @Test
  void finished_afterTheSlotWasReused_isIgnored() {
    RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1), clock);
    RateLimiter.Reservation first = limiter.reserve();
    RateLimiter.Reservation second = limiter.reserve(); // the same place in the ring, a window later
    assertEquals(1000L, second.delayMillis());

    clock.advance(Duration.ofMillis(500));
    limiter.finished(first);

    assertEquals(1500L, limiter.reserveDelayMillis(), "paced from the second reservation, untouched by the first's late end");
  }
}
