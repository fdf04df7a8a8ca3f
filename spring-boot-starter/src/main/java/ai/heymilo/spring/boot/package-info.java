/**
 * Spring Boot auto-configuration for the HeyMilo SDK: add {@code ai.heymilo:heymilo-spring-boot-starter}, set
 * {@code heymilo.api-key}, and inject {@link ai.heymilo.sdk.HeyMiloClient}.
 *
 * <pre>{@code
 * # application.properties
 * heymilo.api-key=${HEYMILO_API_KEY}
 * heymilo.rate-limit.type=redis
 * heymilo.rate-limit.redis.uri=redis://redis.internal:6379
 * }</pre>
 *
 * <p>See {@link ai.heymilo.spring.boot.HeyMiloAutoConfiguration} for what is configured and when.
 */
@NullMarked
package ai.heymilo.spring.boot;

import org.jspecify.annotations.NullMarked;
