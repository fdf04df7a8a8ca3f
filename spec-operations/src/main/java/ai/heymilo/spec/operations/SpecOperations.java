package ai.heymilo.spec.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An OpenAPI 3.1 document read as the list of its operations, in document order. Immutable and thread-safe; the
 * merged HeyMilo spec is read once per class loader by {@link #load()}.
 *
 * <pre>{@code
 * SpecOperations spec = SpecOperations.load();
 * for (Operation op : spec.operations()) {
 *   System.out.println(op.method() + " " + op.path() + " " + op.statuses());   // GET /api/v2/postings [200, 401, 404, 422, 429]
 * }
 * spec.match("GET", "/api/v2/postings/list").orElseThrow().operation().operationId();   // "listPostingSummaries"
 * }</pre>
 */
public final class SpecOperations {
  /** Where heymilo-spec puts the merged spec on the class path. */
  public static final String MERGED_SPEC_RESOURCE = "/ai/heymilo/spec/openapi.json";

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The merged spec, read on first use: parsing 450 kB and compiling schemas is worth doing once. */
  private static final class Merged {
    static final SpecOperations INSTANCE = fromResource(MERGED_SPEC_RESOURCE);
  }

  private final String text;
  private final JsonNode root;
  private final List<Operation> operations;
  private final Map<String, Operation> byId;
  private final SchemaValidator schemas;

  private SpecOperations(String text, JsonNode root, String name) {
    this.text = text;
    this.root = root;
    List<Operation> list = new ArrayList<>();
    Map<String, Operation> ids = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode node = path.getValue().get(method);
        if (node == null) {
          continue;
        }
        String id = node.path("operationId").asText("");
        if (id.isEmpty()) {
          throw new SpecException(name + ": " + method.toUpperCase(Locale.ROOT) + " " + path.getKey()
              + " has no operationId; every operation needs one", null);
        }
        Operation op = new Operation(this, id, method.toUpperCase(Locale.ROOT), path.getKey(), path.getValue(), node);
        if (ids.put(id, op) != null) {
          throw new SpecException(name + ": operationId '" + id + "' is used twice; operation ids must be unique", null);
        }
        list.add(op);
      }
    }
    this.operations = Collections.unmodifiableList(list);
    this.byId = Collections.unmodifiableMap(ids);
    this.schemas = new SchemaValidator(this);
  }

  /**
   * The merged HeyMilo spec ({@value #MERGED_SPEC_RESOURCE}, shipped by heymilo-spec), read once.
   *
   * @throws SpecException if it is not on the class path or cannot be read
   */
  public static SpecOperations load() {
    if (SpecOperations.class.getResource(MERGED_SPEC_RESOURCE) == null) {
      // Checked before the holder is touched, so a missing dependency is this message, not an initializer error.
      throw new SpecException(MERGED_SPEC_RESOURCE + " is not on the class path; add ai.heymilo:heymilo-spec to the dependencies",
          null);
    }
    return Merged.INSTANCE;
  }

  /**
   * Reads a document from JSON text.
   *
   * @throws SpecException if the text is not a JSON object or an operation lacks its {@code operationId}
   */
  public static SpecOperations parse(String text) {
    return parse(text, "the OpenAPI document");
  }

  private static SpecOperations parse(String text, String name) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SpecException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new SpecException(name + " is not an OpenAPI document: expected a JSON object at the top level", null);
    }
    return new SpecOperations(text, root, name);
  }

  private static SpecOperations fromResource(String resource) {
    try (InputStream in = SpecOperations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new SpecException(resource + " is not on the class path; add ai.heymilo:heymilo-spec to the dependencies", null);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new SpecException("Could not read " + resource + ": " + e.getMessage(), e);
    }
  }

  /** Every operation, in document order. */
  public List<Operation> operations() {
    return operations;
  }

  /** The operation with this id. */
  public Optional<Operation> operation(String operationId) {
    return Optional.ofNullable(byId.get(operationId));
  }

  /**
   * The operation that serves {@code method} on {@code path} (a request path as sent: no query, percent-encoding
   * allowed). A literal segment beats a parameter: {@code /api/v2/postings/list} is {@code listPostingSummaries}, not
   * {@code getPosting}.
   */
  public Optional<OperationMatch> match(String method, String path) {
    OperationMatch best = null;
    int bestLiterals = -1;
    String[] actual = path.split("/", -1);
    for (Operation op : operations) {
      if (!op.method().equalsIgnoreCase(method)) {
        continue;
      }
      String[] template = op.path().split("/", -1);
      if (template.length != actual.length) {
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      int literals = 0;
      boolean matches = true;
      for (int i = 0; i < template.length && matches; i++) {
        String segment = decode(actual[i]);
        if (template[i].startsWith("{") && template[i].endsWith("}")) {
          matches = !segment.isEmpty();
          values.put(template[i].substring(1, template[i].length() - 1), segment);
        } else if (template[i].equals(segment)) {
          literals++;
        } else {
          matches = false;
        }
      }
      if (matches && literals > bestLiterals) {
        best = new OperationMatch(op, values);
        bestLiterals = literals;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The operations whose path template matches {@code path}, whatever their method. */
  public List<Operation> operationsOnPath(String path) {
    List<Operation> found = new ArrayList<>();
    for (Operation op : operations) {
      if (match(op.method(), path).map(m -> m.operation() == op).orElse(false)) {
        found.add(op);
      }
    }
    return found;
  }

  /** The document as parsed. */
  public JsonNode root() {
    return root;
  }

  /** The document as text. */
  public String text() {
    return text;
  }

  /** The validator for the document's schemas. */
  public SchemaValidator schemas() {
    return schemas;
  }

  /**
   * Follows local {@code $ref}s ({@code #/components/...}) until a node that is not a reference; other nodes are
   * returned as they are.
   *
   * @throws SpecException for a reference outside the document
   */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; current.has("$ref") && depth < 20; depth++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new SpecException("Only references inside the document are supported, but found '" + ref + "'", null);
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }

  /** Escapes one JSON pointer token: {@code /api/v2/postings} becomes {@code ~1api~1v2~1postings}. */
  public static String pointerToken(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  static String decode(@Nullable String text) {
    return text == null ? "" : URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SpecOperations{" + operations.size() + " operations}";
  }
}
