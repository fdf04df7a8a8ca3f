package ai.heymilo.ratelimit.redis;

import ai.heymilo.sdk.RequestLimiter;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/** One client's view of its key's budget: Redis when it answers, else the outage policy. */
final class SharedBudget implements RequestLimiter {
  private final RedisLink link;
  private final String redisKey;
  private final Bucket local;
  private final RedisOutagePolicy policy;

  SharedBudget(RedisLink link, String redisKey, Bucket local, RedisOutagePolicy policy) {
    this.link = link;
    this.redisKey = redisKey;
    this.local = local;
    this.policy = policy;
  }

  @Override
  public Reservation reserve() {
    Long nanos = link.reserve(redisKey);
    if (nanos != null) {
      return new Slot(Duration.ofNanos(nanos));
    }
    if (policy == RedisOutagePolicy.FAIL_CLOSED) {
      throw link.unavailable();
    }
    link.pacedLocally();
    return new Slot(Duration.ofNanos(local.consumeIgnoringRateLimits(1)));
  }

  @Override
  public String toString() {
    return "SharedBudget{" + redisKey + " on " + link.address() + "}";
  }

  /** A reserved send time: Bucket4j has already taken the token, so nothing is reported back. */
  record Slot(Duration delay) implements RequestLimiter.Reservation {}
}
