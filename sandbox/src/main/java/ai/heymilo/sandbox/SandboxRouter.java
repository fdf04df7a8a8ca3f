package ai.heymilo.sandbox;

import ai.heymilo.spec.operations.Operation;
import ai.heymilo.spec.operations.OperationMatch;
import ai.heymilo.spec.operations.RequestValidator;
import ai.heymilo.spec.operations.SpecOperations;
import ai.heymilo.spec.operations.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Decides every answer of a sandbox after WireMock has matched a recording (a global
 * {@link ResponseDefinitionTransformerV2}, so the recordings stay plain WireMock mappings):
 *
 * <ol>
 *   <li>faults injected for the operation: a connection reset or a 429 answers at once; a delay is added to
 *       whatever answers;
 *   <li>a status the operation does not document, asked for with {@code X-Sandbox-Status}: that status, with a body
 *       in the API's error shape; an unknown route: 404 {@code route_not_found};
 *   <li>recordings chosen by the key or the status header (401, 429, forced statuses) answer as recorded;
 *   <li>otherwise the request is validated against the spec: any violation answers the API's 422;
 *   <li>then, in {@link SandboxMode#STATEFUL}, the operations that keep state answer from the store; everything else
 *       answers its recording.
 * </ol>
 *
 * Stubs that users add through {@code wireMock()} carry no sandbox metadata and are never touched.
 */
final class SandboxRouter implements ResponseDefinitionTransformerV2 {
  static final String NAME = "heymilo-sandbox-router";
  /** Metadata key of the stubs the sandbox adds itself, naming what they are for. */
  static final String ROLE = "sandboxRole";
  static final String ROLE_UNRECORDED_STATUS = "unrecorded-status";
  static final String ROLE_UNKNOWN_ROUTE = "unknown-route";
  static final String ROLE_VOICE_AUDIO = "voice-audio";

  /** Recordings chosen before validation (the API refuses these requests before it looks at them). */
  private static final Set<String> AS_RECORDED = Set.of("status-header", "missing-credentials", "invalid-api-key",
      "invalid-bearer-token", "rate-limited-api-key", "rate-limited-bearer-token", "poll-counter");
  /** The recordings' own 422 triggers: replay keeps their recorded bodies; the stateful sandbox validates instead. */
  private static final Set<String> RECORDED_VALIDATION = Set.of("limit-too-small", "limit-too-large", "missing-body-field");

  private final SpecOperations spec;
  private final RequestValidator validator;
  private final SandboxMode mode;
  private final boolean validate;
  private final Faults faults;
  private final Templates templates;
  private final @Nullable StatefulApi api;
  private final WebhookDeliveries deliveries;
  private final SecureRandom requestIds = new SecureRandom();

  SandboxRouter(SpecOperations spec, SandboxMode mode, boolean validate, Faults faults, Templates templates, @Nullable StatefulApi api,
      WebhookDeliveries deliveries) {
    this.spec = spec;
    this.validator = new RequestValidator(spec);
    this.mode = mode;
    this.validate = validate;
    this.faults = faults;
    this.templates = templates;
    this.api = api;
    this.deliveries = deliveries;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Metadata metadata = serveEvent.getStubMapping().getMetadata();
    ResponseDefinition recorded = serveEvent.getResponseDefinition();
    if (metadata == null || (!metadata.containsKey("operationId") && !metadata.containsKey(ROLE))
        || ROLE_VOICE_AUDIO.equals(metadata.getString(ROLE, ""))) {
      return recorded; // A stub of the user's, or the audio a redirected preview points to.
    }
    LoggedRequest request = serveEvent.getRequest();
    String url = request.getUrl();
    int queryStart = url.indexOf('?');
    String path = queryStart < 0 ? url : url.substring(0, queryStart);
    String rawQuery = queryStart < 0 ? "" : url.substring(queryStart + 1);
    Optional<OperationMatch> match = spec.match(request.getMethod().value(), path);
    long delay = 0;
    if (match.isPresent()) {
      for (SandboxFault fault : faults.take(match.get().operation().operationId())) {
        switch (fault.kind()) {
          case CONNECTION_RESET:
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
          case RATE_LIMITED:
            return withDelay(rateLimited(match.get().operation(), fault), delay);
          default:
            delay += fault.duration().toMillis();
            break;
        }
      }
    }
    return withDelay(answer(serveEvent.getId(), metadata, recorded, request, match.orElse(null), path, rawQuery), delay);
  }

  private ResponseDefinition answer(UUID serveEventId, Metadata metadata, ResponseDefinition recorded, LoggedRequest request,
      @Nullable OperationMatch match, String path, String rawQuery) {
    String role = metadata.getString(ROLE, "");
    String route = request.getMethod().value() + " " + request.getUrl();
    if (role.equals(ROLE_UNRECORDED_STATUS) && match != null) {
      return forcedStatus(request.getHeader(HeyMiloSandbox.STATUS_HEADER), match.operation(), route);
    }
    if (match == null || role.equals(ROLE_UNKNOWN_ROUTE)) {
      return json(404, ApiErrors.error("not_found_error", "route_not_found", "No route matches " + route
          + ". The HeyMilo API serves /health and /api/v2/...; check the method and the path.", null), null);
    }
    String trigger = metadata.getString("trigger", "");
    if (AS_RECORDED.contains(trigger) || (mode == SandboxMode.REPLAY && RECORDED_VALIDATION.contains(trigger))) {
      return recorded;
    }
    if (validate) {
      List<Violation> violations = validator.validate(match, rawQuery, headers(request), request.getBody());
      if (!violations.isEmpty()) {
        return json(422, ApiErrors.validation(violations), null);
      }
    }
    if (api == null) {
      return recorded;
    }
    JsonNode body = request.getBody().length == 0 ? null : SandboxJson.parse(new String(request.getBody(), StandardCharsets.UTF_8));
    ApiResponse response = api.handle(new ApiRequest(match.operation(), match.pathParameters(), query(rawQuery), body, path));
    if (response == null) {
      return recorded; // No state for this operation: its recording answers.
    }
    deliveries.sendAfterResponse(serveEventId, response.deliveries);
    if (response.recordedFile != null) {
      return json(response.status, templates.file(response.recordedFile), null);
    }
    return json(response.status, response.body, null);
  }

  /** {@code X-Sandbox-Status} with a status the operation does not document: that status, realistically. */
  private ResponseDefinition forcedStatus(@Nullable String header, Operation op, String route) {
    int status;
    try {
      status = Integer.parseInt(header == null ? "" : header.trim());
    } catch (NumberFormatException notANumber) {
      status = -1;
    }
    if (status < 200 || status > 599) {
      return json(400, ApiErrors.error("invalid_request_error", "invalid_sandbox_status", HeyMiloSandbox.STATUS_HEADER
          + " must be an HTTP status from 200 to 599, such as 500, but was '" + header + "'.", HeyMiloSandbox.STATUS_HEADER), null);
    }
    if (status < 300 || status == 304) {
      // An undocumented success or not-modified: the status alone, with the success body where one can be sent.
      boolean bodyless = status == 204 || status == 205 || status == 304;
      String file = op.operationId() + "-" + op.successStatus() + ".json";
      return bodyless || !templates.has(file) ? base(status).build() : json(status, templates.file(file), null);
    }
    if (status < 400) {
      return base(status).build(); // A redirect without a Location: clients return it as it is.
    }
    Map<String, String> extra = new LinkedHashMap<>();
    if (status == 429 || status == 503) {
      extra.put("Retry-After", "1");
    }
    return json(status, ApiErrors.forStatus(status, route), extra);
  }

  private ResponseDefinition rateLimited(Operation op, SandboxFault fault) {
    String file = op.operationId() + "-429.json";
    JsonNode body = op.documents(429) && templates.has(file) ? templates.file(file) : ApiErrors.forStatus(429, op.method() + " " + op.path());
    return json(429, body, Map.of("Retry-After", String.valueOf(fault.duration().getSeconds()), "X-RateLimit-Remaining", "0"));
  }

  private ResponseDefinitionBuilder base(int status) {
    StringBuilder id = new StringBuilder("req_");
    for (int i = 0; i < 24; i++) {
      id.append(Character.forDigit(requestIds.nextInt(16), 16));
    }
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("X-Request-Id", id.toString())
        .withHeader("X-RateLimit-Limit", "300")
        .withHeader("X-RateLimit-Remaining", "299");
  }

  private ResponseDefinition json(int status, @Nullable JsonNode body, @Nullable Map<String, String> extra) {
    ResponseDefinitionBuilder builder = base(status).withHeader("Content-Type", "application/json");
    if (extra != null) {
      extra.forEach(builder::withHeader);
    }
    return builder.withBody(body == null ? "" : SandboxJson.write(body)).build();
  }

  private static ResponseDefinition withDelay(ResponseDefinition definition, long delayMillis) {
    if (delayMillis <= 0) {
      return definition;
    }
    return ResponseDefinitionBuilder.like(definition).withFixedDelay((int) Math.min(Integer.MAX_VALUE, delayMillis)).build();
  }

  private static Map<String, List<String>> headers(LoggedRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), header.values());
    }
    return headers;
  }

  private static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      query.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
    }
    return query;
  }

  private static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return text;
    }
  }
}
