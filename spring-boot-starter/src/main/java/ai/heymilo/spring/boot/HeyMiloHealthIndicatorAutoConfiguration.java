package ai.heymilo.spring.boot;

import ai.heymilo.sdk.HeyMiloClient;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the actuator's {@code heymilo} health indicator ({@link HeyMiloHealthIndicator}) when Spring Boot
 * Actuator is on the class path, a {@link HeyMiloClient} bean exists (auto-configured or the application's) and
 * {@code management.health.heymilo.enabled} is not false.
 *
 * <pre>{@code
 * management.health.heymilo.enabled=false   # to leave the API out of /actuator/health
 * }</pre>
 */
@AutoConfiguration(after = HeyMiloAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, HeyMiloClient.class})
@ConditionalOnBean(HeyMiloClient.class)
@ConditionalOnEnabledHealthIndicator("heymilo")
public class HeyMiloHealthIndicatorAutoConfiguration {
  /**
   * The indicator, unless the application defines one of that name. The bean name makes the contributor's name
   * (the name less "HealthIndicator"): {@code /actuator/health/heymilo}.
   */
  @Bean
  @ConditionalOnMissingBean(name = "heymiloHealthIndicator")
  public HeyMiloHealthIndicator heymiloHealthIndicator(HeyMiloClient client) {
    return new HeyMiloHealthIndicator(client);
  }
}
