package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class WaitOptionsTest {
  @Test
  void defaults_areDocumentedValues() {
    WaitOptions options = WaitOptions.defaults();

    assertEquals(Duration.ofMinutes(10), options.timeout());
    assertEquals(Duration.ofSeconds(2), options.initialDelay());
    assertEquals(Duration.ofSeconds(30), options.maxDelay());
    assertEquals(1.5, options.multiplier());
    assertEquals(0.2, options.jitter());
    assertNull(options.pendingStatuses());
    assertNull(options.listener());
  }

  @Test
  void builder_setsEverySetting() {
    WaitListener listener = progress -> { };
    WaitOptions options = WaitOptions.builder()
        .timeout(Duration.ofMinutes(3))
        .initialDelay(Duration.ofMillis(500))
        .maxDelay(Duration.ofSeconds(5))
        .multiplier(2)
        .jitter(0)
        .pendingStatuses("queued", "running")
        .listener(listener)
        .build();

    assertEquals(Duration.ofMinutes(3), options.timeout());
    assertEquals(Duration.ofMillis(500), options.initialDelay());
    assertEquals(Duration.ofSeconds(5), options.maxDelay());
    assertEquals(2.0, options.multiplier());
    assertEquals(0.0, options.jitter());
    assertEquals(List.of("queued", "running"), List.copyOf(options.pendingStatuses()));
    assertSame(listener, options.listener());
  }

  @Test
  void toBuilder_copiesAndLeavesOriginalAlone() {
    WaitOptions original = WaitOptions.builder().pendingStatuses(Set.of("queued")).build();

    WaitOptions copy = original.toBuilder().timeout(Duration.ofMinutes(1)).pendingStatuses((List<String>) null).build();

    assertEquals(Duration.ofMinutes(10), original.timeout());
    assertEquals(Set.of("queued"), original.pendingStatuses());
    assertEquals(Duration.ofMinutes(1), copy.timeout());
    assertNull(copy.pendingStatuses());
  }

  @Test
  void pendingStatuses_isACopyThatCannotBeChanged() {
    List<String> statuses = Arrays.asList("queued", "running");
    WaitOptions options = WaitOptions.builder().pendingStatuses(statuses).build();
    statuses.set(0, "changed");

    assertEquals(Set.of("queued", "running"), options.pendingStatuses());
    assertThrows(UnsupportedOperationException.class, () -> options.pendingStatuses().add("more"));
  }

  @Test
  void timeout_zero_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().timeout(Duration.ZERO));

    assertEquals("timeout must be positive but was PT0S", e.getMessage());
  }

  @Test
  void initialDelay_negative_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().initialDelay(Duration.ofSeconds(-1)));

    assertEquals("initialDelay must be positive but was PT-1S", e.getMessage());
  }

  @Test
  void maxDelay_zero_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().maxDelay(Duration.ZERO));

    assertEquals("maxDelay must be positive but was PT0S", e.getMessage());
  }

  @Test
  void timeout_null_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().timeout(null));

    assertEquals("timeout must not be null", e.getMessage());
  }

  @Test
  void build_initialDelayAboveMaxDelay_rejected() {
    WaitOptions.Builder builder = WaitOptions.builder().initialDelay(Duration.ofMinutes(1));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

    assertEquals("initialDelay (PT1M) must not be longer than maxDelay (PT30S); raise maxDelay(...) or lower "
        + "initialDelay(...)", e.getMessage());
  }

  @Test
  void build_initialDelayAboveDefaultMaxButMaxRaisedLater_accepted() {
    WaitOptions options = WaitOptions.builder().initialDelay(Duration.ofMinutes(1)).maxDelay(Duration.ofMinutes(2)).build();

    assertEquals(Duration.ofMinutes(1), options.initialDelay());
  }

  @Test
  void multiplier_belowOne_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().multiplier(0.5));

    assertEquals("multiplier must be a finite number of at least 1.0 (delays never shrink) but was 0.5", e.getMessage());
  }

  @Test
  void multiplier_notANumber_rejected() {
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().multiplier(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().multiplier(Double.POSITIVE_INFINITY));
  }

  @Test
  void jitter_outsideZeroToOne_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().jitter(1.5));

    assertEquals("jitter must be between 0.0 and 1.0 (a fraction of the delay) but was 1.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().jitter(-0.1));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().jitter(Double.NaN));
  }

  @Test
  void pendingStatuses_empty_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().pendingStatuses(Set.of()));

    assertEquals("pendingStatuses must not be empty (the wait would end at once); leave it unset to use the "
        + "resource's default", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().pendingStatuses());
  }

  @Test
  void pendingStatuses_blankStatus_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().pendingStatuses("queued", " "));

    assertEquals("pendingStatuses must not contain a null or blank status but was [queued,  ]", e.getMessage());
  }

  @Test
  void pendingStatuses_nullStatus_rejected() {
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().pendingStatuses("queued", null));
  }

  @Test
  void toString_showsSettings() {
    assertEquals("WaitOptions{timeout=PT10M, initialDelay=PT2S, maxDelay=PT30S, multiplier=1.5, jitter=0.2, "
        + "pendingStatuses=(resource default), listener=none, eventFallbackDelay=PT1M}", WaitOptions.defaults().toString());
  }

  @Test
  void eventFallbackDelay_defaultsToAMinute_isCopied_andMustBePositive() {
    assertEquals(Duration.ofSeconds(60), WaitOptions.defaults().eventFallbackDelay());
    WaitOptions options = WaitOptions.builder().eventFallbackDelay(Duration.ofSeconds(5)).build();
    assertEquals(Duration.ofSeconds(5), options.toBuilder().build().eventFallbackDelay());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().eventFallbackDelay(Duration.ZERO));
    assertEquals("eventFallbackDelay must be positive but was PT0S", e.getMessage());
  }
}
