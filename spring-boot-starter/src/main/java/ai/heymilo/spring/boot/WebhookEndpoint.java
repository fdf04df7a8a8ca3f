package ai.heymilo.spring.boot;

import ai.heymilo.sdk.errors.InvalidWebhookException;
import ai.heymilo.sdk.webhooks.WebhookEvent;
import ai.heymilo.sdk.webhooks.WebhookHandler;
import ai.heymilo.sdk.webhooks.WebhookRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook route: hands the raw body, the headers and the query string of each POST to the SDK's
 * {@link WebhookHandler} and turns its verdict into the answer (see {@link HeyMiloWebhookAutoConfiguration}).
 */
final class WebhookEndpoint {
  private static final Log LOG = LogFactory.getLog(WebhookEndpoint.class);

  private final String path;
  private final WebhookHandler handler;

  WebhookEndpoint(String path, WebhookHandler handler) {
    this.path = path;
    this.handler = handler;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST(path, this::receive)
        .route(RequestPredicates.path(path), request -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
            .header(HttpHeaders.ALLOW, HttpMethod.POST.name())
            .contentType(MediaType.TEXT_PLAIN)
            .body("The webhook endpoint accepts POST, not " + request.method().name() + "."))
        .build();
  }

  private ServerResponse receive(ServerRequest request) throws IOException {
    HttpServletRequest servlet = request.servletRequest();
    try {
      byte[] body = readAtMostOneOverTheLimit(servlet);
      WebhookEvent event = handler.handle(WebhookRequest.of(body, servlet::getHeader).withQuery(servlet.getQueryString()));
      if (LOG.isDebugEnabled()) {
        LOG.debug("Webhook received: " + event);
      }
      return ServerResponse.noContent().build();
    } catch (InvalidWebhookException refused) {
      LOG.warn("Webhook delivery to " + path + " refused (" + refused.httpStatus() + " " + refused.reason() + "): "
          + refused.getMessage());
      return ServerResponse.status(refused.httpStatus()).contentType(MediaType.TEXT_PLAIN).body(refused.getMessage());
    } catch (RuntimeException failure) {
      LOG.error("Webhook delivery to " + path + " failed; answered 500 so that the sender retries it", failure);
      return ServerResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.TEXT_PLAIN)
          .body("The webhook could not be processed; retry later.");
    }
  }

  /** Reads no more than the limit plus one byte, so an oversized body is refused (413) without being held. */
  private byte[] readAtMostOneOverTheLimit(HttpServletRequest servlet) throws IOException {
    try (InputStream in = servlet.getInputStream()) {
      return in.readNBytes(handler.maxBodyBytes() + 1);
    }
  }
}
