package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Derives the document heymilo-sdk's service layer is generated from (the "service view") from the codegen view
 * and the {@link SdkOverlay}.
 *
 * <p>The service templates ({@code generator-templates/services/}) read only {@code x-heymilo-*} extensions, which
 * this class computes for every operation by rules; the overlay holds the exceptions. The rules:
 *
 * <ul>
 *   <li><b>Resource</b>: the operation's first tag, camel-cased ({@code Phone Numbers} → {@code phoneNumbers});
 *       the operation's tag becomes the resource's Pascal-cased name so the generator writes one service per
 *       resource ({@code PostingsService}). The Retrofit interface stays the one of the original tag.
 *   <li><b>Method</b>: the operationId without the resource's noun, singular or plural, from the resource name or
 *       the original tag ({@code listPostingSummaries} → {@code listSummaries}, {@code updateInterviewerWorkflowStep}
 *       → {@code updateWorkflowStep}); the id itself when nothing is left.
 *   <li><b>Retry class</b>: GET, HEAD, OPTIONS, PUT and DELETE may be repeated; POST and PATCH may not, unless the
 *       overlay says {@code "retry": "safe"}.
 *   <li><b>Result</b>: a {@code {data, meta}} envelope returns its {@code data}; a {@code {data, pagination}}
 *       envelope returns a lazy auto-paging iterable when the operation takes {@code starting_after} (cursor: the
 *       last item's {@code id}, or the overlay's {@code cursor}), else the list of items; a non-JSON binary body
 *       returns bytes (plus an {@code open…} method for a stream); any other JSON body is returned as decoded.
 *   <li><b>Parameters</b>: path parameters are method arguments (checked as ids); query and header parameters
 *       go into one generated params class per operation, named {@code <OperationId>Params}, described here as a
 *       synthetic schema marked {@code x-heymilo-params} (not part of the API).
 * </ul>
 *
 * <p>Every name is checked: two operations of one resource that would get the same method, or a params class that
 * would shadow a schema, fail the build naming both.
 */
public final class ServiceView {
  static final String PAGING_CURSOR = "starting_after";
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Set<String> REPEATABLE = Set.of("get", "head", "options", "put", "delete");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ServiceView() {}

  /** Returns the service view of {@code codegenView}; the argument is not modified. */
  public static ObjectNode transform(ObjectNode codegenView, SdkOverlay overlay) {
    overlay.checkAgainst(codegenView);
    ObjectNode view = codegenView.deepCopy();
    ObjectNode schemas = (ObjectNode) view.path("components").path("schemas");
    Map<String, String> tagDescriptions = new LinkedHashMap<>();
    for (JsonNode tag : view.path("tags")) {
      tagDescriptions.put(tag.path("name").asText(), tag.path("description").asText(""));
    }
    Map<String, ObjectNode> resources = new TreeMap<>();
    Map<String, String> methodOwners = new LinkedHashMap<>();
    Map<String, ObjectNode> paramsSchemas = new LinkedHashMap<>();
    int index = 0;
    for (Map.Entry<String, JsonNode> path : view.path("paths").properties()) {
      for (String httpMethod : METHODS) {
        if (!(path.getValue().get(httpMethod) instanceof ObjectNode operation)) {
          continue;
        }
        Operation op = new Operation(path.getKey(), httpMethod, operation, schemas, overlay);
        op.describe(tagDescriptions.getOrDefault(op.tag, ""));
        String key = op.resource + "." + op.method;
        String previous = methodOwners.putIfAbsent(key, op.id);
        if (previous != null) {
          throw new SpecMergeException("Operations " + previous + " and " + op.id + " would both be " + op.resource + "()."
              + op.method + "(...); give one of them another name in the SDK overlay (operations." + op.id + ".method)");
        }
        resources.computeIfAbsent(op.resource, name -> resourceTag(op));
        ObjectNode params = op.paramsSchema();
        if (params != null) {
          String name = op.extensions.get("x-heymilo-params-class").asText();
          if (schemas.has(name)) {
            throw new SpecMergeException("The params class " + name + " of " + op.id + " would have the name of schema " + name
                + "; rename the operation's method in the SDK overlay");
          }
          paramsSchemas.put(name, params);
        }
        op.extensions.put("x-heymilo-index", index++);
        op.asyncTypes();
        op.extensions.properties().forEach(entry -> operation.set(entry.getKey(), entry.getValue()));
        operation.set("tags", NODES.arrayNode().add(pascalCase(op.resource)));
      }
    }
    paramsSchemas.forEach(schemas::set);
    ArrayNode tags = view.putArray("tags");
    resources.values().forEach(tags::add);
    return view;
  }

