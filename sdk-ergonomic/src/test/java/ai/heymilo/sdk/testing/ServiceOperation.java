package ai.heymilo.sdk.testing;

import ai.heymilo.client.HeyMiloGson;
import ai.heymilo.sdk.AsyncPagedIterable;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.PagedIterable;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.RequestOptions;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One operation of the service view (the merged spec as heymilo-sdk sees it), callable through every form the SDK
 * generates for it — with arguments built from the spec — and the result it must give for a served body. Tests
 * driven by this need no per-operation code: a new operation is covered the moment it is generated.
 */
public final class ServiceOperation {
  private static final Gson GSON = HeyMiloGson.create();
  private static final JsonObject VIEW = resource("ai/heymilo/spec/service.openapi.json");

  /** The forms of an operation. */
  public enum Form { SYNC, ASYNC, RAW, RAW_ASYNC }

  private final String id;
  private final String httpMethod;
  private final String path;
  private final JsonObject node;

  private ServiceOperation(String path, String httpMethod, JsonObject node) {
    this.id = node.get("operationId").getAsString();
    this.httpMethod = httpMethod;
    this.path = path;
    this.node = node;
  }

  /** Every operation of the service view, in document order. */
  public static List<ServiceOperation> all() {
    List<ServiceOperation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonElement> path : VIEW.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> method : path.getValue().getAsJsonObject().entrySet()) {
        if (method.getValue().isJsonObject() && method.getValue().getAsJsonObject().has("operationId")) {
          operations.add(new ServiceOperation(path.getKey(), method.getKey(), method.getValue().getAsJsonObject()));
        }
      }
    }
    return operations;
  }

  /** The operation with this id. */
  public static ServiceOperation byId(String operationId) {
    return all().stream().filter(op -> op.id.equals(operationId)).findFirst()
        .orElseThrow(() -> new AssertionError("no operation " + operationId + " in the service view"));
  }

  /**
   * The operation at {@code method} {@code path} — how to find one named by the merged spec, whose framework-style
   * operationIds the service view shortens.
   */
  public static ServiceOperation byRoute(String method, String path) {
    return all().stream().filter(op -> op.httpMethod.equalsIgnoreCase(method) && op.path.equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no operation " + method + " " + path + " in the service view"));
  }

  public String id() {
    return id;
  }

  /** The HTTP method, lower case. */
  public String httpMethod() {
    return httpMethod;
  }

  /** The path template: {@code /api/v2/postings/{posting_id}}. */
  public String path() {
    return path;
  }

  /** A service-view extension of the operation ({@code x-heymilo-<name>}), or null. */
  public String x(String name) {
    JsonElement value = node.get("x-heymilo-" + name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }

  /** Whether the result kind is {@code kind} (single, page, items, plain, binary). */
  public boolean is(String kind) {
    return kind.equals(x("kind"));
  }

  /** The wait method the overlay adds to this operation, or null. */
  public String waitMethod() {
    return node.has("x-heymilo-wait") ? node.getAsJsonObject("x-heymilo-wait").get("method").getAsString() : null;
  }

  /** The parameters declared {@code in} ("path", "query", "header"). */
  public List<JsonObject> parameters(String in) {
    List<JsonObject> result = new ArrayList<>();
    if (node.has("parameters")) {
      for (JsonElement parameter : node.getAsJsonArray("parameters")) {
        if (parameter.getAsJsonObject().get("in").getAsString().equals(in)) {
          result.add(parameter.getAsJsonObject());
        }
      }
    }
    return result;
  }

  /** The documented success status. */
  public int successStatus() {
    for (String code : node.getAsJsonObject("responses").keySet()) {
      if (code.startsWith("2")) {
        return Integer.parseInt(code);
      }
    }
    return 200;
  }

  /** The params class, or null when the operation has no query or header parameter. */
  public Class<?> paramsClass() {
    return x("params-class") == null ? null : load("ai.heymilo.sdk.params." + x("params-class"));
  }

  /** The types of the method's own arguments: path parameters, then the body. */
  public List<Class<?>> argumentTypes() {
    List<Class<?>> types = new ArrayList<>();
    parameters("path").forEach(parameter -> types.add(String.class));
    if (x("body-class") != null) {
      types.add(x("body-name") != null ? Map.class : load("ai.heymilo.model." + x("body-class")));
    }
    return types;
  }

  /** Arguments: path parameters from {@code pathValue}, a body built from the request schema's examples. */
  public List<Object> arguments(Function<String, String> pathValue) {
    List<Object> values = new ArrayList<>();
    parameters("path").forEach(parameter -> values.add(pathValue.apply(parameter.get("name").getAsString())));
    if (x("body-class") != null) {
      if (x("body-name") != null) {
        values.add(Map.of("external_id", "ats_12345"));
      } else {
        values.add(GSON.fromJson(instance(schema(x("body-class"))), load("ai.heymilo.model." + x("body-class"))));
      }
    }
    return values;
  }

  /** The JSON the SDK must send as the body for {@code arguments}, or null when there is none. */
  public JsonElement expectedBody(List<Object> arguments) {
    if (x("body-class") == null) {
      return null;
    }
    Object body = arguments.get(arguments.size() - 1);
    if (x("body-name") == null) {
      return GSON.toJsonTree(body);
    }
    JsonObject object = new JsonObject();
    object.add(snake(x("body-name")), GSON.toJsonTree(body));
    return object;
  }

  /** Setter name → value: a valid value for every query and header parameter but the cursor. */
  public Map<String, Object> paramValues() {
    Map<String, Object> values = new LinkedHashMap<>();
    List<JsonObject> declared = new ArrayList<>(parameters("query"));
    declared.addAll(parameters("header"));
    for (JsonObject parameter : declared) {
      JsonObject schema = nonNull(parameter.getAsJsonObject("schema"));
      String name = javaName(parameter);
      if (schema.has("enum")) {
        values.put(name, load(paramsClass().getName() + "$" + Character.toUpperCase(name.charAt(0)) + name.substring(1))
            .getEnumConstants()[0]);
      } else if ("integer".equals(schema.has("type") ? schema.get("type").getAsString() : "")) {
        values.put(name, schema.has("minimum") ? schema.get("minimum").getAsLong() + 1 : 7L);
      } else if (!parameter.get("name").getAsString().equals("starting_after")) {
        values.put(name, "v-" + name);
      }
    }
    return values;
  }

  /** The query parameters the SDK must send for {@link #paramValues()}, by wire name. */
  public Map<String, String> expectedQuery() {
    Map<String, Object> values = x("params-class") == null ? Map.of() : paramValues();
    Map<String, String> query = new LinkedHashMap<>();
    for (JsonObject parameter : parameters("query")) {
      Object value = values.get(javaName(parameter));
      if (value != null) {
        query.put(parameter.get("name").getAsString(), String.valueOf(value));
      }
    }
    return query;
  }

  /** The header parameters the SDK must send for {@link #paramValues()}, by wire name. */
  public Map<String, String> expectedHeaders() {
    Map<String, Object> values = x("params-class") == null ? Map.of() : paramValues();
    Map<String, String> headers = new LinkedHashMap<>();
    for (JsonObject parameter : parameters("header")) {
      headers.put(parameter.get("name").getAsString(), String.valueOf(values.get(javaName(parameter))));
    }
    return headers;
  }

  /** The setter names of the params class: the operation's query and header parameters in Java spelling. */
  public Set<String> paramSetterNames() {
    Set<String> names = new TreeSet<>();
    parameters("query").forEach(parameter -> names.add(javaName(parameter)));
    parameters("header").forEach(parameter -> names.add(javaName(parameter)));
    return names;
  }

  /** The service (or its raw view) the operation lives on, for {@code form}. */
  public Object service(HeyMiloClient client, Form form) {
    try {
      Object accessors = form == Form.SYNC || form == Form.RAW ? client : client.async();
      Object resource = accessors.getClass().getMethod(x("resource")).invoke(accessors);
      return form == Form.RAW || form == Form.RAW_ASYNC ? publicMethod(resource.getClass(), "withRawResponse").invoke(resource)
          : resource;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no service for " + id + " (" + form + ")", e);
    }
  }

  /** The method of {@code form} taking the arguments, the params (if any) and {@link RequestOptions}. */
  public Method method(HeyMiloClient client, Form form) throws NoSuchMethodException {
    return publicMethod(service(client, form).getClass(), x("method"), fullSignature());
  }

  /**
   * Calls the operation in {@code form} with {@link #paramValues()} and waits for the result: an asynchronous
   * answer is awaited, a paged iterable is read to the end (a raw form answers one page). Throws what the call
   * throws (the cause of an asynchronous failure).
   */
  public Object call(HeyMiloClient client, Form form, List<Object> arguments) throws Throwable {
    Object service = service(client, form);
    List<Object> values = new ArrayList<>(arguments);
    if (paramsClass() != null) {
      values.add(params());
    }
    values.add(RequestOptions.none());
    Object result;
    try {
      result = publicMethod(service.getClass(), x("method"), fullSignature()).invoke(service, values.toArray());
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    try {
      if (result instanceof AsyncPagedIterable) {
        return ((AsyncPagedIterable<?>) result).toList(1000).get(20, TimeUnit.SECONDS);
      }
      if (result instanceof CompletableFuture) {
        return ((CompletableFuture<?>) result).get(20, TimeUnit.SECONDS);
      }
      if (result instanceof PagedIterable) {
        return ((PagedIterable<?>) result).stream().collect(Collectors.toList());
      }
      return result;
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  /**
   * The JSON of what {@code form} must return when the server answers {@code served}: the envelope's data (or the
   * overlay's returned property of it), a raw page as served, the items of a list. Not for binary operations.
   */
  public JsonElement expectedResult(JsonElement served, Form form) {
    if (is("page") && (form == Form.RAW || form == Form.RAW_ASYNC)) {
      return served;
    }
    JsonElement expected = served;
    if (is("single") || is("page") || is("items")) {
      expected = served.getAsJsonObject().get("data");
    }
    if (x("returns-getter") != null) {
      JsonElement returned = expected.getAsJsonObject().get(snake(x("returns-getter").substring(3)));
      expected = returned == null ? new JsonObject() : returned;
    }
    return expected;
  }

  /** The JSON of a result {@link #call} returned (a raw response's data). */
  public static JsonElement json(Object result) {
    Object data = result instanceof RawResponse ? ((RawResponse<?>) result).data() : result;
    return GSON.toJsonTree(data);
  }

  /** A body the success response's schema allows: examples first; a list holds one item and no more pages. */
  public JsonElement successBody() {
    JsonObject content = node.getAsJsonObject("responses").getAsJsonObject(String.valueOf(successStatus()))
        .getAsJsonObject("content").getAsJsonObject("application/json");
    JsonElement body = instance(content.getAsJsonObject("schema"));
    if (is("page") || is("items")) {
      body.getAsJsonObject().add("pagination", JsonParser.parseString("{\"has_more\": false}"));
    }
    return body;
  }

  @Override
  public String toString() {
    return id;
  }

  private Class<?>[] fullSignature() {
    List<Class<?>> types = new ArrayList<>(argumentTypes());
    if (paramsClass() != null) {
      types.add(paramsClass());
    }
    types.add(RequestOptions.class);
    return types.toArray(new Class<?>[0]);
  }

  private Object params() {
    try {
      Object builder = paramsClass().getMethod("builder").invoke(null);
      for (Map.Entry<String, Object> value : paramValues().entrySet()) {
        Method setter = Arrays.stream(builder.getClass().getMethods())
            .filter(m -> m.getName().equals(value.getKey()) && m.getParameterCount() == 1
                && m.getParameterTypes()[0].isInstance(value.getValue()))
            .findFirst().orElseThrow(() -> new AssertionError("no setter " + value.getKey() + " on " + paramsClass()));
        setter.invoke(builder, value.getValue());
      }
      return builder.getClass().getMethod("build").invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Looks a method up on the public interfaces, so reflection does not trip over a package-private implementation. */
  public static Method publicMethod(Class<?> type, String name, Class<?>... signature) throws NoSuchMethodException {
    for (Class<?> candidate : type.getInterfaces()) {
      try {
        return candidate.getMethod(name, signature);
      } catch (NoSuchMethodException tryNext) {
        // keep looking
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name + Arrays.toString(signature));
  }

  /** A valid JSON instance of {@code schema}: examples first, else the required properties and those with examples. */
  public static JsonElement instance(JsonObject schema) {
    JsonObject s = nonNull(schema);
    if (s.has("$ref")) {
      String ref = s.get("$ref").getAsString();
      return instance(schema(ref.substring(ref.lastIndexOf('/') + 1)));
    }
    if (s.has("oneOf")) {
      return instance(s.getAsJsonArray("oneOf").get(0).getAsJsonObject());
    }
    for (String key : List.of("examples")) {
      if (s.has(key) && s.getAsJsonArray(key).size() > 0) {
        return s.getAsJsonArray(key).get(0);
      }
    }
    for (String key : List.of("x-heymilo-const", "x-heymilo-discriminator-value", "default")) {
      if (s.has(key) && !s.get(key).isJsonNull()) {
        return s.get(key);
      }
    }
    if (s.has("enum")) {
      return s.getAsJsonArray("enum").get(0);
    }
    String type = s.has("type") && s.get("type").isJsonPrimitive() ? s.get("type").getAsString() : "";
    switch (type) {
      case "object":
        JsonObject object = new JsonObject();
        Set<String> required = new TreeSet<>();
        if (s.has("required")) {
          s.getAsJsonArray("required").forEach(name -> required.add(name.getAsString()));
        }
        if (s.has("properties")) {
          for (Map.Entry<String, JsonElement> property : s.getAsJsonObject("properties").entrySet()) {
            if (required.contains(property.getKey()) || nonNull(property.getValue().getAsJsonObject()).has("examples")) {
              object.add(property.getKey(), instance(property.getValue().getAsJsonObject()));
            }
          }
        } else if (s.has("additionalProperties") && s.get("additionalProperties").isJsonObject()) {
          object.add("key", instance(s.getAsJsonObject("additionalProperties")));
        }
        if (object.size() == 0 && s.has("properties") && s.getAsJsonObject("properties").size() > 0) {
          // An object with nothing set reads as absent to some servers: set its first property.
          Map.Entry<String, JsonElement> first = s.getAsJsonObject("properties").entrySet().iterator().next();
          object.add(first.getKey(), instance(first.getValue().getAsJsonObject()));
        }
        return object;
      case "array":
        JsonArray array = new JsonArray();
        array.add(instance(s.getAsJsonObject("items")));
        return array;
      case "integer":
        return new JsonPrimitive(s.has("minimum") ? s.get("minimum").getAsLong() : 3L);
      case "number":
        return new JsonPrimitive(2.5);
      case "boolean":
        return new JsonPrimitive(true);
      case "string":
        return new JsonPrimitive(s.has("minLength") ? "x".repeat(s.get("minLength").getAsInt()) : "text");
      default:
        return new JsonObject();
    }
  }

  private static JsonObject schema(String name) {
    JsonObject schema = VIEW.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject(name);
    if (schema == null) {
      throw new AssertionError("no schema " + name + " in the service view");
    }
    return schema;
  }

  /** {@code anyOf [X, null]} → X (keeping the wrapper's examples). */
  private static JsonObject nonNull(JsonObject schema) {
    if (schema.has("anyOf")) {
      for (JsonElement branch : schema.getAsJsonArray("anyOf")) {
        JsonObject object = branch.getAsJsonObject();
        if (!(object.has("type") && object.get("type").isJsonPrimitive() && object.get("type").getAsString().equals("null"))) {
          JsonObject merged = object.deepCopy();
          if (schema.has("examples") && !merged.has("examples")) {
            merged.add("examples", schema.get("examples"));
          }
          return merged;
        }
      }
    }
    return schema;
  }

  /** {@code X-Health-Detail} (header) → {@code healthDetail}; {@code starting_after} → {@code startingAfter}. */
  private static String javaName(JsonObject parameter) {
    String name = parameter.get("name").getAsString();
    if (parameter.get("in").getAsString().equals("header") && name.regionMatches(true, 0, "X-", 0, 2)) {
      name = name.substring(2);
    }
    StringBuilder out = new StringBuilder();
    for (String part : name.toLowerCase().split("[^a-z0-9]+")) {
      out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return out.toString();
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(name + " was not generated", e);
    }
  }

  private static JsonObject resource(String name) {
    InputStream in = ServiceOperation.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new AssertionError(name + " is not on the test class path (the spec module writes it)");
    }
    try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(reader).getAsJsonObject();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
