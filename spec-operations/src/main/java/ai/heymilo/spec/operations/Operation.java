package ai.heymilo.spec.operations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the document: its route, tag, parameters, documented statuses and the schemas of its request and
 * responses, with every {@code $ref} resolved. Immutable.
 *
 * <pre>{@code
 * Operation op = spec.operation("createPosting").orElseThrow();
 * op.method() + " " + op.path();                       // "POST /api/v2/postings"
 * op.successStatus();                                  // 201
 * op.requestSchemaPointer("application/json");         // Optional["/paths/~1api~1v2~1postings/post/requestBody/content/application~1json/schema"]
 * op.requestSchemaName();                              // Optional["CreatePostingRequest"]
 * }</pre>
 */
public final class Operation {
  private final SpecOperations spec;
  private final String operationId;
  private final String method;
  private final String path;
  private final @Nullable String tag;
  private final JsonNode node;
  private final List<Parameter> parameters;
  private final List<Integer> statuses;

  Operation(SpecOperations spec, String operationId, String method, String path, JsonNode pathItem, JsonNode node) {
    this.spec = spec;
    this.operationId = operationId;
    this.method = method;
    this.path = path;
    JsonNode tags = node.path("tags");
    this.tag = tags.isArray() && tags.size() > 0 ? tags.get(0).asText() : null;
    this.node = node;
    this.parameters = Collections.unmodifiableList(readParameters(pathItem));
    List<Integer> codes = new ArrayList<>();
    node.path("responses").fieldNames().forEachRemaining(code -> {
      try {
        codes.add(Integer.parseInt(code));
      } catch (NumberFormatException rangeOrDefault) {
        // "default" and "4XX" name no single status; only exact codes are documented statuses.
      }
    });
    Collections.sort(codes);
    this.statuses = Collections.unmodifiableList(codes);
  }

  /** The id, such as {@code getPosting}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP method in upper case, such as {@code GET}. */
  public String method() {
    return method;
  }

  /** The path template, such as {@code /api/v2/postings/{posting_id}}. */
  public String path() {
    return path;
  }

  /** The first tag (the API area, such as {@code Interviewers}), if the operation has one. */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /** The operation object as written in the document. */
  public JsonNode node() {
    return node;
  }

  /** The JSON pointer of this operation in the document. */
  public String pointer() {
    return "/paths/" + SpecOperations.pointerToken(path) + "/" + method.toLowerCase(Locale.ROOT);
  }

  /** The declared parameters: the operation's own and those of its path item that it does not override. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The parameters declared in {@code in} ({@code path}, {@code query}, {@code header}), in declaration order. */
  public List<Parameter> parameters(String in) {
    List<Parameter> found = new ArrayList<>();
    for (Parameter parameter : parameters) {
      if (parameter.in().equals(in)) {
        found.add(parameter);
      }
    }
    return found;
  }

  /** The parameter {@code name} declared in {@code in} (header names ignore case). */
  public Optional<Parameter> parameter(String in, String name) {
    for (Parameter parameter : parameters) {
      if (parameter.in().equals(in)
          && (in.equals("header") ? parameter.name().equalsIgnoreCase(name) : parameter.name().equals(name))) {
        return Optional.of(parameter);
      }
    }
    return Optional.empty();
  }

  /** The documented statuses, ascending ({@code default} and ranges such as {@code 4XX} are not statuses). */
  public List<Integer> statuses() {
    return statuses;
  }

  /** Whether {@code status} is documented. */
  public boolean documents(int status) {
    return statuses.contains(status);
  }

  /**
   * The first documented 2xx status.
   *
   * @throws SpecException if the operation documents none
   */
  public int successStatus() {
    for (int status : statuses) {
      if (status >= 200 && status < 300) {
        return status;
      }
    }
    throw new SpecException(this + " documents no 2xx status; add one to its responses", null);
  }