  private static ObjectNode resourceTag(Operation op) {
    ObjectNode tag = NODES.objectNode();
    tag.put("name", pascalCase(op.resource));
    tag.put("description", op.extensions.path("x-heymilo-resource-description").asText());
    return tag;
  }

  /** Everything computed for one operation. */
  private static final class Operation {
    final String id;
    final String tag;
    final String resource;
    final String method;
    final ObjectNode operation;
    final ObjectNode extensions = NODES.objectNode();
    private final ObjectNode schemas;
    private final List<ObjectNode> queryAndHeaderParameters = new ArrayList<>();

    Operation(String path, String httpMethod, ObjectNode operation, ObjectNode schemas, SdkOverlay overlay) {
      this.operation = operation;
      this.schemas = schemas;
      this.id = operation.path("operationId").asText();
      this.tag = operation.path("tags").path(0).asText("Default");
      String overlaidResource = overlay.resourceName(tag);
      this.resource = overlaidResource != null ? overlaidResource : camelCase(tag);
      SdkOverlay.OperationEntry entry = overlay.operation(id);
      this.method = entry.method() != null ? entry.method() : methodName(id, resource, tag);
      put("x-heymilo-resource", resource);
      put("x-heymilo-service", pascalCase(resource) + "Service");
      put("x-heymilo-method", method);
      put("x-heymilo-constant", upperSnake(id));
      put("x-heymilo-route", httpMethod.toUpperCase(Locale.ROOT) + " " + path);
      put("x-heymilo-retrofit-api", retrofitApi(tag));
      boolean repeatable = entry.retry() != null ? entry.retry().equals("safe") : REPEATABLE.contains(httpMethod);
      extensions.put("x-heymilo-idempotent", repeatable);
      for (JsonNode parameter : operation.path("parameters")) {
        String in = parameter.path("in").asText();
        if (in.equals("query") || in.equals("header")) {
          queryAndHeaderParameters.add((ObjectNode) parameter);
          ((ObjectNode) parameter).put("x-heymilo-getter", "get" + pascalCase(paramsPropertyName(parameter)));
        }
      }
      result(entry);
      body(entry);
      arguments(entry);
      SdkOverlay.Wait wait = overlay.waitOn(id);
      if (wait != null) {
        waitFor(wait);
      }
    }

    /** The asynchronous twins of the result types: a future, or an asynchronous pager for a paged list. */
    void asyncTypes() {
      String result = extensions.path("x-heymilo-result-type").asText();
      put("x-heymilo-async-result-type", extensions.has("x-heymilo-is-page")
          ? "AsyncPagedIterable<" + extensions.path("x-heymilo-item-type").asText() + ">" : "CompletableFuture<" + result + ">");
      put("x-heymilo-async-raw-type", "CompletableFuture<RawResponse<" + extensions.path("x-heymilo-raw-type").asText() + ">>");
    }

    void describe(String tagDescription) {
      put("x-heymilo-resource-description", tagDescription.isEmpty() ? "The " + tag + " operations." : tagDescription);
    }

    private void put(String key, String value) {
      extensions.put(key, value);
    }

