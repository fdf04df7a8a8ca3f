package ai.heymilo.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The merged spec that heymilo-spec builds ({@value #RESOURCE} on the class path), read as the
 * list of its operations. Everything the contract tests iterate over comes from here, so a new
 * operation or status in the spec shows up in the tests without editing them.
 */
final class MergedSpec {
  static final String RESOURCE = "/ai/heymilo/spec/openapi.json";
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private static final class Holder {
    static final MergedSpec INSTANCE = new MergedSpec(Json.resourceText(RESOURCE));
  }

  private final String text;
  private final JsonNode root;
  private final List<Operation> operations;

  MergedSpec(String text) {
    this.text = text;
    this.root = Json.parse(text, RESOURCE);
    List<Operation> list = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (String method : METHODS) {
        JsonNode node = path.getValue().get(method);
        if (node != null) {
          list.add(new Operation(this, node.path("operationId").asText(), method.toUpperCase(Locale.ROOT), path.getKey(),
              path.getValue(), node));
        }
      }
    }
    this.operations = Collections.unmodifiableList(list);
  }

  /** The merged spec from the class path, parsed once. */
  static MergedSpec load() {
    return Holder.INSTANCE;
  }

  /** The spec as text, for the schema validator. */
  String text() {
    return text;
  }

  JsonNode root() {
    return root;
  }

  /** Every operation, in spec order. */
  List<Operation> operations() {
    return operations;
  }

  Optional<Operation> operation(String operationId) {
    return operations.stream().filter(op -> op.operationId().equals(operationId)).findFirst();
  }

  /** Every operation × documented status. */
  SortedSet<OperationStatus> pairs() {
    SortedSet<OperationStatus> pairs = new TreeSet<>();
    for (Operation op : operations) {
      for (int status : op.statuses()) {
        pairs.add(new OperationStatus(op.operationId(), status));
      }
    }
    return Collections.unmodifiableSortedSet(pairs);
  }

  /** Resolves a local {@code $ref} ({@code #/components/...}); other nodes are returned as they are. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalStateException("only local references are supported, but found " + ref);
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }

  /** One operation of the spec. */
  static final class Operation {
    private final MergedSpec spec;
    private final String operationId;
    private final String method;
    private final String path;
    private final JsonNode pathItem;
    private final JsonNode node;

    Operation(MergedSpec spec, String operationId, String method, String path, JsonNode pathItem, JsonNode node) {
      this.spec = spec;
      this.operationId = operationId;
      this.method = method;
      this.path = path;
      this.pathItem = pathItem;
      this.node = node;
    }

    String operationId() {
      return operationId;
    }

    /** Upper case, such as {@code GET}. */
    String method() {
      return method;
    }

    /** The path template, such as {@code /api/v2/postings/{posting_id}}. */
    String path() {
      return path;
    }

    JsonNode node() {
      return node;
    }

    /** The JSON pointer of this operation in the spec. */
    String pointer() {
      return "/paths/" + Json.pointerToken(path) + "/" + method.toLowerCase(Locale.ROOT);
    }

    /** The documented statuses, ascending. */
    List<Integer> statuses() {
      List<Integer> statuses = new ArrayList<>();
      node.path("responses").fieldNames().forEachRemaining(code -> statuses.add(Integer.parseInt(code)));
      Collections.sort(statuses);
      return statuses;
    }

    boolean documents(int status) {
      return node.path("responses").has(String.valueOf(status));
    }

    /** The media types the response of {@code status} documents; empty for a response without a body (a 302). */
    Set<String> responseMediaTypes(int status) {
      Set<String> types = new LinkedHashSet<>();
      spec.resolve(node.path("responses").path(String.valueOf(status))).path("content").fieldNames().forEachRemaining(types::add);
      return types;
    }

    /** The pointer of the response schema of {@code status} for {@code mediaType}, if that response documents one. */
    Optional<String> responseSchemaPointer(int status, String mediaType) {
      JsonNode content = spec.resolve(node.path("responses").path(String.valueOf(status))).path("content").path(mediaType);
      if (!content.has("schema")) {
        return Optional.empty();
      }
      return Optional.of(pointer() + "/responses/" + status + "/content/" + Json.pointerToken(mediaType) + "/schema");
    }

    /**
     * The parameters with the pointer of their schema, references resolved: the operation's own and
     * those of its path item that it does not override.
     */
    List<Parameter> parameters() {
      Map<String, Parameter> byLocation = new java.util.LinkedHashMap<>();
      addParameters(byLocation, pathItem.path("parameters"), "/paths/" + Json.pointerToken(path));
      addParameters(byLocation, node.path("parameters"), pointer());
      return new ArrayList<>(byLocation.values());
    }

    private void addParameters(Map<String, Parameter> byLocation, JsonNode declared, String ownerPointer) {
      for (int i = 0; i < declared.size(); i++) {
        JsonNode parameter = spec.resolve(declared.get(i));
        String name = parameter.path("name").asText();
        String in = parameter.path("in").asText();
        // Header names are case-insensitive; the others are not.
        String key = in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name);
        byLocation.put(key, new Parameter(name, in, parameter.path("required").asBoolean(false), parameter.path("schema"),
            ownerPointer + "/parameters/" + i + "/schema"));
      }
    }

    /** The request body, references resolved, or a missing node. */
    JsonNode requestBody() {
      return node.has("requestBody") ? spec.resolve(node.get("requestBody")) : node.path("requestBody");
    }

    /** The pointer of the request body schema for {@code mediaType}, if the operation documents one. */
    Optional<String> requestSchemaPointer(String mediaType) {
      if (!requestBody().path("content").path(mediaType).has("schema")) {
        return Optional.empty();
      }
      return Optional.of(pointer() + "/requestBody/content/" + Json.pointerToken(mediaType) + "/schema");
    }

    /** The security requirement alternatives: the operation's own, else the spec's global ones. */
    JsonNode security() {
      return node.has("security") ? node.get("security") : spec.root().path("security");
    }

    @Override
    public String toString() {
      return operationId + " (" + method + " " + path + ")";
    }
  }

  /** A declared parameter. */
  record Parameter(String name, String in, boolean required, JsonNode schema, String schemaPointer) {}
}
