package ai.heymilo.ratelimit.redis;

/**
 * What a {@link RedisRateLimiter} does with a request while Redis cannot be reached (refused, timed
 * out, not yet connected).
 *
 * <pre>{@code
 * RedisRateLimiter.builder().redisUri(uri).outagePolicy(RedisOutagePolicy.FAIL_CLOSED).build();
 * }</pre>
 */
public enum RedisOutagePolicy {
  /**
   * Keeps calling the API, each process pacing its own requests to the whole limit (as
   * {@code HeyMiloClient.Builder.rateLimit(...)} would) until Redis answers again. One warning is
   * logged when an outage begins and one message when it ends. A fleet of several processes may then
   * exceed the key's limit; the API answers the excess with 429 and the client retries those after
   * their {@code Retry-After}. The default: a rate limiter should not turn a Redis outage into an
   * outage of every service that talks to HeyMilo.
   */
  FAIL_OPEN,

  /**
   * Sends nothing while Redis is unreachable: each call fails at once with
   * {@link RateLimiterUnavailableException}. For keys whose budget must never be exceeded, for example
   * when other systems share it.
   */
  FAIL_CLOSED
}
