package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2015-10-21T07:28:00Z"));

  @Test
  void seconds_wholeAndFractional() {
    assertEquals(Duration.ofSeconds(30), RetryAfter.parse(null, "30", clock));
    assertEquals(Duration.ofMillis(1500), RetryAfter.parse(null, " 1.5 ", clock));
  }

  @Test
  void httpDate_isRelativeToTheClock() {
    assertEquals(Duration.ofSeconds(90), RetryAfter.parse(null, "Wed, 21 Oct 2015 07:29:30 GMT", clock));
    assertEquals(Duration.ZERO, RetryAfter.parse(null, "Wed, 21 Oct 2015 07:00:00 GMT", clock));
  }

  @Test
  void millisecondsHeader_winsOverRetryAfter() {
    assertEquals(Duration.ofMillis(250), RetryAfter.parse("250", "30", clock));
  }

  @Test
  void garbageOrAbsent_isNull() {
    assertNull(RetryAfter.parse(null, "soon", clock));
    assertNull(RetryAfter.parse(null, null, clock));
    assertNull(RetryAfter.parse(null, " ", clock));
  }
}
