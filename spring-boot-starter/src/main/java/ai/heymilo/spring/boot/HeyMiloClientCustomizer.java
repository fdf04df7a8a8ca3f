package ai.heymilo.spring.boot;

import ai.heymilo.sdk.HeyMiloClient;

/**
 * Changes the builder of the auto-configured {@link HeyMiloClient} after the {@code heymilo.*} properties are
 * applied and before it is built; every customizer bean runs, in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * HeyMiloClientCustomizer proxy(OkHttpClient corporateProxy) {
 *   return builder -> builder.okHttpClient(corporateProxy);
 * }
 * }</pre>
 *
 * <p>This is also where integrations plug in: the starter's own customizer hands the application's
 * {@code ObservationRegistry} to the builder.
 */
@FunctionalInterface
public interface HeyMiloClientCustomizer {
  /** Adjusts {@code builder}; its setters' own checks apply. */
  void customize(HeyMiloClient.Builder builder);
}
