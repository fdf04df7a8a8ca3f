package ai.heymilo.it;

import ai.heymilo.it.MergedSpec.Operation;
import ai.heymilo.it.MergedSpec.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
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
 * Checks a request as the SDK sent it against the merged spec: an operation exists for the method
 * and path; its path parameters are present; every query parameter is declared and valid for its
 * schema (integers parse, enums in range, limits within minimum/maximum); required headers and the
 * security scheme's credential ({@code X-API-KEY}) are present; and a JSON body validates against
 * the operation's request schema (OpenAPI 3.1 dialect). Each problem names the operation and the
 * field.
 */
final class SpecRequestValidator {
  private final MergedSpec spec;
  private final SpecSchemas schemas;

  SpecRequestValidator(MergedSpec spec, SpecSchemas schemas) {
    this.spec = spec;
    this.schemas = schemas;
  }

  /** The merged spec on the class path. */
  static SpecRequestValidator load() {
    return new SpecRequestValidator(MergedSpec.load(), SpecSchemas.load());
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
    Optional<Match> match = match(request.method(), request.path());
    if (match.isEmpty()) {
      return new Result(Optional.empty(), List.of(request.method() + " " + request.path() + ": " + noOperationReason(request)));
    }
    Operation op = match.get().operation;
    List<String> problems = new ArrayList<>();
    Problems report = (field, message) -> problems.add(op.operationId() + " (" + request + "): " + field + ": " + message);
    checkPathParameters(op, match.get().pathValues, report);
    checkQueryParameters(op, request, report);
    checkHeaders(op, request, report);
    checkBody(op, request, report);
    return new Result(Optional.of(op), problems);
  }

  @FunctionalInterface
  private interface Problems {
    void add(String field, String message);
  }

  private record Match(Operation operation, Map<String, String> pathValues, int literalSegments) {}

