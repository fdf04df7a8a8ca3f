package ai.heymilo.sandbox;

import ai.heymilo.spec.operations.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The API's two error shapes: {@code APIErrorResponse} ({@code {"error": {...}}}) and the 422 {@code HTTPValidationError}. */
final class ApiErrors {
  static final String DOC_URL = "https://docs.heymilo.ai/api-reference/errors";

  private ApiErrors() {}

  /** {@code {"error": {type, code, message, param, doc_url, errors: []}}}. */
  static ObjectNode error(String type, String code, String message, @Nullable String param) {
    ObjectNode body = SandboxJson.object();
    ObjectNode error = body.putObject("error");
    error.put("type", type);
    error.put("code", code);
    error.put("message", message);
    if (param == null) {
      error.putNull("param");
    } else {
      error.put("param", param);
    }
    error.put("doc_url", DOC_URL + "#" + code.replace('_', '-'));
    error.putArray("errors");
    return body;
  }

  /** {@code {"detail": [{loc, msg, type, input?, ctx?}, ...]}}, as FastAPI answers a request that fails validation. */
  static ObjectNode validation(List<Violation> violations) {
    ObjectNode body = SandboxJson.object();
    ArrayNode detail = body.putArray("detail");
    for (Violation violation : violations) {
      ObjectNode entry = detail.addObject();
      ArrayNode loc = entry.putArray("loc");
      for (Object part : violation.loc()) {
        if (part instanceof Number) {
          loc.add(((Number) part).longValue());
        } else {
          loc.add(String.valueOf(part));
        }
      }
      entry.put("msg", violation.msg());
      entry.put("type", violation.type());
      JsonNode input = violation.input();
      if (input != null) {
        entry.set("input", input);
      }
      if (!violation.ctx().isEmpty()) {
        entry.set("ctx", SandboxJson.MAPPER.valueToTree(violation.ctx()));
      }
    }
    return body;
  }

  /** A 422 of the sandbox's own rules (not the schema's), such as a reorder that does not list every question. */
  static ObjectNode valueError(List<Object> loc, String message, @Nullable JsonNode input) {
    ObjectNode body = SandboxJson.object();
    ObjectNode entry = body.putArray("detail").addObject();
    ArrayNode location = entry.putArray("loc");
    loc.forEach(part -> {
      if (part instanceof Number) {
        location.add(((Number) part).longValue());
      } else {
        location.add(String.valueOf(part));
      }
    });
    entry.put("msg", "Value error, " + message);
    entry.put("type", "value_error");
    if (input != null) {
      entry.set("input", input);
    }
    entry.putObject("ctx").put("error", message);
    return body;
  }

  /**
   * A realistic body for a status the operation does not document: the API's error shape for 4xx and 5xx, the type
   * and code its other errors use.
   */
  static ObjectNode forStatus(int status, String route) {
    Map.Entry<String, String> kind = kind(status);
    return error(kind.getKey(), kind.getValue(), message(status, route), null);
  }

  private static Map.Entry<String, String> kind(int status) {
    switch (status) {
      case 400: return Map.entry("invalid_request_error", "bad_request");
      case 401: return Map.entry("authentication_error", "invalid_api_key");
      case 403: return Map.entry("permission_error", "forbidden");
      case 404: return Map.entry("not_found_error", "resource_not_found");
      case 405: return Map.entry("invalid_request_error", "method_not_allowed");
      case 409: return Map.entry("conflict_error", "conflict");
      case 413: return Map.entry("invalid_request_error", "payload_too_large");
      case 422: return Map.entry("invalid_request_error", "validation_error");
      case 429: return Map.entry("rate_limit_error", "rate_limit_exceeded");
      case 500: return Map.entry("api_error", "internal_server_error");
      case 502: return Map.entry("api_error", "bad_gateway");
      case 503: return Map.entry("api_error", "service_unavailable");
      case 504: return Map.entry("api_error", "gateway_timeout");
      default:
        return status >= 500 ? Map.entry("api_error", "server_error") : Map.entry("invalid_request_error", "http_" + status);
    }
  }

  private static String message(int status, String route) {
    switch (status) {
      case 401: return "Invalid API key provided. Check the X-API-KEY header.";
      case 403: return "These credentials cannot access " + route + ". Check the key's workspace and permissions.";
      case 404: return "Nothing was found for " + route + ".";
      case 409: return "The request conflicts with the current state of the resource (" + route + "). Fetch it again and retry.";
      case 429: return "Too many requests: the limit is 300 requests per minute per API key. Retry after 1 second.";
      case 500: return "An unexpected error occurred on our side while handling " + route
          + ". Retry the request; if it keeps failing, contact support@heymilo.ai with the X-Request-Id.";
      case 502: return "The API gateway received an invalid response from an upstream service. Retry the request.";
      case 503: return "The service is temporarily unavailable (maintenance or overload). Retry after 1 second.";
      case 504: return "An upstream service did not answer in time while handling " + route + ". Retry the request.";
      default:
        return status >= 500 ? "The server failed to handle " + route + " (HTTP " + status + "). Retry the request."
            : "The request " + route + " failed with HTTP " + status + ".";
    }
  }
}
