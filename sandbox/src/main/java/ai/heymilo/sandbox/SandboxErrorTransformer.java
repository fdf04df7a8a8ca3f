package ai.heymilo.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Writes the API's error shape ({@code {"error": {type, code, message, ...}}}) for requests no
 * recording answers: an unknown route (404) or an {@code X-Sandbox-Status} the operation does not
 * document (400). The message names the request, so a typo is easy to spot.
 */
final class SandboxErrorTransformer implements ResponseDefinitionTransformerV2 {
  /** The name a stub lists in {@code response.transformers}. */
  static final String NAME = "heymilo-sandbox-error";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    ResponseDefinition definition = serveEvent.getResponseDefinition();
    LoggedRequest request = serveEvent.getRequest();
    String route = request.getMethod().value() + " " + request.getUrl();
    String forced = request.containsHeader(HeyMiloSandbox.STATUS_HEADER) ? request.getHeader(HeyMiloSandbox.STATUS_HEADER) : null;
    String body;
    if (definition.getStatus() == 404 || forced == null) {
      body = error("not_found_error", "route_not_found", "No route matches " + route
          + ". The HeyMilo API serves /health and /api/v2/...; check the method and the path.");
    } else {
      body = error("invalid_request_error", "sandbox_status_not_recorded", "The sandbox has no recording of status '" + forced
          + "' for " + route + ": " + HeyMiloSandbox.STATUS_HEADER + " selects only a status the operation documents"
          + " (or the route is unknown).");
    }
    return ResponseDefinitionBuilder.like(definition).withBody(body).build();
  }

  private static String error(String type, String code, String message) {
    return "{\"error\": {\"type\": \"" + type + "\", \"code\": \"" + code + "\", \"message\": \"" + JsonStrings.escape(message)
        + "\", \"param\": null, \"doc_url\": \"https://docs.heymilo.ai/api-reference/errors\", \"errors\": []}}";
  }
}