    /** Kind of result, its types, paging and the overlay's {@code returns}. */
    private void result(SdkOverlay.OperationEntry entry) {
      Map.Entry<String, JsonNode> success = successResponse();
      JsonNode content = success == null ? NODES.objectNode() : success.getValue().path("content");
      Map.Entry<String, JsonNode> media = content.properties().stream().findFirst().orElse(null);
      JsonNode schema = media == null ? NODES.objectNode() : media.getValue().path("schema");
      if (media != null && !media.getKey().contains("json") && "binary".equals(schema.path("format").asText())) {
        kind("binary", "okhttp3.ResponseBody", "okhttp3.ResponseBody.class", "byte[]");
        put("x-heymilo-open-method", method.startsWith("get") ? "open" + method.substring(3) : "open" + pascalCase(method));
        return;
      }
      String envelopeType = JavaTypes.of(schema);
      JsonNode target = resolve(schema);
      JsonNode properties = target.path("properties");
      String typeExpression = JavaTypes.typeExpression(envelopeType);
      if (properties.size() == 2 && properties.has("data") && properties.has("pagination")
          && "array".equals(properties.path("data").path("type").asText())) {
        String item = JavaTypes.of(properties.path("data").path("items"));
        put("x-heymilo-item-type", item);
        if (queryAndHeaderParameters.stream().anyMatch(p -> p.path("name").asText().equals(PAGING_CURSOR))) {
          String cursor = entry.cursor() != null ? entry.cursor() : "id";
          JsonNode itemSchema = resolve(properties.path("data").path("items"));
          if (!itemSchema.path("properties").has(cursor)) {
            throw new SpecMergeException("The items of " + id + " (" + item + ") have no property '" + cursor
                + "' to page by; set operations." + id + ".cursor in the SDK overlay to the property holding the cursor");
          }
          put("x-heymilo-cursor-getter", "get" + pascalCase(cursor));
          put("x-heymilo-cursor-setter", camelCase(PAGING_CURSOR));
          kind("page", envelopeType, typeExpression, "PagedIterable<" + item + ">");
        } else {
          kind("items", envelopeType, typeExpression, "java.util.List<" + item + ">");
        }
      } else if (properties.size() == 2 && properties.has("data") && properties.has("meta")) {
        String data = JavaTypes.of(properties.path("data"));
        kind("single", envelopeType, typeExpression, data);
        if (entry.returns() != null) {
          JsonNode dataSchema = resolve(properties.path("data"));
          JsonNode returned = dataSchema.path("properties").get(entry.returns());
          if (returned == null) {
            throw new SpecMergeException("operations." + id + ".returns in the SDK overlay names '" + entry.returns()
                + "', which " + data + " does not have; known: " + String.join(", ", fieldNames(dataSchema.path("properties"))));
          }
          String type = JavaTypes.of(returned);
          put("x-heymilo-returns-getter", "get" + pascalCase(entry.returns()));
          put("x-heymilo-result-type", type);
          put("x-heymilo-raw-type", type);
          put("x-heymilo-returns-empty", JavaTypes.emptyValue(type));
        }
      } else {
        kind("plain", envelopeType, typeExpression, envelopeType);
      }
      if (entry.returns() != null && !extensions.has("x-heymilo-returns-getter")) {
        throw new SpecMergeException("operations." + id + ".returns in the SDK overlay needs a {data, meta} response, but "
            + id + " answers " + envelopeType);
      }
    }

    private void kind(String kind, String envelopeType, String typeExpression, String resultType) {
      put("x-heymilo-kind", kind);
      put("x-heymilo-raw-type", kind.equals("page") ? envelopeType : resultType);
      extensions.put("x-heymilo-is-" + kind, true);
      put("x-heymilo-envelope-type", envelopeType);
      put("x-heymilo-response-type", typeExpression);
      put("x-heymilo-result-type", resultType);
    }

