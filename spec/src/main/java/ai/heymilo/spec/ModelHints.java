package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The last step of the {@link CodegenView}: checks that every schema has a shape the generated
 * models and their JSON core can decode, and adds the {@code x-heymilo-*} extensions the model
 * templates read. It changes nothing else — only extensions are added, never a keyword.
 *
 * <p>Extensions, on each property schema (and, for {@code anyOf [T, null]}, also on the {@code T}
 * branch, since the generator may read either):
 *
 * <ul>
 *   <li>{@value #ITEM_NAME} (array properties): the singular name the list adder is named after,
 *       {@code questions} → {@code question} ({@code addQuestion}), {@code criteria} →
 *       {@code criterion}. A name that is not an English plural is named after the item schema
 *       ({@code scorecard} of {@code ScorecardQuestion} → {@code scorecard_question}), else kept.
 *       A value already present (from the SDK overlay) is respected. Two lists of one schema with
 *       the same item name fail the build.
 *   <li>{@value #EPOCH_SECONDS} ({@code true}; integer and number properties whose name ends in
 *       {@code _at} or whose description says "Unix timestamp"): the model gets an
 *       {@code Instant} getter and setter beside the raw number.
 *   <li>{@value #RULES}: the property's checkable rules as {@code [{"rule": "maxLength", "value": "200"}, …]}
 *       for {@code ApiObject.violations()}: {@code minLength}, {@code maxLength} (strings),
 *       {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum}
 *       (numbers), {@code minItems}, {@code maxItems} (arrays), read through {@code anyOf [T, null]}
 *       where the generator would not see them; and the keys of an {@value #LIMITS} object
 *       ({@code maxEntries}, {@code maxKeyLength}, {@code maxValueLength}) on a map property.
 *       Values are Java literals.
 *   <li>{@value #PERSONAL} ({@code true}): the property holds a candidate's personal data, which the
 *       models' {@code toString()}, the SDK's logs and its exception messages mask. By name: first,
 *       last, middle or full names, email addresses, phone numbers, transcripts, a candidate's answer or
 *       response text, resumes and their links, postal addresses, LinkedIn profiles, birth dates and
 *       audio or video recordings — the name itself or its last words ({@code candidate_email});
 *       a plain {@code name} only in a schema that also has an email address or phone number (a
 *       person, not a posting). A property whose value is a model ({@code resume} of
 *       {@code ResumeResult}) is not masked as a whole: that model's own properties are judged. A
 *       value already present (from the SDK overlay, {@code true} or {@code false}) is respected.
 * </ul>
 *
 * <p>Shapes that fail the build, naming the schema and property, because the generated Java
 * would lose or misread data: a {@code oneOf}/{@code anyOf} of several alternatives that is not a
 * discriminated union (the view has already named those and relaxed untyped ones); a type array
 * of several types; an {@code allOf} of several schemas; an enum of non-strings; a tuple
 * ({@code prefixItems}); an integer format other than int32/int64 or a number format other than
 * float/double; a malformed {@value #LIMITS}. Supported string formats: {@code date-time},
 * {@code date}, {@code uuid}, {@code uri}, {@code byte}, {@code binary}; any other stays a string.
 */
final class ModelHints {
  static final String ITEM_NAME = "x-heymilo-item-name";
  static final String EPOCH_SECONDS = "x-heymilo-epoch-seconds";
  static final String RULES = "x-heymilo-rules";
  static final String LIMITS = "x-heymilo-limits";
  static final String PERSONAL = "x-heymilo-personal";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Set<String> LIMIT_KEYS = Set.of("maxEntries", "maxKeyLength", "maxValueLength");
  private static final Set<String> INTEGER_FORMATS = Set.of("int32", "int64");
  private static final Set<String> NUMBER_FORMATS = Set.of("float", "double");
  private static final String CONTACT = "e_?mail\\d*|phone(_number)?\\d*|mobile(_number)?";
  private static final Pattern PERSONAL_NAME = Pattern.compile("(.*_)?(" + CONTACT
      + "|(first|last|middle|full|given|family|preferred)_name|transcripts?|candidate_answer|answer_text|response_text"
      + "|resume(_url|_link|_text)?|(home_|postal_|street_)?address|linkedin(_url|_profile)?|date_of_birth"
      + "|(audio|video)_recording(_url|_link)?)");
  private static final Pattern CONTACT_NAME = Pattern.compile("(.*_)?(" + CONTACT + ")");
  private static final Pattern UNIX_TIMESTAMP = Pattern.compile("(?i)\\bunix timestamp\\b");
  private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final Map<String, String> IRREGULAR_PLURALS = Map.ofEntries(
      Map.entry("criteria", "criterion"), Map.entry("phenomena", "phenomenon"), Map.entry("indices", "index"),
      Map.entry("matrices", "matrix"), Map.entry("vertices", "vertex"), Map.entry("people", "person"),
      Map.entry("children", "child"), Map.entry("men", "man"), Map.entry("women", "woman"),
      Map.entry("analyses", "analysis"), Map.entry("statuses", "status"), Map.entry("aliases", "alias"),
      Map.entry("addresses", "address"), Map.entry("responses", "response"), Map.entry("bases", "base"));
  /** Words that end like plurals but are not, or have no singular worth naming a method after. */
  private static final Set<String> NOT_PLURAL = Set.of("data", "metadata", "status", "news", "series", "species", "analysis",
      "basis", "axis", "bus", "alias", "canvas", "access", "process", "address", "success", "class", "always", "has", "is", "was", "its");

  private ModelHints() {}

  /**
   * Checks and annotates every object schema of {@code view}: components and the inline request and
   * response schemas of operations.
   *
   * @throws SpecMergeException naming the schema and property whose shape the models cannot hold
   */
  static void apply(ObjectNode view) {
    for (Map.Entry<String, JsonNode> schema : fields(view.path("components").path("schemas"))) {
      checkComponent(schema.getKey(), schema.getValue());
      visitSchema(schema.getKey(), schema.getValue());
    }
    for (Map.Entry<String, JsonNode> path : fields(view.path("paths"))) {
      for (String method : METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation == null) {
          continue;
        }
        String where = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
        for (JsonNode media : operation.path("requestBody").path("content")) {
          visitSchema(where + " request body", media.path("schema"));
        }
        for (Map.Entry<String, JsonNode> response : fields(operation.path("responses"))) {
          for (JsonNode media : response.getValue().path("content")) {
            visitSchema(where + " response " + response.getKey(), media.path("schema"));
          }
        }
      }
    }
  }

  /** Checks what a component itself is: an enum, a discriminated union, an object. */
  private static void checkComponent(String name, JsonNode schema) {
    if (schema.has("discriminator")) {
      return; // a union the view named; its branches are component references
    }
    checkShape("schema " + name, schema);
  }

  /** Annotates the properties of an object schema and of the inline objects inside it. */
  private static void visitSchema(String name, JsonNode schema) {
    if (!(schema instanceof ObjectNode)) {
      return;
    }
    JsonNode properties = schema.get("properties");
    if (properties instanceof ObjectNode) {
      Map<String, String> itemNames = new HashMap<>();
      boolean person = false;
      for (Map.Entry<String, JsonNode> property : fields(properties)) {
        person |= CONTACT_NAME.matcher(property.getKey()).matches();
      }
      for (Map.Entry<String, JsonNode> property : fields(properties)) {
        if (property.getValue() instanceof ObjectNode) {
          annotate(name, property.getKey(), (ObjectNode) property.getValue(), itemNames, person);
        }
      }
    }
    for (String key : List.of("items", "additionalProperties")) {
      visitSchema(name, schema.get(key));
    }
    for (String key : List.of("anyOf", "oneOf", "allOf")) {
      for (JsonNode branch : schema.path(key)) {
        visitSchema(name, branch);
      }
    }
  }

  private static void annotate(String schema, String property, ObjectNode node, Map<String, String> itemNames,
      boolean inPerson) {
    String where = "schema " + schema + ", property " + property;
    checkShape(where, node);
    ObjectNode core = nonNullBranch(where, node);
    String type = typeOf(core);
    List<ObjectNode> targets = core == node ? List.of(node) : List.of(node, core);

    if ("array".equals(type)) {
      String itemName = node.hasNonNull(ITEM_NAME) ? node.get(ITEM_NAME).asText()
          : core.hasNonNull(ITEM_NAME) ? core.get(ITEM_NAME).asText() : itemName(property, core.path("items"));
      String other = itemNames.put(itemName, property);
      if (other != null) {
        throw new SpecMergeException("Codegen view: schema " + schema + ": the lists '" + other + "' and '" + property
            + "' would both get the adder for items named '" + itemName + "'; set " + ITEM_NAME
            + " on one of them in the SDK overlay");
      }
      for (ObjectNode target : targets) {
        target.put(ITEM_NAME, itemName);
      }
    }
    if (("integer".equals(type) || "number".equals(type))
        && (property.endsWith("_at") || UNIX_TIMESTAMP.matcher(node.path("description").asText("")
            + " " + core.path("description").asText("")).find())) {
      for (ObjectNode target : targets) {
        target.put(EPOCH_SECONDS, true);
      }
    }
    JsonNode personal = node.has(PERSONAL) ? node.get(PERSONAL) : core.get(PERSONAL);
    boolean isPersonal = personal != null ? personal.asBoolean()
        : !core.has("$ref") && !core.has("properties") && (PERSONAL_NAME.matcher(property).matches() || inPerson && property.equals("name"));
    if (isPersonal) {
      for (ObjectNode target : targets) {
        target.put(PERSONAL, true);
      }
    }
    ArrayNode rules = rules(where, type, node, core);
    if (!rules.isEmpty()) {
      for (ObjectNode target : targets) {
        target.set(RULES, rules.deepCopy());
      }
    }
    visitSchema(schema + "." + property, core);
  }

  /** The rules {@code ApiObject.violations()} checks, from the keywords that apply to {@code type}. */
  private static ArrayNode rules(String where, @Nullable String type, ObjectNode node, ObjectNode core) {
    ArrayNode rules = NODES.arrayNode();
    if ("string".equals(type)) {
      intRule(rules, core, "minLength");
      intRule(rules, core, "maxLength");
    } else if ("integer".equals(type) || "number".equals(type)) {
      numberRule(rules, core, "minimum", "exclusiveMinimum");
      numberRule(rules, core, "maximum", "exclusiveMaximum");
    } else if ("array".equals(type)) {
      intRule(rules, core, "minItems");
      intRule(rules, core, "maxItems");
    }
    JsonNode limits = node.has(LIMITS) ? node.get(LIMITS) : core.get(LIMITS);
    if (limits != null) {
      boolean map = "object".equals(type) && !core.has("properties");
      if (!map || !(limits instanceof ObjectNode) || limits.isEmpty()) {
        throw new SpecMergeException("Codegen view: " + where + ": " + LIMITS + " must be an object of "
            + new java.util.TreeSet<>(LIMIT_KEYS) + " on a map property (an object with additionalProperties), but was "
            + limits + " on " + (type == null ? "a schema without a type" : "object".equals(type) ? "an object with properties" : "a " + type));
      }
      for (Map.Entry<String, JsonNode> limit : fields(limits)) {
        if (!LIMIT_KEYS.contains(limit.getKey()) || !limit.getValue().canConvertToInt() || limit.getValue().asInt() < 0
            || !limit.getValue().isIntegralNumber()) {
          throw new SpecMergeException("Codegen view: " + where + ": " + LIMITS + " has '" + limit.getKey() + "': "
              + limit.getValue() + "; its keys are " + new java.util.TreeSet<>(LIMIT_KEYS) + ", each a non-negative integer");
        }
        rules.add(rule(limit.getKey(), String.valueOf(limit.getValue().asInt())));
      }
    }
    return rules;
  }

  private static void intRule(ArrayNode rules, JsonNode schema, String keyword) {
    JsonNode value = schema.get(keyword);
    if (value != null && value.canConvertToInt()) {
      rules.add(rule(keyword, String.valueOf(value.asInt())));
    }
  }

  /** OpenAPI 3.1 writes {@code exclusiveMinimum: 0}; 3.0 wrote {@code minimum: 0, exclusiveMinimum: true}. */
  private static void numberRule(ArrayNode rules, JsonNode schema, String inclusive, String exclusive) {
    JsonNode bound = schema.get(inclusive);
    JsonNode flag = schema.get(exclusive);
    if (flag != null && flag.isNumber()) {
      rules.add(rule(exclusive, String.valueOf(flag.asDouble())));
    }
    if (bound != null && bound.isNumber()) {
      rules.add(rule(flag != null && flag.asBoolean(false) ? exclusive : inclusive, String.valueOf(bound.asDouble())));
    }
  }

  private static ObjectNode rule(String name, String value) {
    ObjectNode rule = NODES.objectNode();
    rule.put("rule", name);
    rule.put("value", value);
    return rule;
  }

  // --- shapes ------------------------------------------------------------------------------

  /**
   * Fails unless {@code schema} (and what it nests) is a shape the models decode: a reference, any
   * value, a string (enum), an integer, a number, a boolean, an array or an object/map of those.
   */
  private static void checkShape(String where, JsonNode schema) {
    if (!(schema instanceof ObjectNode) || schema.has("$ref")) {
      return;
    }
    ObjectNode core = nonNullBranch(where, (ObjectNode) schema);
    if (core.has("$ref")) {
      return;
    }
    JsonNode allOf = core.get("allOf");
    if (allOf != null) {
      if (allOf.size() != 1) {
        throw unsupported(where, "an allOf of " + allOf.size() + " schemas",
            "merge them into one object schema in the codegen view");
      }
      checkShape(where, allOf.get(0));
    }
    if (core.has("prefixItems")) {
      throw unsupported(where, "a tuple (prefixItems)", "describe it as an array of one item schema");
    }
    String type = typeOf(core);
    JsonNode values = core.get("enum");
    if (values != null && !"string".equals(type) && type != null) {
      throw unsupported(where, "an enum of " + type + " values " + values, "the open enums carry string values; make it a string enum");
    }
    if (values != null) {
      for (JsonNode value : values) {
        if (!value.isTextual() && !value.isNull()) {
          throw unsupported(where, "an enum with the non-string value " + value, "the open enums carry string values");
        }
      }
    }
    String format = core.path("format").asText(null);
    if ("integer".equals(type) && format != null && !INTEGER_FORMATS.contains(format)) {
      throw unsupported(where, "an integer of format '" + format + "'", "use int32 or int64 (both become Long)");
    }
    if ("number".equals(type) && format != null && !NUMBER_FORMATS.contains(format)) {
      throw unsupported(where, "a number of format '" + format + "'", "use float or double (both become Double)");
    }
    if ("array".equals(type) || (type == null && core.has("items"))) {
      checkShape(where + "[]", core.get("items"));
    }
    JsonNode additional = core.get("additionalProperties");
    if (additional instanceof ObjectNode) {
      checkShape(where + "{}", additional);
    }
  }

  /**
   * The one non-null alternative of {@code anyOf [T, null]} (or {@code type: [T, "null"]}), or the
   * schema itself when it is not such a union.
   */
  private static ObjectNode nonNullBranch(String where, ObjectNode schema) {
    for (String key : List.of("anyOf", "oneOf")) {
      JsonNode branches = schema.get(key);
      if (branches == null) {
        continue;
      }
      List<ObjectNode> alternatives = new ArrayList<>();
      for (JsonNode branch : branches) {
        if (branch instanceof ObjectNode && !"null".equals(branch.path("type").asText())) {
          alternatives.add((ObjectNode) branch);
        }
      }
      if (alternatives.size() > 1) {
        throw unsupported(where, "a " + key + " of " + alternatives.size() + " alternatives " + describe(alternatives)
            + " without a discriminator", "give each branch a const on one shared property (a discriminated union), "
            + "or reduce it to one type or to {} (any value) in the codegen view");
      }
      return alternatives.isEmpty() ? NODES.objectNode() : nonNullBranch(where, alternatives.get(0));
    }
    JsonNode type = schema.get("type");
    if (type instanceof ArrayNode) {
      List<String> types = new ArrayList<>();
      for (JsonNode each : type) {
        if (!"null".equals(each.asText())) {
          types.add(each.asText());
        }
      }
      if (types.size() > 1) {
        throw unsupported(where, "a type array of " + types, "a property must have one type besides null");
      }
      ObjectNode single = schema.deepCopy();
      if (types.isEmpty()) {
        single.remove("type");
      } else {
        single.put("type", types.get(0));
      }
      return single;
    }
    return schema;
  }

  private static String describe(List<ObjectNode> alternatives) {
    List<String> names = new ArrayList<>();
    for (ObjectNode alternative : alternatives) {
      String ref = alternative.path("$ref").asText("");
      names.add(ref.isEmpty() ? alternative.path("type").asText("{…}") : ref.substring(ref.lastIndexOf('/') + 1));
    }
    return names.toString();
  }

  private static @Nullable String typeOf(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      return type.asText();
    }
    if (schema.has("properties") || schema.has("additionalProperties")) {
      return "object";
    }
    if (schema.has("items")) {
      return "array";
    }
    return null;
  }

  private static SpecMergeException unsupported(String where, String shape, String fix) {
    return new SpecMergeException("Codegen view: " + where + " is " + shape
        + ", which the generated models cannot decode without losing data; " + fix + ".");
  }

  // --- item names --------------------------------------------------------------------------

  /** The singular item name of a list property; see {@link #ITEM_NAME}. */
  static String itemName(String property, JsonNode items) {
    String[] words = property.split("_");
    for (int i = words.length - 1; i >= 0; i--) {
      String singular = singular(words[i]);
      if (singular != null) {
        words[i] = singular;
        return String.join("_", words);
      }
    }
    String ref = items.path("$ref").asText("");
    if (ref.startsWith("#/components/schemas/")) {
      String fromSchema = schemaNoun(ref.substring("#/components/schemas/".length()));
      if (!fromSchema.isEmpty()) {
        return fromSchema;
      }
    }
    return property;
  }

  /** The singular of an English plural, or null if {@code word} is not recognisably plural. */
  static @Nullable String singular(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (IRREGULAR_PLURALS.containsKey(lower)) {
      return IRREGULAR_PLURALS.get(lower);
    }
    if (NOT_PLURAL.contains(lower) || lower.length() < 3 || !lower.endsWith("s") || lower.endsWith("ss")
        || lower.endsWith("us") || lower.endsWith("is")) {
      return null;
    }
    if (lower.endsWith("ies")) {
      return lower.substring(0, lower.length() - 3) + "y";
    }
    if (lower.endsWith("ches") || lower.endsWith("shes") || lower.endsWith("xes") || lower.endsWith("sses")) {
      return lower.substring(0, lower.length() - 2);
    }
    return lower.substring(0, lower.length() - 1);
  }

  /** {@code CreateWorkflowStep} → {@code workflow_step}, {@code PostingResponse} → {@code posting}. */
  private static String schemaNoun(String schemaName) {
    String name = schemaName.replaceAll("[^A-Za-z0-9]", "");
    for (String prefix : List.of("Create", "Update", "Patch")) {
      if (name.startsWith(prefix) && name.length() > prefix.length() && Character.isUpperCase(name.charAt(prefix.length()))) {
        name = name.substring(prefix.length());
      }
    }
    for (String suffix : List.of("Item", "Request", "Response")) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        name = name.substring(0, name.length() - suffix.length());
      }
    }
    return WORD_BOUNDARY.matcher(name).replaceAll("_").toLowerCase(Locale.ROOT);
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node.isObject() ? new ArrayList<>(node.properties()) : List.of();
  }
}
