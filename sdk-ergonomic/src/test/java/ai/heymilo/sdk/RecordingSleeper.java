package ai.heymilo.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A sleeper that never sleeps: it records each requested pause and advances its own clock by it. */
public final class RecordingSleeper implements Sleeper {
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final AtomicLong nowMillis = new AtomicLong(Instant.parse("2026-11-28T12:00:00Z").toEpochMilli());

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    nowMillis.addAndGet(duration.toMillis());
  }

  /** Every pause requested so far, in order. */
  public List<Duration> sleeps() {
    return sleeps;
  }

  /** A clock that moves only when this sleeper "sleeps". */
  public Clock clock() {
    return new Clock() {
      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(nowMillis.get());
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
  }
}
