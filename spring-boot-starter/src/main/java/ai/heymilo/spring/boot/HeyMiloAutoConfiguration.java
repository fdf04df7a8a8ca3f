package ai.heymilo.spring.boot;

import ai.heymilo.ratelimit.redis.RedisOutagePolicy;
import ai.heymilo.ratelimit.redis.RedisRateLimiter;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.RateLimit;
import ai.heymilo.sdk.RequestLimiter;
import ai.heymilo.sdk.errors.ConfigurationException;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures a {@link HeyMiloClient} from the {@code heymilo.*} properties ({@link HeyMiloProperties}),
 * unless the application defines its own; the context closes it on shutdown.
 *
 * <pre>{@code
 * @Service
 * class Screening {
 *   private final HeyMiloClient heyMilo;
 *   Screening(HeyMiloClient heyMilo) { this.heyMilo = heyMilo; }
 * }
 * }</pre>
 *
 * <p>What it contributes, each only when its condition holds:
 * <ul>
 *   <li>{@code heyMiloClient} — always (credentials are required: {@code heymilo.api-key} or
 *       {@code heymilo.bearer-token}); {@link HeyMiloClientCustomizer} beans adjust its builder.
 *   <li>{@code heyMiloRedisRateLimiter} ({@link RedisRateLimiter}) — {@code heymilo.rate-limit.type=redis} and
 *       {@code heymilo-ratelimit-redis} on the class path; closed with the context. Any
 *       {@link RequestLimiter.Factory} bean of the application's paces the client instead, unless the type is
 *       {@code local}.
 *   <li>{@code heyMiloObservationRegistryCustomizer} — Micrometer Observation on the class path: an
 *       {@code ObservationRegistry} bean, if any, receives an observation per API call and per wait.
 *   <li>{@code heymiloHealthIndicator} — see {@link HeyMiloHealthIndicatorAutoConfiguration}.
 *   <li>the webhook endpoint — see {@link HeyMiloWebhookAutoConfiguration}.
 * </ul>
 *
 * <p>A missing or invalid setting fails the startup with a {@link ConfigurationException} whose message names
 * the property.
 */