    /**
     * The method's own arguments in order — path parameters, then the body (or the overlay's body property) — as a
     * declaration and as a call: {@code String postingId, UpdatePostingRequest request} / {@code postingId, request};
     * the {@code -leading} variants end with {@code ", "} when not empty, so templates can append more.
     */
    private void arguments(SdkOverlay.OperationEntry entry) {
      List<String> declarations = new ArrayList<>();
      List<String> names = new ArrayList<>();
      ArrayNode javadoc = NODES.arrayNode();
      for (JsonNode parameter : operation.path("parameters")) {
        if (parameter.path("in").asText().equals("path")) {
          String name = camelCase(parameter.path("name").asText());
          declarations.add(JavaTypes.of(parameter.path("schema")) + " " + name);
          names.add(name);
          javadoc.addObject().put("name", name).put("description",
              parameter.path("description").asText("the {@code " + parameter.path("name").asText() + "} path parameter"));
        }
      }
      JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
      if (!bodySchema.isMissingNode()) {
        String bodyClass = JavaTypes.of(bodySchema);
        put("x-heymilo-body-class", bodyClass);
        if (entry.body() != null) {
          String name = extensions.path("x-heymilo-body-name").asText();
          declarations.add(extensions.path("x-heymilo-body-type").asText() + " " + name);
          names.add(name);
          put("x-heymilo-body-arg", name);
          put("x-heymilo-body-expr", "new " + bodyClass + "()." + name + "(Checks.present(\"" + name + "\", " + name + "))");
          javadoc.addObject().put("name", name).put("description", "the request's {@code " + entry.body() + "}");
        } else {
          declarations.add(bodyClass + " request");
          names.add("request");
          put("x-heymilo-body-arg", "request");
          put("x-heymilo-body-expr", "request");
          javadoc.addObject().put("name", "request").put("description", "the request body");
        }
      }
      String declaration = String.join(", ", declarations);
      List<String> types = new ArrayList<>();
      for (String d : declarations) {
        types.add(d.substring(0, d.lastIndexOf(' ')));
      }
      put("x-heymilo-args-types-leading", types.isEmpty() ? "" : String.join(", ", types) + ", ");
      String call = String.join(", ", names);
      put("x-heymilo-args-decl", declaration);
      put("x-heymilo-args", call);
      put("x-heymilo-args-decl-leading", declaration.isEmpty() ? "" : declaration + ", ");
      put("x-heymilo-args-leading", call.isEmpty() ? "" : call + ", ");
      extensions.set("x-heymilo-args-javadoc", javadoc);
    }

    /** The overlay's {@code body}: the method takes one property of the request body instead of the body. */
    private void body(SdkOverlay.OperationEntry entry) {
      if (entry.body() == null) {
        return;
      }
      JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
      JsonNode target = resolve(schema);
      JsonNode property = target.path("properties").get(entry.body());
      if (property == null) {
        throw new SpecMergeException("operations." + id + ".body in the SDK overlay names '" + entry.body() + "', which the "
            + "request body " + JavaTypes.of(schema) + " does not have; known: "
            + String.join(", ", fieldNames(target.path("properties"))));
      }
      put("x-heymilo-body-type", JavaTypes.of(property));
      put("x-heymilo-body-name", camelCase(entry.body()));
    }

    private void waitFor(SdkOverlay.Wait wait) {
      if (!extensions.path("x-heymilo-kind").asText().equals("single")) {
        throw new SpecMergeException("waits." + id + " in the SDK overlay needs an operation answering {data, meta}");
      }
      JsonNode data = resolve(resolve(successSchema()).path("properties").path("data"));
      if (!data.path("properties").has(wait.status())) {
        throw new SpecMergeException("waits." + id + ".status in the SDK overlay names '" + wait.status() + "', which "
            + extensions.path("x-heymilo-result-type").asText() + " does not have; known: "
            + String.join(", ", fieldNames(data.path("properties"))));
      }
      ObjectNode node = NODES.objectNode();
      node.put("method", wait.method());
      node.put("statusGetter", "get" + pascalCase(wait.status()));
      node.put("constant", upperSnake(wait.method()) + "_PENDING_STATUSES");
      node.put("pending", String.join("\", \"", wait.pending()));
      node.put("pendingList", String.join(", ", wait.pending()));
      node.put("describe", describeExpression(wait.describe()));
      extensions.set("x-heymilo-wait", node);
    }

