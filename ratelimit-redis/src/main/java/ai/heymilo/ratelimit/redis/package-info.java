/**
 * A request budget shared by every {@link ai.heymilo.sdk.HeyMiloClient} that uses one API key — across
 * threads, processes and machines — kept in Redis by Bucket4j.
 *
 * <pre>{@code
 * RedisRateLimiter fleetLimit = RedisRateLimiter.builder()
 *     .redisUri("redis://redis.internal:6379")
 *     .build();                                   // 300 requests per minute per key: HeyMilo's limit
 * HeyMiloClient client = HeyMiloClient.builder()
 *     .apiKey(System.getenv("HEYMILO_API_KEY"))
 *     .rateLimiter(fleetLimit)
 *     .build();
 * }</pre>
 *
 * <p>See {@link ai.heymilo.ratelimit.redis.RedisRateLimiter} for how the budget is shaped and what
 * happens while Redis is unreachable.
 */
@NullMarked
package ai.heymilo.ratelimit.redis;

import org.jspecify.annotations.NullMarked;
