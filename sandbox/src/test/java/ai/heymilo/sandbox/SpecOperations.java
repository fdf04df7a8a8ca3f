package ai.heymilo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The operations of the merged spec ({@code ai/heymilo/spec/openapi.json} from heymilo-spec), in spec order. */
final class SpecOperations {
  static final String SPEC_RESOURCE = "/ai/heymilo/spec/openapi.json";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  /** One operation: where it lives and what it documents. */
  static final class Operation {
    final String operationId;
    final String method;
    final String path;
    final List<Integer> statuses;
    final List<String> pathParams;
    final Set<String> queryParams;
    final @Nullable String requestSchema;
    final JsonNode node;

    Operation(String operationId, String method, String path, List<Integer> statuses, List<String> pathParams,
        Set<String> queryParams, @Nullable String requestSchema, JsonNode node) {
      this.operationId = operationId;
      this.method = method;
      this.path = path;
      this.statuses = statuses;
      this.pathParams = pathParams;
      this.queryParams = queryParams;
      this.requestSchema = requestSchema;
      this.node = node;
    }

    /** The 2xx status the operation documents. */
    int successStatus() {
      return statuses.stream().filter(s -> s >= 200 && s < 300).findFirst()
          .orElseThrow(() -> new IllegalStateException(operationId + " documents no 2xx status"));
    }

    boolean documents(int status) {
      return statuses.contains(status);
    }

    /** The JSON pointer of the response schema for a status, or null when that response has no JSON body. */
    @Nullable String responseSchemaPointer(int status) {
      JsonNode content = node.path("responses").path(String.valueOf(status)).path("content").path("application/json");
      if (content.isMissingNode() || !content.has("schema")) {
        return null;
      }
      return "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status
          + "/content/application~1json/schema";
    }

    @Override
    public String toString() {
      return method + " " + path + " (" + operationId + ")";
    }
  }

  final JsonNode spec;
  final List<Operation> operations;

  SpecOperations() {
    this(Json.resource(SPEC_RESOURCE));
  }

  SpecOperations(JsonNode spec) {
    this.spec = spec;
    List<Operation> list = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (!METHODS.contains(method.getKey())) {
          continue;
        }
        JsonNode op = method.getValue();
        List<Integer> statuses = new ArrayList<>();
        op.get("responses").fieldNames().forEachRemaining(s -> statuses.add(Integer.parseInt(s)));
        Collections.sort(statuses);
        List<String> pathParams = new ArrayList<>();
        Set<String> queryParams = new LinkedHashSet<>();
        for (JsonNode parameter : op.path("parameters")) {
          String in = parameter.path("in").asText();
          if (in.equals("path")) {
            pathParams.add(parameter.get("name").asText());
          } else if (in.equals("query")) {
            queryParams.add(parameter.get("name").asText());
          }
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema").path("$ref");
        String requestSchema = body.isMissingNode() ? null : body.asText().substring(body.asText().lastIndexOf('/') + 1);
        list.add(new Operation(op.get("operationId").asText(), method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
            Collections.unmodifiableList(statuses), Collections.unmodifiableList(pathParams),
            Collections.unmodifiableSet(queryParams), requestSchema, op));
      }
    }
    this.operations = Collections.unmodifiableList(list);
  }

  Operation get(String operationId) {
    return operations.stream().filter(o -> o.operationId.equals(operationId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the spec has no operation " + operationId));
  }

  /** Every operation × documented status, as {@code operationId status}. */
  Set<String> pairs() {
    Set<String> pairs = new TreeSet<>();
    for (Operation op : operations) {
      for (int status : op.statuses) {
        pairs.add(op.operationId + " " + status);
      }
    }
    return pairs;
  }

  /**
   * The regular expression of an operation's path for WireMock's {@code urlPathPattern}: each
   * parameter is {@code [^/]+}, except that a fixed sibling path (such as {@code /postings/list}
   * beside {@code /postings/{posting_id}}) is excluded from the parameter, and {@code override}
   * replaces the named parameter's expression.
   */
  String pathRegex(Operation op, @Nullable String param, @Nullable String override) {
    String[] segments = op.path.split("/", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 1; i < segments.length; i++) {
      regex.append('/');
      String segment = segments[i];
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String name = segment.substring(1, segment.length() - 1);
        if (name.equals(param) && override != null) {
          regex.append(override);
        } else {
          StringBuilder exclusions = new StringBuilder();
          for (String sibling : fixedSiblings(op.path, i)) {
            exclusions.append(exclusions.length() == 0 ? "" : "|").append(sibling.replaceAll("[^A-Za-z0-9_-]", "\\\\$0"));
          }
          if (exclusions.length() > 0) {
            regex.append("(?!(?:").append(exclusions).append(")$)");
          }
          regex.append("[^/]+");
        }
      } else {
        regex.append(segment.replaceAll("[^A-Za-z0-9_-]", "\\\\$0"));
      }
    }
    return regex.toString();
  }

  /** Literal segments at position {@code index} of paths that equal {@code path} everywhere else but that segment. */
  private Set<String> fixedSiblings(String path, int index) {
    String[] mine = path.split("/", -1);
    Set<String> siblings = new TreeSet<>();
    Iterator<String> names = spec.get("paths").fieldNames();
    while (names.hasNext()) {
      String[] other = names.next().split("/", -1);
      if (other.length != mine.length || other[index].startsWith("{")) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < mine.length && same; i++) {
        same = i == index || mine[i].equals(other[i]) || (mine[i].startsWith("{") && other[i].startsWith("{"));
      }
      if (same) {
        siblings.add(other[index]);
      }
    }
    return siblings;
  }

  /** Escapes a JSON pointer token. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
