package ai.heymilo.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Why the budget is a small bucket refilled greedily: a server counting over a sliding window must never
 * see more than the limit, and the textbook buckets let twice as much through. Bucket4j's own arithmetic on
 * a manual clock; every request is sent when its reservation says.
 */
class BudgetShapeTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** A clock the test moves. */
  static final class ManualTime implements TimeMeter {
    long nanos;

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }

  @Test
  void defaultShape_heymiloLimit_isBurst6Then294PerMinuteAndAMargin() {
    BudgetShape shape = new BudgetShape(300, MINUTE, BudgetShape.defaultBurst(300), BudgetShape.defaultMargin(MINUTE));

    assertEquals("300 requests per PT1M (burst 6, then 294 per PT1M0.6S)", shape.toString());
  }

  @Test
  void defaultMargin_isNeverBelow50Milliseconds() {
    assertEquals(Duration.ofMillis(50), BudgetShape.defaultMargin(Duration.ofSeconds(1)));
    assertEquals(Duration.ofMillis(600), BudgetShape.defaultMargin(MINUTE));
  }

  @Test
  void defaultShape_everyoneAtOnce_noWindowHoldsMoreThanTheLimit_andTheSteadyRateIsNearIt() {
    ManualTime time = new ManualTime();
    Bucket bucket = heymiloDefault().localBucket(time);

    List<Long> sends = reserveAll(bucket, time, 3_000);

    assertTrue(maxInWindow(sends, MINUTE) <= 300, "max in a minute: " + maxInWindow(sends, MINUTE));
    double perMinute = (sends.size() - 6) / ((sends.get(sends.size() - 1) - sends.get(0)) / (double) MINUTE.toNanos());
    assertTrue(perMinute >= 0.96 * 300 && perMinute <= 300, "steady rate per minute: " + perMinute);
  }

  @Test
  void defaultShape_irregularTraffic_noWindowHoldsMoreThanTheLimit() {
    ManualTime time = new ManualTime();
    Bucket bucket = heymiloDefault().localBucket(time);
    Random random = new Random(13);
    List<Long> sends = new ArrayList<>();
    // Quiet spells and bursts for 20 minutes: the bucket refills to its burst between them.
    for (int step = 0; step < 2_000; step++) {
      time.nanos += (long) (random.nextDouble() * (step % 100 < 50 ? 2e9 : 0.05e9));
      int requests = random.nextInt(step % 7 == 0 ? 40 : 3);
      for (int i = 0; i < requests; i++) {
        sends.add(time.nanos + bucket.consumeIgnoringRateLimits(1));
      }
    }
    Collections.sort(sends);

    assertTrue(sends.size() > 5_000, "enough traffic to fill windows: " + sends.size());
    assertTrue(maxInWindow(sends, MINUTE) <= 300, "max in a minute: " + maxInWindow(sends, MINUTE));
  }

  @Test
  void defaultShape_requestsArriveUpTo0_8sLate_stillNoWindowAboveTheLimit() {
    ManualTime time = new ManualTime();
    Bucket bucket = heymiloDefault().localBucket(time);
    List<Long> sends = reserveAll(bucket, time, 3_000);
    Random random = new Random(7);
    List<Long> arrivals = new ArrayList<>();
    for (long send : sends) {
      arrivals.add(send + (long) (random.nextDouble() * 0.8e9)); // 0–0.8 s on the way: skew, a busy host
    }
    Collections.sort(arrivals);

    assertTrue(maxInWindow(arrivals, MINUTE) <= 300, "max in a minute at the server: " + maxInWindow(arrivals, MINUTE));
  }

  @Test
  void textbookGreedyBucket_capacityAndRefillOfTheLimit_letsNearlyTwiceTheLimitThroughInOneWindow() {
    ManualTime time = new ManualTime();
    Bucket textbook = Bucket.builder().addLimit(Bandwidth.builder().capacity(300).refillGreedy(300, MINUTE).build())
        .withCustomTimePrecision(time).build();

    List<Long> sends = reserveAll(textbook, time, 1_000);

    assertTrue(maxInWindow(sends, MINUTE) >= 599, "max in a minute: " + maxInWindow(sends, MINUTE));
  }

  @Test
  void intervalRefill_ofTheLimitEveryWindow_letsTwiceTheLimitThroughAroundTheRefill() {
    ManualTime time = new ManualTime();
    Bucket interval = Bucket.builder().addLimit(Bandwidth.builder().capacity(300).refillIntervally(300, MINUTE).build())
        .withCustomTimePrecision(time).build();
    time.nanos = MINUTE.toNanos() - Duration.ofSeconds(1).toNanos(); // a full bucket, a second before the refill

    List<Long> sends = reserveAll(interval, time, 600);

    assertEquals(600, maxInWindow(sends, MINUTE));
    assertTrue(sends.get(599) - sends.get(0) <= Duration.ofSeconds(1).toNanos());
  }

  @Test
  void limitOfOne_isOneRequestPerWindowAndMargin() {
    ManualTime time = new ManualTime();
    Bucket bucket = new BudgetShape(1, Duration.ofSeconds(1), 1, Duration.ofMillis(10)).localBucket(time);

    List<Long> sends = reserveAll(bucket, time, 5);

    assertEquals(1, maxInWindow(sends, Duration.ofSeconds(1)));
    assertEquals(Duration.ofMillis(4 * 1010).toNanos(), sends.get(4) - sends.get(0));
  }

  /** HeyMilo's 300 per minute with the limiter's default burst and margin. */
  private static BudgetShape heymiloDefault() {
    return new BudgetShape(300, MINUTE, BudgetShape.defaultBurst(300), BudgetShape.defaultMargin(MINUTE));
  }

  /** {@code count} requests all asking at the clock's current time; returns their send times. */
  private static List<Long> reserveAll(Bucket bucket, ManualTime time, int count) {
    List<Long> sends = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sends.add(time.nanos + bucket.consumeIgnoringRateLimits(1));
    }
    Collections.sort(sends);
    return sends;
  }

  /** The most sends in any half-open interval of length {@code window}: what a sliding-window server counts. */
  static int maxInWindow(List<Long> sortedNanos, Duration window) {
    long w = window.toNanos();
    int max = 0;
    int start = 0;
    for (int end = 0; end < sortedNanos.size(); end++) {
      while (sortedNanos.get(end) - sortedNanos.get(start) >= w) {
        start++;
      }
      max = Math.max(max, end - start + 1);
    }
    return max;
  }
}
