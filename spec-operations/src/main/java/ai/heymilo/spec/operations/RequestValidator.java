package ai.heymilo.spec.operations;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks a request against its operation the way the HeyMilo API (FastAPI and pydantic) does before any handler runs:
 * path, query and header parameters are parsed to their declared types and checked against their schemas, a required
 * body must be sent and be JSON, and the body must validate against the request schema. Every problem is reported at
 * once, as the entry of a 422 {@code HTTPValidationError} the API would answer ({@link Violation}: {@code loc},
 * {@code msg}, {@code type}, {@code ctx}).
 *
 * <pre>{@code
 * RequestValidator validator = new RequestValidator(SpecOperations.load());
 * OperationMatch match = spec.match("POST", "/api/v2/postings/13D77095/questions").orElseThrow();
 * validator.validate(match, "", headers, "{\"modality\": \"vioce\", \"text\": \"Hi\"}".getBytes(UTF_8));
 * // [body.modality: Input should be 'voice', 'sms', 'form', 'resume_eligibility', 'resume_scoring' or 'voice_tags' (enum)]
 * }</pre>
 *
 * <p>The schema check is networknt json-schema-validator's; this class turns its findings into the API's shape:
 * a branch that only allows {@code null} is not reported (pydantic reports {@code Optional[int]} as an int), and of a
 * union whose branches each pin a {@code const} on one property (the workflow steps) only the branch that the
 * property selects is reported, with the tag in the location, or {@code union_tag_invalid} if it selects none.
 * Undeclared query parameters and headers are ignored, as the API ignores them. Thread-safe.
 */
public final class RequestValidator {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private final SpecOperations spec;

  /** A validator for the operations of {@code spec}. */
  public RequestValidator(SpecOperations spec) {
    this.spec = spec;
  }

  /**
   * Returns why the API would refuse the request with a 422; empty if it would accept it.
   *
   * @param match the operation and path parameters, from {@link SpecOperations#match}
   * @param rawQuery the query string as sent, without {@code ?} (empty for none)
   * @param headers the request headers; names are matched ignoring case
   * @param body the request body as sent (empty for none)
   */
  public List<Violation> validate(OperationMatch match, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    Operation op = match.operation();
    List<Violation> violations = new ArrayList<>();
    for (Parameter parameter : op.parameters("path")) {
      String value = match.pathParameters().get(parameter.name());
      if (value == null || value.isEmpty()) {
        violations.add(missing(List.of("path", parameter.name()), null));
      } else {
        checkParameter(parameter, value, violations);
      }
    }
    Map<String, List<String>> query = parseQuery(rawQuery);
    for (Parameter parameter : op.parameters("query")) {
      List<String> values = query.get(parameter.name());
      if (values == null) {
        if (parameter.required()) {
          violations.add(missing(List.of("query", parameter.name()), null));
        }
      } else {
        // A scalar parameter sent twice: like Starlette, the last value wins.
        checkParameter(parameter, values.get(values.size() - 1), violations);
      }
    }
    Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.putAll(headers);
    for (Parameter parameter : op.parameters("header")) {
      List<String> values = caseInsensitive.get(parameter.name());
      if (values == null || values.isEmpty()) {
        if (parameter.required()) {
          violations.add(missing(List.of("header", parameter.name().toLowerCase(Locale.ROOT)), null));
        }
      } else {
        checkParameter(parameter, values.get(0), violations);
      }
    }
    checkBody(op, caseInsensitive, body, violations);
    return violations;
  }

  // ---------------------------------------------------------------- parameters

  private void checkParameter(Parameter parameter, String raw, List<Violation> violations) {
    // pydantic names headers in lower case in the location.
    String name = parameter.in().equals("header") ? parameter.name().toLowerCase(Locale.ROOT) : parameter.name();
    List<Object> loc = List.of(parameter.in(), name);
    Set<String> types = new LinkedHashSet<>();
    collectTypes(spec.resolve(parameter.schema()), types);
    types.remove("null");
    JsonNode value = typed(raw, types);
    if (value == null) {
      violations.add(parsingError(loc, raw, types));
      return;
    }
    violations.addAll(translate(spec.schemas().errors(parameter.schemaPointer(), value), loc, value, parameter.schemaPointer()));
  }