    /** {@code "interview {interview_id} data"} → {@code "interview " + interviewId + " data"}. */
    private String describeExpression(String describe) {
      StringBuilder out = new StringBuilder("\"");
      java.util.regex.Matcher braces = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(describe);
      int last = 0;
      while (braces.find()) {
        String parameter = braces.group(1);
        boolean isPathParameter = false;
        for (JsonNode p : operation.path("parameters")) {
          isPathParameter |= p.path("in").asText().equals("path") && p.path("name").asText().equals(parameter);
        }
        if (!isPathParameter) {
          throw new SpecMergeException("waits." + id + ".describe in the SDK overlay uses {" + parameter
              + "}, which is not a path parameter of " + id);
        }
        out.append(describe, last, braces.start()).append("\" + ").append(camelCase(parameter)).append(" + \"");
        last = braces.end();
      }
      return out.append(describe.substring(last)).append('"').toString().replace(" + \"\"", "");
    }

    /** The synthetic params schema, or null when the operation has no query or header parameter. */
    @Nullable ObjectNode paramsSchema() {
      if (queryAndHeaderParameters.isEmpty()) {
        return null;
      }
      String name = pascalCase(id) + "Params";
      put("x-heymilo-params-class", name);
      ObjectNode schema = NODES.objectNode();
      schema.put("type", "object");
      schema.put("description", "The query" + (queryAndHeaderParameters.stream().anyMatch(p -> p.path("in").asText()
          .equals("header")) ? " and header" : "") + " parameters of {@code " + extensions.path("x-heymilo-route").asText() + "}.");
      ObjectNode marker = schema.putObject("x-heymilo-params");
      marker.put("operation", id);
      marker.put("route", extensions.path("x-heymilo-route").asText());
      marker.put("call", resource + "()." + method);
      ObjectNode properties = schema.putObject("properties");
      for (ObjectNode parameter : queryAndHeaderParameters) {
        String property = paramsPropertyName(parameter);
        ObjectNode propertySchema = parameter.path("schema").isObject() ? ((ObjectNode) parameter.get("schema")).deepCopy()
            : NODES.objectNode();
        String description = parameter.path("description").asText(propertySchema.path("description").asText(""));
        if (!description.isEmpty()) {
          propertySchema.put("description", description);
        }
        ObjectNode marks = NODES.objectNode();
        marks.put("x-heymilo-wire-name", parameter.path("name").asText());
        marks.put("x-heymilo-in", parameter.path("in").asText());
        marks.put("x-heymilo-is-header", parameter.path("in").asText().equals("header"));
        String javaType = JavaTypes.of(propertySchema);
        if (javaType.equals("Long") || javaType.equals("Double")) {
          marks.put("x-heymilo-primitive", javaType.toLowerCase(Locale.ROOT));
          marks.put("x-heymilo-boxed", javaType);
        }
        marks.put("x-heymilo-getter", "get" + pascalCase(property));
        marks.put("x-heymilo-setter", camelCase(property));
        if (parameter.path("name").asText().equals(PAGING_CURSOR) && extensions.has("x-heymilo-cursor-getter")) {
          marks.put("x-heymilo-cursor", true);
        }
        // The generator reads an anyOf [X, null] property as X, extensions included: mark both.
        propertySchema.setAll(marks);
        if (JavaTypes.nonNull(propertySchema) instanceof ObjectNode branch && branch != propertySchema) {
          branch.setAll(marks.deepCopy());
        }
        properties.set(property, propertySchema);
      }
      return schema;
    }