  /** The operation whose template matches; a literal segment beats a parameter ({@code /postings/list}). */
  private Optional<Match> match(String method, String path) {
    Match best = null;
    for (Operation op : spec.operations()) {
      if (!op.method().equalsIgnoreCase(method)) {
        continue;
      }
      Match match = matchTemplate(op, path);
      if (match != null && (best == null || match.literalSegments > best.literalSegments)) {
        best = match;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Match matchTemplate(Operation op, String path) {
    String[] template = op.path().split("/", -1);
    String[] actual = path.split("/", -1);
    if (template.length != actual.length) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    int literals = 0;
    for (int i = 0; i < template.length; i++) {
      String segment = URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8);
      if (template[i].startsWith("{") && template[i].endsWith("}")) {
        values.put(template[i].substring(1, template[i].length() - 1), segment);
      } else if (template[i].equals(segment)) {
        literals++;
      } else {
        return null;
      }
    }
    return new Match(op, values, literals);
  }

  private String noOperationReason(SentRequest request) {
    Set<String> methods = new TreeSet<>();
    for (Operation op : spec.operations()) {
      if (matchTemplate(op, request.path()) != null) {
        methods.add(op.method() + " " + op.path());
      }
    }
    return methods.isEmpty() ? "no operation in the spec has this path"
        : "no " + request.method() + " operation on this path (the spec has " + String.join(", ", methods) + ")";
  }

  private void checkPathParameters(Operation op, Map<String, String> values, Problems report) {
    for (Parameter parameter : op.parameters()) {
      if (!parameter.in().equals("path")) {
        continue;
      }
      String value = values.get(parameter.name());
      if (value == null || value.isEmpty()) {
        report.add("path parameter '" + parameter.name() + "'", "missing (the template is " + op.path() + ")");
      } else {
        checkValue("path parameter '" + parameter.name() + "'", value, parameter, report);
      }
    }
  }

  private void checkQueryParameters(Operation op, SentRequest request, Problems report) {
    Map<String, List<String>> query = parseQuery(request.rawQuery());
    Map<String, Parameter> declared = new LinkedHashMap<>();
    for (Parameter parameter : op.parameters()) {
      if (parameter.in().equals("query")) {
        declared.put(parameter.name(), parameter);
      }
    }
    for (Map.Entry<String, List<String>> sent : query.entrySet()) {
      String field = "query parameter '" + sent.getKey() + "'";
      Parameter parameter = declared.get(sent.getKey());
      if (parameter == null) {
        report.add(field, "not declared (declared: " + declared.keySet() + ")");
        continue;
      }
      if (sent.getValue().size() > 1 && !types(parameter.schema()).contains("array")) {
        report.add(field, "sent " + sent.getValue().size() + " times but it is not an array");
      }
      for (String value : sent.getValue()) {
        checkValue(field, value, parameter, report);
      }
    }
    for (Parameter parameter : declared.values()) {
      if (parameter.required() && !query.containsKey(parameter.name())) {
        report.add("query parameter '" + parameter.name() + "'", "required but not sent");
      }
    }
  }

  private void checkHeaders(Operation op, SentRequest request, Problems report) {
    for (Parameter parameter : op.parameters()) {
      if (!parameter.in().equals("header")) {
        continue;
      }
      Optional<String> value = request.header(parameter.name());
      if (value.isEmpty()) {
        if (parameter.required()) {
          report.add("header '" + parameter.name() + "'", "required but not sent");
        }
      } else {
        checkValue("header '" + parameter.name() + "'", value.get(), parameter, report);
      }
    }
    checkSecurity(op, request, report);
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

  private void checkBody(Operation op, SentRequest request, Problems report) {
    JsonNode requestBody = op.requestBody();
    boolean sent = request.body().length > 0;
    if (requestBody.isMissingNode()) {
      if (sent) {
        report.add("body", "sent " + request.body().length + " bytes, but the operation takes no request body");
      }
      return;
    }
    if (!sent) {
      if (requestBody.path("required").asBoolean(false)) {
        report.add("body", "required but not sent");
      }
      return;
    }
    String contentType = request.header("Content-Type").orElse("");
    String mediaType = RecordingValidator.mediaType(contentType);
    Set<String> documented = new TreeSet<>();
    requestBody.path("content").fieldNames().forEachRemaining(documented::add);
    if (!documented.contains(mediaType)) {
      report.add("header 'Content-Type'", "'" + contentType + "' is not documented for the body (documented: " + documented + ")");
      return;
    }
    Optional<String> schema = op.requestSchemaPointer(mediaType);
    if (!RecordingValidator.isJson(mediaType) || schema.isEmpty()) {
      return;
    }
    JsonNode json;
    try {
      json = Json.parse(request.body(), "the body");
    } catch (IllegalArgumentException e) {
      report.add("body", e.getMessage());
      return;
    }
    for (SpecSchemas.Violation violation : schemas.validate(schema.get(), json)) {
      report.add("body", violation.toString());
    }
  }

  /** Types the value as its schema declares it, then validates it against that schema. */
  private void checkValue(String field, String raw, Parameter parameter, Problems report) {
    Set<String> types = types(parameter.schema());
    JsonNode value = typed(raw, types);
    if (value == null) {
      report.add(field, "'" + raw + "' is not " + (types.contains("integer") ? "an integer" : "a number"));
      return;
    }
    for (SpecSchemas.Violation violation : schemas.validate(parameter.schemaPointer(), value)) {
      report.add(field, "'" + raw + "': " + violation.message());
    }
  }

  /** A string, or what the schema declares the value to be; null if it declares only numbers and this is none. */
  private static JsonNode typed(String raw, Set<String> types) {
    if (types.contains("integer") && raw.matches("-?\\d+")) {
      return LongNode.valueOf(Long.parseLong(raw));
    }
    if (types.contains("number")) {
      try {
        return DecimalNode.valueOf(new BigDecimal(raw));
      } catch (NumberFormatException notANumber) {
        // Fall through: maybe it is allowed as a string too.
      }
    }
    if (types.contains("boolean") && (raw.equals("true") || raw.equals("false"))) {
      return BooleanNode.valueOf(Boolean.parseBoolean(raw));
    }
    boolean numeric = !types.isEmpty() && Set.of("integer", "number").containsAll(types);
    return numeric ? null : TextNode.valueOf(raw);
  }

  /** The non-null types a schema allows, looking through {@code anyOf}/{@code oneOf} ({@code [integer, null]} → integer). */
  private Set<String> types(JsonNode schema) {
    Set<String> types = new TreeSet<>();
    collectTypes(spec.resolve(schema), types);
    types.remove("null");
    return types;
  }

  private void collectTypes(JsonNode schema, Set<String> types) {
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      types.add(type.asText());
    } else if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (schema.has("enum") || schema.has("const")) {
      types.add("string");
    }
    for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
      for (JsonNode branch : schema.path(combinator)) {
        collectTypes(spec.resolve(branch), types);
      }
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
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