  /** The string as the schema declares the value: a number, a boolean, or the string itself; null if it cannot be. */
  private static @Nullable JsonNode typed(String raw, Set<String> types) {
    if (types.contains("integer") && raw.trim().matches("[-+]?\\d+")) {
      return LongNode.valueOf(Long.parseLong(raw.trim().replace("+", "")));
    }
    if (types.contains("number")) {
      try {
        return DecimalNode.valueOf(new BigDecimal(raw.trim()));
      } catch (NumberFormatException notANumber) {
        // Maybe the schema allows another type.
      }
    }
    if (types.contains("boolean")) {
      String lower = raw.trim().toLowerCase(Locale.ROOT);
      if (Set.of("true", "1", "yes", "on", "t", "y").contains(lower)) {
        return BooleanNode.TRUE;
      }
      if (Set.of("false", "0", "no", "off", "f", "n").contains(lower)) {
        return BooleanNode.FALSE;
      }
    }
    if (types.isEmpty() || types.contains("string")) {
      return TextNode.valueOf(raw);
    }
    return null;
  }

  private static Violation parsingError(List<Object> loc, String raw, Set<String> types) {
    TextNode input = TextNode.valueOf(raw);
    if (types.contains("integer")) {
      return violation(loc, "Input should be a valid integer, unable to parse string as an integer", "int_parsing", Map.of(), input);
    }
    if (types.contains("number")) {
      return violation(loc, "Input should be a valid number, unable to parse string as a number", "float_parsing", Map.of(), input);
    }
    return violation(loc, "Input should be a valid boolean, unable to interpret input", "bool_parsing", Map.of(), input);
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

  // ---------------------------------------------------------------- body

  private void checkBody(Operation op, Map<String, List<String>> headers, byte[] body, List<Violation> violations) {
    JsonNode requestBody = op.requestBody();
    if (requestBody.isMissingNode()) {
      return; // The API ignores a body where it takes none.
    }
    if (body.length == 0) {
      if (op.requestBodyRequired()) {
        violations.add(missing(List.of("body"), null));
      }
      return;
    }
    List<String> contentType = headers.get("Content-Type");
    String mediaType = contentType == null || contentType.isEmpty() ? "application/json" : mediaType(contentType.get(0));
    String pointer = op.requestSchemaPointer("application/json").orElse(null);
    if (pointer == null || !(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
      return; // Only JSON bodies are documented; anything else is the server's to refuse, not the schema's.
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      long offset = location == null ? 0 : Math.max(0, location.getCharOffset());
      violations.add(violation(List.of("body", offset), "JSON decode error", "json_invalid",
          Map.of("error", e.getOriginalMessage()), null));
      return;
    }
    violations.addAll(translate(spec.schemas().errors(pointer, json), List.of("body"), json, pointer));
  }

  static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- translation

  /**
   * Turns networknt's errors for {@code instance}, validated against the schema at {@code rootPointer}, into the
   * API's violations located under {@code prefix}.
   */
  private List<Violation> translate(List<Error> errors, List<Object> prefix, JsonNode instance, String rootPointer) {
    Map<String, Violation> unique = new LinkedHashMap<>();
    JsonNode root = spec.root().at(rootPointer);
    for (Error error : errors) {
      if (error.getKeyword().equals("anyOf") || error.getKeyword().equals("oneOf")) {
        continue; // A summary of its branches' errors, which are reported (or dropped) on their own.
      }
      Walk walk = walk(root, error, instance);
      if (walk == null) {
        continue;
      }
      List<Object> loc = new ArrayList<>(prefix);
      loc.addAll(walk.location);
      Violation violation = walk.tagError != null ? located(walk.tagError, loc) : describe(error, walk.schema, loc);
      unique.putIfAbsent(violation.field() + " " + violation.type(), violation);
    }
    return new ArrayList<>(unique.values());
  }

  private static Violation located(Violation template, List<Object> loc) {
    return new Violation(loc, template.msg(), template.type(), template.ctx(), template.input());
  }

  /** Where an error sits (instance location with union tags), the schema holding the failed keyword, or null to drop it. */
  private static final class Walk {
    /** The location as reported: instance names and indexes, with the tags of tagged unions. */
    final List<Object> location = new ArrayList<>();
    /** The instance names and indexes only, to look values up. */
    final List<Object> instancePath = new ArrayList<>();
    JsonNode schema;
    @Nullable Violation tagError;

    Walk(JsonNode schema) {
      this.schema = schema;
    }
  }

  /**
   * Follows the error's evaluation path from the root schema. Returns null for an error inside a branch that is not
   * reported: a null-only branch, or a branch of a tagged union other than the one the tag selects.
   */
  private @Nullable Walk walk(JsonNode root, Error error, JsonNode instance) {
    List<String> path = names(error.getEvaluationPath());
    List<Object> instanceLocation = elements(error.getInstanceLocation());
    Walk walk = new Walk(root);
    int consumed = 0; // Instance location elements matched so far.
    // The last element names the failed keyword; everything before leads to the schema that holds it.
    for (int i = 0; i < path.size() - 1; i++) {
      String step = path.get(i);
      switch (step) {
        case "$ref":
          walk.schema = spec.resolve(walk.schema);
          break;
        case "properties":
        case "patternProperties":
          walk.schema = walk.schema.path(step).path(path.get(++i));
          consumed = consume(walk, instanceLocation, consumed);
          break;
        case "items":
        case "additionalProperties":
          walk.schema = walk.schema.path(step);
          consumed = consume(walk, instanceLocation, consumed);
          break;
        case "prefixItems":
          walk.schema = walk.schema.path(step).path(Integer.parseInt(path.get(++i)));
          consumed = consume(walk, instanceLocation, consumed);
          break;
        case "allOf":
          walk.schema = walk.schema.path(step).path(Integer.parseInt(path.get(++i)));
          break;
        case "anyOf":
        case "oneOf":
          JsonNode branches = walk.schema.path(step);
          int index = Integer.parseInt(path.get(++i));
          JsonNode branch = branches.path(index);
          if (isNullOnly(spec.resolve(branch))) {
            return null;
          }
          String tag = unionTag(branches);
          if (tag != null) {
            JsonNode here = instance.at(pointer(walk.instancePath));
            JsonNode value = here.path(tag);
            int selected = selectedBranch(branches, tag, value);
            if (selected < 0) {
              walk.tagError = tagError(branches, tag, value, here);
              return walk;
            }
            if (selected != index) {
              return null;
            }
            walk.location.add(value.asText()); // pydantic names the chosen member of a tagged union in the location.
          }
          walk.schema = branch;
          break;
        default:
          break; // if/then/else, not, dependentSchemas: keep the schema; the keyword's own node is described.
      }
    }
    walk.schema = spec.resolve(walk.schema);
    // Tags were inserted into the location; the instance location has the rest (for "required": the object itself).
    return walk;
  }

  private static int consume(Walk walk, List<Object> instanceLocation, int consumed) {
    if (consumed < instanceLocation.size()) {
      walk.location.add(instanceLocation.get(consumed));
      walk.instancePath.add(instanceLocation.get(consumed));
    }
    return consumed + 1;
  }

  /** The property every non-null branch pins with a {@code const}, if there is one: the union is tagged by it. */
  private @Nullable String unionTag(JsonNode branches) {
    String tag = null;
    int tagged = 0;
    for (JsonNode raw : branches) {
      JsonNode branch = spec.resolve(raw);
      if (isNullOnly(branch)) {
        continue;
      }
      String found = null;
      for (Iterator<Map.Entry<String, JsonNode>> properties = branch.path("properties").fields(); properties.hasNext(); ) {
        Map.Entry<String, JsonNode> property = properties.next();
        if (spec.resolve(property.getValue()).has("const") && (tag == null || tag.equals(property.getKey()))) {
          found = property.getKey();
          break;
        }
      }
      if (found == null) {
        return null;
      }
      tag = found;
      tagged++;
    }
    return tagged > 1 ? tag : null;
  }

  private int selectedBranch(JsonNode branches, String tag, JsonNode value) {
    for (int i = 0; i < branches.size(); i++) {
      JsonNode constant = spec.resolve(spec.resolve(branches.get(i)).path("properties").path(tag)).path("const");
      if (!constant.isMissingNode() && constant.equals(value)) {
        return i;
      }
    }
    return -1;
  }

  private Violation tagError(JsonNode branches, String tag, JsonNode value, JsonNode input) {
    List<String> expected = new ArrayList<>();
    for (JsonNode raw : branches) {
      JsonNode constant = spec.resolve(spec.resolve(raw).path("properties").path(tag)).path("const");
      if (!constant.isMissingNode()) {
        expected.add("'" + constant.asText() + "'");
      }
    }
    String tags = String.join(", ", expected);
    if (value.isMissingNode() || value.isNull()) {
      return violation(List.of(), "Unable to extract tag using discriminator '" + tag + "'", "union_tag_not_found",
          ctx("discriminator", "'" + tag + "'"), input);
    }
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("discriminator", "'" + tag + "'");
    ctx.put("tag", value.asText());
    ctx.put("expected_tags", tags);
    return violation(List.of(), "Input tag '" + value.asText() + "' found using '" + tag
        + "' does not match any of the expected tags: " + tags, "union_tag_invalid", ctx, input);
  }

  private static boolean isNullOnly(JsonNode schema) {
    return schema.path("type").asText("").equals("null");
  }

  /** The API's message for one failed keyword; {@code schema} is the schema object that holds the keyword. */
  private static Violation describe(Error error, JsonNode schema, List<Object> loc) {
    JsonNode input = error.getInstanceNode();
    String keyword = error.getKeyword();
    switch (keyword) {
      case "required":
        loc.add(error.getProperty() == null ? "?" : error.getProperty());
        return missing(loc, input);
      case "type":
        return typeError(loc, schema, input);
      case "enum": {
        String expected = quotedList(schema.path("enum"));
        return violation(loc, "Input should be " + expected, "enum", ctx("expected", expected), input);
      }
      case "const": {
        String expected = "'" + schema.path("const").asText() + "'";
        return violation(loc, "Input should be " + expected, "literal_error", ctx("expected", expected), input);
      }
      case "minimum":
        return bound(loc, "greater than or equal to", "greater_than_equal", "ge", schema.path(keyword), input);
      case "exclusiveMinimum":
        return bound(loc, "greater than", "greater_than", "gt", schema.path(keyword), input);
      case "maximum":
        return bound(loc, "less than or equal to", "less_than_equal", "le", schema.path(keyword), input);
      case "exclusiveMaximum":
        return bound(loc, "less than", "less_than", "lt", schema.path(keyword), input);
      case "minLength": {
        long limit = schema.path(keyword).asLong();
        return violation(loc, "String should have at least " + plural(limit, "character"), "string_too_short",
            ctx("min_length", limit), input);
      }
      case "maxLength": {
        long limit = schema.path(keyword).asLong();
        return violation(loc, "String should have at most " + plural(limit, "character"), "string_too_long",
            ctx("max_length", limit), input);
      }
      case "minItems":
      case "minProperties":
        return size(loc, "at least", "too_short", "min_length", keyword.equals("minItems") ? "List" : "Dictionary",
            schema.path(keyword).asLong(), input);
      case "maxItems":
      case "maxProperties":
        return size(loc, "at most", "too_long", "max_length", keyword.equals("maxItems") ? "List" : "Dictionary",
            schema.path(keyword).asLong(), input);
      case "pattern": {
        String pattern = schema.path(keyword).asText();
        return violation(loc, "String should match pattern '" + pattern + "'", "string_pattern_mismatch", ctx("pattern", pattern),
            input);
      }
      case "additionalProperties":
      case "unevaluatedProperties":
        if (error.getProperty() != null) {
          loc.add(error.getProperty());
        }
        return violation(loc, "Extra inputs are not permitted", "extra_forbidden", Map.of(), input);
      default:
        return violation(loc, "Value error, " + error.getMessage(), "value_error", Map.of(), input);
    }
  }

  private static Violation typeError(List<Object> loc, JsonNode schema, @Nullable JsonNode input) {
    String expected = "";
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      expected = type.asText();
    } else if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          expected = t.asText();
          break;
        }
      }
    }
    switch (expected) {
      case "string":
        return violation(loc, "Input should be a valid string", "string_type", Map.of(), input);
      case "integer":
        if (input != null && input.isNumber()) {
          return violation(loc, "Input should be a valid integer, got a number with a fractional part", "int_from_float", Map.of(),
              input);
        }
        return violation(loc, "Input should be a valid integer", "int_type", Map.of(), input);
      case "number":
        return violation(loc, "Input should be a valid number", "float_type", Map.of(), input);
      case "boolean":
        return violation(loc, "Input should be a valid boolean", "bool_type", Map.of(), input);
      case "array":
        return violation(loc, "Input should be a valid list", "list_type", Map.of(), input);
      case "object":
        if (schema.has("properties")) {
          return violation(loc, "Input should be a valid dictionary or object to extract fields from", "model_attributes_type",
              Map.of(), input);
        }
        return violation(loc, "Input should be a valid dictionary", "dict_type", Map.of(), input);
      default:
        return violation(loc, "Input should be None", "none_required", Map.of(), input);
    }
  }

  private static Violation bound(List<Object> loc, String words, String type, String key, JsonNode limit, @Nullable JsonNode input) {
    Object value = number(limit);
    return violation(loc, "Input should be " + words + " " + value, type, ctx(key, value), input);
  }

  private static Violation size(List<Object> loc, String words, String type, String key, String fieldType, long limit,
      @Nullable JsonNode input) {
    int actual = input == null ? 0 : input.size();
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("field_type", fieldType);
    ctx.put(key, limit);
    ctx.put("actual_length", actual);
    return violation(loc, fieldType + " should have " + words + " " + plural(limit, "item") + " after validation, not " + actual, type,
        ctx, input);
  }

  /** {@code 5.0} in the document is {@code 5} in the API's messages. */
  private static Object number(JsonNode limit) {
    BigDecimal value = limit.decimalValue();
    return value.stripTrailingZeros().scale() <= 0 ? (Object) value.longValue() : (Object) value.doubleValue();
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** {@code 'voice', 'sms' or 'form'}, as pydantic lists the members of an enum. */
  private static String quotedList(JsonNode values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add("'" + v.asText() + "'"));
    if (quoted.size() < 2) {
      return String.join("", quoted);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
  }

  private static Map<String, Object> ctx(String key, Object value) {
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put(key, value);
    return ctx;
  }

  private static Violation missing(List<Object> loc, @Nullable JsonNode input) {
    return violation(loc, "Field required", "missing", Map.of(), input);
  }

  private static Violation violation(List<Object> loc, String msg, String type, Map<String, Object> ctx, @Nullable JsonNode input) {
    return new Violation(loc, msg, type, ctx, input);
  }

  // ---------------------------------------------------------------- paths

  private static List<String> names(NodePath path) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      names.add(path.getName(i));
    }
    return names;
  }

  private static List<Object> elements(NodePath path) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      elements.add(element instanceof Integer ? element : String.valueOf(element));
    }
    return elements;
  }

  private static String pointer(List<Object> location) {
    StringBuilder pointer = new StringBuilder();
    for (Object part : location) {
      pointer.append('/').append(SpecOperations.pointerToken(String.valueOf(part)));
    }
    return pointer.toString();
  }

  /** {@code a=1&b=x%20y&a=2} → {a: [1, 2], b: [x y]}. */
  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return query;
  }

  /** In a query, {@code +} is a space (form encoding). */
  private static String decodeQuery(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return text; // A stray '%': the API sees the text as sent.
    }
  }

  @Override
  public String toString() {
    return "RequestValidator{" + spec + "}";
  }
}