  /** The request body object, references resolved; a missing node when the operation takes no body. */
  public JsonNode requestBody() {
    return node.has("requestBody") ? spec.resolve(node.get("requestBody")) : node.path("requestBody");
  }

  /** Whether the operation declares a request body and marks it required. */
  public boolean requestBodyRequired() {
    return requestBody().path("required").asBoolean(false);
  }

  /** The media types the request body documents, such as {@code application/json}; empty when it takes none. */
  public Set<String> requestMediaTypes() {
    Set<String> types = new LinkedHashSet<>();
    requestBody().path("content").fieldNames().forEachRemaining(types::add);
    return Collections.unmodifiableSet(types);
  }

  /** The pointer of the request body schema for {@code mediaType}, if the operation documents one. */
  public Optional<String> requestSchemaPointer(String mediaType) {
    if (!requestBody().path("content").path(mediaType).has("schema")) {
      return Optional.empty();
    }
    return Optional.of(pointer() + "/requestBody/content/" + SpecOperations.pointerToken(mediaType) + "/schema");
  }

  /** The component name of the JSON request schema ({@code CreatePostingRequest}), if it is a reference to one. */
  public Optional<String> requestSchemaName() {
    return componentName(requestBody().path("content").path("application/json").path("schema"));
  }

  /** The media types the response of {@code status} documents; empty for a response without a body (a 302). */
  public Set<String> responseMediaTypes(int status) {
    Set<String> types = new LinkedHashSet<>();
    response(status).path("content").fieldNames().forEachRemaining(types::add);
    return Collections.unmodifiableSet(types);
  }

  /** The pointer of the response schema of {@code status} for {@code mediaType}, if that response documents one. */
  public Optional<String> responseSchemaPointer(int status, String mediaType) {
    if (!response(status).path("content").path(mediaType).has("schema")) {
      return Optional.empty();
    }
    return Optional.of(pointer() + "/responses/" + status + "/content/" + SpecOperations.pointerToken(mediaType) + "/schema");
  }

  /** The component name of the JSON response schema of {@code status}, if it is a reference to one. */
  public Optional<String> responseSchemaName(int status) {
    return componentName(response(status).path("content").path("application/json").path("schema"));
  }

  /** The security requirement alternatives: the operation's own, else the document's global ones. */
  public JsonNode security() {
    return node.has("security") ? node.get("security") : spec.root().path("security");
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + operationId + ")";
  }

  private JsonNode response(int status) {
    return spec.resolve(node.path("responses").path(String.valueOf(status)));
  }

  private static Optional<String> componentName(JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    String prefix = "#/components/schemas/";
    return ref.startsWith(prefix) ? Optional.of(ref.substring(prefix.length())) : Optional.empty();
  }

  private List<Parameter> readParameters(JsonNode pathItem) {
    Map<String, Parameter> byLocation = new LinkedHashMap<>();
    addParameters(byLocation, pathItem.path("parameters"), "/paths/" + SpecOperations.pointerToken(path));
    addParameters(byLocation, node.path("parameters"), pointer());
    return new ArrayList<>(byLocation.values());
  }

  private void addParameters(Map<String, Parameter> byLocation, JsonNode declared, String ownerPointer) {
    for (int i = 0; i < declared.size(); i++) {
      JsonNode raw = declared.get(i);
      JsonNode parameter = spec.resolve(raw);
      String name = parameter.path("name").asText();
      String in = parameter.path("in").asText();
      // A referenced parameter's schema lives where the reference points, not under the operation.
      String owner = raw.has("$ref") ? raw.get("$ref").asText().substring(1) : ownerPointer + "/parameters/" + i;
      // Header names are case-insensitive; the others are not.
      String key = in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name);
      byLocation.put(key, new Parameter(name, in, in.equals("path") || parameter.path("required").asBoolean(false),
          parameter.path("schema"), owner + "/schema"));
    }
  }
}