@AutoConfiguration
@ConditionalOnClass(HeyMiloClient.class)
@EnableConfigurationProperties(HeyMiloProperties.class)
public class HeyMiloAutoConfiguration {
  /** The client; {@code close()} runs when the context closes. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public HeyMiloClient heyMiloClient(HeyMiloProperties properties, ObjectProvider<RequestLimiter.Factory> limiters,
      ObjectProvider<HeyMiloClientCustomizer> customizers) {
    HeyMiloClient.Builder builder = HeyMiloClient.builder();
    if (properties.getApiKey() != null && !properties.getApiKey().isBlank()) {
      apply("heymilo.api-key", builder::apiKey, properties.getApiKey().strip());
    }
    if (properties.getBearerToken() != null && !properties.getBearerToken().isBlank()) {
      apply("heymilo.bearer-token", builder::bearerToken, properties.getBearerToken().strip());
    }
    if (properties.getApiKey() == null && properties.getBearerToken() == null) {
      throw new ConfigurationException("heymilo.api-key (or heymilo.bearer-token) is required but was not set; set it in "
          + "application.properties, for example heymilo.api-key=${HEYMILO_API_KEY}, or export HEYMILO_API_KEY");
    }
    builder.workspaceId(properties.getWorkspaceId());
    apply("heymilo.base-url", builder::baseUrl, properties.getBaseUrl());
    apply("heymilo.timeout", builder::timeout, properties.getTimeout());
    apply("heymilo.connect-timeout", builder::connectTimeout, properties.getConnectTimeout());
    apply("heymilo.read-timeout", builder::readTimeout, properties.getReadTimeout());
    apply("heymilo.write-timeout", builder::writeTimeout, properties.getWriteTimeout());
    apply("heymilo.max-retries", builder::maxRetries, properties.getMaxRetries());
    apply("heymilo.max-retry-after", builder::maxRetryAfter, properties.getMaxRetryAfter());
    apply("heymilo.max-concurrent-requests", builder::maxConcurrentRequests, properties.getMaxConcurrentRequests());
    builder.jsonLibrary(properties.getJsonLibrary()).logLevel(properties.getLogLevel());

    HeyMiloProperties.RateLimit rateLimit = properties.getRateLimit();
    RequestLimiter.@Nullable Factory limiter = limiters.getIfAvailable();
    if (rateLimit.getType() == HeyMiloProperties.RateLimitType.LOCAL) {
      builder.rateLimit(localLimit(rateLimit));
    } else if (limiter != null) {
      builder.rateLimiter(limiter);
    } else if (rateLimit.getType() == HeyMiloProperties.RateLimitType.REDIS) {
      throw new ConfigurationException("heymilo.rate-limit.type=redis needs ai.heymilo:heymilo-ratelimit-redis on the class path; "
          + "add that dependency (heymilo-bom gives its version) or set heymilo.rate-limit.type=local");
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /** Hands the application's {@code ObservationRegistry} (Actuator's, say) to the client, if there is one. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ObservationRegistry.class)
  static class ObservationConfiguration {
    @Bean
    HeyMiloClientCustomizer heyMiloObservationRegistryCustomizer(ObjectProvider<ObservationRegistry> registry) {
      // Looked up when the client is built, so that the registry's auto-configuration may run before or after this one.
      return builder -> registry.ifAvailable(builder::observationRegistry);
    }
  }

  /** The shared budget in Redis, for {@code heymilo.rate-limit.type=redis}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RedisRateLimiter.class)
  @ConditionalOnProperty(prefix = "heymilo.rate-limit", name = "type", havingValue = "redis")
  static class RedisRateLimitConfiguration {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(RequestLimiter.Factory.class)
    RedisRateLimiter heyMiloRedisRateLimiter(HeyMiloProperties properties) {
      HeyMiloProperties.RateLimit rateLimit = properties.getRateLimit();
      HeyMiloProperties.Redis redis = rateLimit.getRedis();
      if (redis.getUri() == null || redis.getUri().isBlank()) {
        throw new ConfigurationException("heymilo.rate-limit.redis.uri is required when heymilo.rate-limit.type=redis but was not "
            + "set; set it to the Redis server the fleet shares, such as redis://redis.internal:6379");
      }
      RedisRateLimiter.Builder builder = RedisRateLimiter.builder();
      apply("heymilo.rate-limit.redis.uri", builder::redisUri, redis.getUri());
      builder.limit(localLimit(rateLimit));
      if (redis.getBurst() != null) {
        apply("heymilo.rate-limit.redis.burst", builder::burst, redis.getBurst());
      }
      if (redis.getSafetyMargin() != null) {
        apply("heymilo.rate-limit.redis.safety-margin", builder::safetyMargin, redis.getSafetyMargin());
      }
      apply("heymilo.rate-limit.redis.key-prefix", builder::keyPrefix, redis.getKeyPrefix());
      apply("heymilo.rate-limit.redis.command-timeout", builder::commandTimeout, redis.getCommandTimeout());
      apply("heymilo.rate-limit.redis.connect-timeout", builder::connectTimeout, redis.getConnectTimeout());
      apply("heymilo.rate-limit.redis.retry-interval", builder::retryInterval, redis.getRetryInterval());
      builder.outagePolicy(redis.getOutagePolicy() == HeyMiloProperties.OutagePolicy.FAIL_CLOSED
          ? RedisOutagePolicy.FAIL_CLOSED : RedisOutagePolicy.FAIL_OPEN);
      return builder.build();
    }
  }

  private static RateLimit localLimit(HeyMiloProperties.RateLimit rateLimit) {
    try {
      return RateLimit.of(rateLimit.getPermits(), rateLimit.getWindow());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("Invalid heymilo.rate-limit.permits or heymilo.rate-limit.window: " + e.getMessage());
    }
  }

  /** Applies one property, turning the builder's refusal into a message that names the property. */
  private static <T> void apply(String property, Consumer<T> setter, T value) {
    try {
      setter.accept(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("Invalid " + property + ": " + e.getMessage());
    }
  }
}
