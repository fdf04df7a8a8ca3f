package ai.heymilo.spring.boot;

import ai.heymilo.sdk.errors.ConfigurationException;
import ai.heymilo.sdk.webhooks.WebhookDispatcher;
import ai.heymilo.sdk.webhooks.WebhookHandler;
import ai.heymilo.sdk.webhooks.WebhookListener;
import ai.heymilo.sdk.webhooks.WebhookVerifier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves HeyMilo's webhook deliveries at {@code heymilo.webhooks.path} in a Spring MVC application and hands each
 * event to the application's {@link WebhookListener} beans.
 *
 * <pre>{@code
 * heymilo.webhooks.path=/heymilo/webhooks
 * heymilo.webhooks.secret=${HEYMILO_WEBHOOK_SECRET}   # register https://…/heymilo/webhooks?token=<secret>
 *
 * @Bean
 * WebhookListener reports(ReportQueue queue) {
 *   return event -> { if (event.type() == WebhookEventType.REPORT_AVAILABLE) queue.add(event.interviewId()); };
 * }
 * }</pre>
 *
 * <p>What it contributes, only in a servlet web application with Spring MVC and {@code heymilo.webhooks.path} set:
 * <ul>
 *   <li>{@code heyMiloWebhookDispatcher} ({@link WebhookDispatcher}, de-duplicating in memory) with every
 *       {@link WebhookListener} bean subscribed to every event; inject it to subscribe by type or interview.
 *   <li>{@code heyMiloWebhookHandler} ({@link WebhookHandler}): the size limit, the shared secret
 *       ({@code heymilo.webhooks.secret}) or the application's {@link WebhookVerifier} bean, parsing, the dispatcher.
 *   <li>{@code heyMiloWebhookEndpoint}: the route. It answers 204 for an accepted delivery (a repeat included, so
 *       that HeyMilo stops sending it); the SDK's refusals with their status — 413 body too large, 401 secret
 *       missing or wrong, 415 not JSON, 400 not an event — and the reason as text; 405 for a method other than
 *       POST; 500 if the handler fails unexpectedly (logged), so that HeyMilo retries. Refusals are logged at WARN
 *       without the query string, which may carry the secret.
 * </ul>
 * Each is replaced by a bean of the application's of the same type (the endpoint: of the same name).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({RouterFunction.class, WebhookHandler.class})
@ConditionalOnProperty(prefix = "heymilo.webhooks", name = "path")
@EnableConfigurationProperties(HeyMiloProperties.class)
public class HeyMiloWebhookAutoConfiguration {
  /** The dispatcher, with every {@link WebhookListener} bean subscribed to every event, in {@code @Order}. */
  @Bean
  @ConditionalOnMissingBean
  public WebhookDispatcher heyMiloWebhookDispatcher(ObjectProvider<WebhookListener> listeners) {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    listeners.orderedStream().forEach(dispatcher::onAny);
    return dispatcher;
  }

  /** The handler: checks, parses and dispatches one delivery. */
  @Bean
  @ConditionalOnMissingBean
  public WebhookHandler heyMiloWebhookHandler(HeyMiloProperties properties, WebhookDispatcher dispatcher,
      ObjectProvider<WebhookVerifier> verifiers) {
    HeyMiloProperties.Webhooks webhooks = properties.getWebhooks();
    WebhookHandler.Builder builder = WebhookHandler.builder().dispatcher(dispatcher).jsonLibrary(properties.getJsonLibrary());
    try {
      builder.maxBodyBytes(webhooks.getMaxBodyBytes());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("Invalid heymilo.webhooks.max-body-bytes: " + e.getMessage());
    }
    if (webhooks.getDeliveryIdHeader() != null && !webhooks.getDeliveryIdHeader().isBlank()) {
      builder.deliveryIdHeader(webhooks.getDeliveryIdHeader().strip());
    }
    WebhookVerifier verifier = verifiers.getIfAvailable(() -> secretVerifier(webhooks));
    if (verifier != null) {
      builder.verifier(verifier);
    }
    return builder.build();
  }

  /** The route at {@code heymilo.webhooks.path}. */
  @Bean
  @ConditionalOnMissingBean(name = "heyMiloWebhookEndpoint")
  public RouterFunction<ServerResponse> heyMiloWebhookEndpoint(HeyMiloProperties properties, WebhookHandler handler) {
    return new WebhookEndpoint(path(properties.getWebhooks().getPath()), handler).routes();
  }

  private static @Nullable WebhookVerifier secretVerifier(HeyMiloProperties.Webhooks webhooks) {
    String secret = webhooks.getSecret();
    if (secret == null || secret.isBlank()) {
      return null;
    }
    // The SDK's checks name the argument, never the secret's value.
    String header = webhooks.getSecretHeader();
    try {
      return header != null && !header.isBlank()
          ? WebhookVerifier.sharedSecretHeader(header.strip(), secret.strip())
          : WebhookVerifier.sharedSecretQueryParameter(webhooks.getSecretParameter(), secret.strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("Invalid heymilo.webhooks.secret, secret-parameter or secret-header: " + e.getMessage());
    }
  }

  private static String path(@Nullable String path) {
    String trimmed = path == null ? "" : path.strip();
    if (!trimmed.startsWith("/") || trimmed.contains("?") || trimmed.contains("{") || trimmed.contains("*")) {
      throw new ConfigurationException("Invalid heymilo.webhooks.path \"" + trimmed + "\": it must be a plain path that "
          + "starts with '/', such as /heymilo/webhooks (put a secret in heymilo.webhooks.secret, not in the path's query)");
    }
    return trimmed;
  }
}
