package ai.heymilo.it;

import ai.heymilo.spec.operations.Operation;
import ai.heymilo.spec.operations.OperationMatch;
import ai.heymilo.spec.operations.Parameter;
import ai.heymilo.spec.operations.RequestValidator;
import ai.heymilo.spec.operations.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a request as the SDK sent it against the merged spec. What the API itself refuses with a 422 (path, query
 * and header parameters by type and schema, a required body, the body against the request schema) is checked by
 * heymilo-spec-operations' {@link RequestValidator}, the same validator the sandbox answers with; on top, what a
 * well-behaved client must not do although the API would let it pass: query parameters the operation does not
 * declare, a repeated scalar parameter, no credential for the security scheme, a body where the operation takes
 * none, an undocumented Content-Type. Each problem names the operation and the field.
 */
final class SpecRequestValidator {
  private final MergedSpec spec;
  private final RequestValidator validator;

  SpecRequestValidator(MergedSpec spec) {
    this.spec = spec;
    this.validator = new RequestValidator(spec.operationsReader());
  }

  /** The merged spec on the class path. */
  static SpecRequestValidator load() {
    return new SpecRequestValidator(MergedSpec.load());
  }

  /** A request as it went over the wire. Header names are matched ignoring case. */
  record SentRequest(String method, String url, Map<String, List<String>> headers, byte[] body) {
    SentRequest {
      Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      caseInsensitive.putAll(headers);
      headers = caseInsensitive;
      body = body == null ? new byte[0] : body.clone();
    }

    /** The request WireMock received. */
    static SentRequest of(LoggedRequest request) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpHeader header : request.getHeaders().all()) {
        headers.put(header.key(), header.values());
      }
      return new SentRequest(request.getMethod().getName(), request.getUrl(), headers, request.getBody());
    }

    String path() {
      int query = url.indexOf('?');
      return query < 0 ? url : url.substring(0, query);
    }

    String rawQuery() {
      int query = url.indexOf('?');
      return query < 0 ? "" : url.substring(query + 1);
    }

    Optional<String> header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
      return method + " " + url;
    }
  }

  /** What a request was matched to, and what is wrong with it. */
  record Result(Optional<Operation> operation, List<String> problems) {
    boolean valid() {
      return problems.isEmpty();
    }
  }

  Result validate(SentRequest request) {
    Optional<OperationMatch> match = spec.operationsReader().match(request.method(), request.path());
    if (match.isEmpty()) {
      return new Result(Optional.empty(), List.of(request.method() + " " + request.path() + ": " + noOperationReason(request)));
    }
    Operation op = match.get().operation();
    List<String> problems = new ArrayList<>();
    Problems report = (field, message) -> problems.add(op.operationId() + " (" + request + "): " + field + ": " + message);
    for (Violation violation : validator.validate(match.get(), request.rawQuery(), request.headers(), request.body())) {
      report.add(field(violation), violation.msg());
    }
    checkDeclaredQuery(op, request, report);
    checkSecurity(op, request, report);
    checkBodyAllowed(op, request, report);
    return new Result(Optional.of(op), problems);
  }

  @FunctionalInterface
  private interface Problems {
    void add(String field, String message);
  }

  /** {@code query parameter 'limit'}, {@code header 'x-workspace-id'}, {@code body $.workflow[0].type}. */
  private static String field(Violation violation) {
    List<Object> loc = violation.loc();
    String where = String.valueOf(loc.get(0));
    if (where.equals("body")) {
      StringBuilder path = new StringBuilder(loc.size() == 1 ? "body" : "body $");
      for (Object part : loc.subList(1, loc.size())) {
        path.append(part instanceof Integer ? "[" + part + "]" : "." + part);
      }
      return path.toString();
    }
    String name = loc.size() > 1 ? String.valueOf(loc.get(1)) : "?";
    return where.equals("header") ? "header '" + name + "'" : where + " parameter '" + name + "'";
  }

  private String noOperationReason(SentRequest request) {
    Set<String> methods = new TreeSet<>();
    for (Operation op : spec.operationsReader().operationsOnPath(request.path())) {
      methods.add(op.method() + " " + op.path());
    }
    return methods.isEmpty() ? "no operation in the spec has this path"
        : "no " + request.method() + " operation on this path (the spec has " + String.join(", ", methods) + ")";
  }

  private static void checkDeclaredQuery(Operation op, SentRequest request, Problems report) {
    Map<String, List<String>> query = parseQuery(request.rawQuery());
    Map<String, Parameter> declared = new LinkedHashMap<>();
    for (Parameter parameter : op.parameters("query")) {
      declared.put(parameter.name(), parameter);
    }
    for (Map.Entry<String, List<String>> sent : query.entrySet()) {
      String field = "query parameter '" + sent.getKey() + "'";
      Parameter parameter = declared.get(sent.getKey());
      if (parameter == null) {
        report.add(field, "not declared (declared: " + declared.keySet() + ")");
      } else if (sent.getValue().size() > 1 && !parameter.schema().toString().contains("\"array\"")) {
        report.add(field, "sent " + sent.getValue().size() + " times but it is not an array");
      }
    }
  }

  /** At least one of the security alternatives must be satisfied: for the API, an {@code X-API-KEY} header. */
  private void checkSecurity(Operation op, SentRequest request, Problems report) {
    JsonNode alternatives = op.security();
    if (!alternatives.isArray() || alternatives.isEmpty()) {
      return;
    }
    List<String> unmet = new ArrayList<>();
    for (JsonNode alternative : alternatives) {
      List<String> missing = new ArrayList<>();
      for (Iterator<String> names = alternative.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        JsonNode scheme = spec.root().path("components").path("securitySchemes").path(name);
        missing.addAll(missingCredential(name, scheme, request));
      }
      if (missing.isEmpty()) {
        return;
      }
      unmet.add(String.join(" and ", missing));
    }
    report.add("security", "no credential sent: " + String.join(", or ", unmet));
  }

  private static List<String> missingCredential(String name, JsonNode scheme, SentRequest request) {
    String type = scheme.path("type").asText();
    if (type.equals("apiKey")) {
      String in = scheme.path("in").asText();
      String header = scheme.path("name").asText();
      if (!in.equals("header")) {
        return List.of(name + " (an API key in the " + in + ", which this validator does not check)");
      }
      boolean present = request.header(header).filter(v -> !v.isBlank()).isPresent();
      return present ? List.of() : List.of("header " + header + " (" + name + ")");
    }
    if (type.equals("http") && scheme.path("scheme").asText().equalsIgnoreCase("bearer")) {
      boolean present = request.header("Authorization").filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7)).isPresent();
      return present ? List.of() : List.of("Authorization: Bearer … (" + name + ")");
    }
    return List.of(name + " (" + type + ", which this validator does not check)");
  }

  private static void checkBodyAllowed(Operation op, SentRequest request, Problems report) {
    boolean sent = request.body().length > 0;
    if (op.requestBody().isMissingNode()) {
      if (sent) {
        report.add("body", "sent " + request.body().length + " bytes, but the operation takes no request body");
      }
      return;
    }
    if (!sent) {
      return;
    }
    String contentType = request.header("Content-Type").orElse("");
    String mediaType = RecordingValidator.mediaType(contentType);
    if (!op.requestMediaTypes().contains(mediaType)) {
      report.add("header 'Content-Type'", "'" + contentType + "' is not documented for the body (documented: " + op.requestMediaTypes() + ")");
    }
  }

  /** {@code a=1&b=x%20y&a=2} → {a: [1, 2], b: [x y]}. */
  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return query;
  }
}