    private Map.@Nullable Entry<String, JsonNode> successResponse() {
      for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
        if (response.getKey().startsWith("2")) {
          return response;
        }
      }
      return null;
    }

    private JsonNode successSchema() {
      Map.Entry<String, JsonNode> success = successResponse();
      return success == null ? NODES.objectNode() : success.getValue().path("content").path("application/json").path("schema");
    }

    /** Follows a {@code $ref} (and an {@code anyOf [X, null]}) to the schema it names. */
    private JsonNode resolve(JsonNode schema) {
      JsonNode current = JavaTypes.nonNull(schema);
      while (current.has("$ref")) {
        String ref = current.get("$ref").asText();
        current = JavaTypes.nonNull(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)));
      }
      return current;
    }
  }

  /** The name a query or header parameter has in a params class: {@code X-Health-Detail} → {@code health_detail}. */
  static String paramsPropertyName(JsonNode parameter) {
    String name = parameter.path("name").asText();
    if (parameter.path("in").asText().equals("header") && name.regionMatches(true, 0, "X-", 0, 2)) {
      name = name.substring(2);
    }
    return name.replace('-', '_').toLowerCase(Locale.ROOT);
  }

  /**
   * The method name rule: {@code operationId} without the resource's noun, singular or plural.
   * {@code createPosting} in {@code postings} → {@code create}.
   */
  static String methodName(String operationId, String resource, String tag) {
    List<String> nouns = new ArrayList<>();
    for (String base : List.of(pascalCase(resource), pascalCase(camelCase(tag)))) {
      nouns.add(base);
      nouns.add(singular(base));
    }
    nouns.sort((a, b) -> b.length() - a.length());
    String pascalId = pascalCase(operationId);
    for (String noun : nouns) {
      int at = wordIndex(pascalId, noun);
      if (at >= 0) {
        String rest = pascalId.substring(0, at) + pascalId.substring(at + noun.length());
        if (!rest.isEmpty()) {
          return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
        }
      }
    }
    return operationId;
  }

  /** The index of {@code word} in {@code pascal} where it starts and ends on camel-case word boundaries, or -1. */
  private static int wordIndex(String pascal, String word) {
    for (int at = pascal.indexOf(word); at >= 0; at = pascal.indexOf(word, at + 1)) {
      int end = at + word.length();
      if (end == pascal.length() || Character.isUpperCase(pascal.charAt(end))) {
        return at;
      }
    }
    return -1;
  }

  /** {@code Postings} → {@code Posting}, {@code Categories} → {@code Category}; anything else unchanged. */
  static String singular(String noun) {
    if (noun.endsWith("ies") && noun.length() > 3) {
      return noun.substring(0, noun.length() - 3) + "y";
    }
    if (noun.endsWith("s") && !noun.endsWith("ss") && noun.length() > 1) {
      return noun.substring(0, noun.length() - 1);
    }
    return noun;
  }

  /** The generator's interface name for a tag: {@code Phone Numbers} → {@code PhoneNumbersApi}, {@code ATS} → {@code AtsApi}. */
  static String retrofitApi(String tag) {
    return pascalCase(camelCase(tag)) + "Api";
  }

  /** {@code Phone Numbers} → {@code phoneNumbers}, {@code ATS} → {@code ats}, {@code list_agent_types} → {@code listAgentTypes}. */
  static String camelCase(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (part.isEmpty()) {
        continue;
      }
      String word = part.equals(part.toUpperCase(Locale.ROOT)) ? part.toLowerCase(Locale.ROOT) : part;
      out.append(out.length() == 0 ? Character.toLowerCase(word.charAt(0)) : Character.toUpperCase(word.charAt(0)))
          .append(word.substring(1));
    }
    return out.toString();
  }

  static String pascalCase(String name) {
    return CodegenView.pascalCase(name);
  }

  /** {@code getPosting} → {@code GET_POSTING}. */
  static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
