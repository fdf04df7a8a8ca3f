package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.heymilo.client.HeyMiloGson;
import ai.heymilo.sdk.AsyncPagedIterable;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.PagedIterable;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.RequestOptions;
import ai.heymilo.sdk.TestServer;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.InternalServerException;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the service view (the merged spec as the SDK sees it) through every form the SDK offers —
 * blocking, asynchronous, raw and raw asynchronous — with no per-operation code: the cases come from the spec, so a
 * new operation is covered the moment it is generated. Each case checks the route, the query and header parameters
 * (a params class has exactly the operation's), the body, the decoded result and the retry class, which this test
 * derives itself from the HTTP method and the SDK overlay.
 */
class EveryOperationTest {
  private static final Gson GSON = HeyMiloGson.create();
  private static final JsonObject VIEW = resource("ai/heymilo/spec/service.openapi.json");
  private static final JsonObject OVERLAY = file(Path.of(System.getProperty("basedir", "."), "../spec/overlay/sdk-overlay.json"));
  private static final Set<String> REPEATABLE_METHODS = Set.of("get", "head", "options", "put", "delete");

  private final TestServer test = new TestServer();
  private final HeyMiloClient client = test.client();

  @AfterEach
  void close() throws IOException {
    client.close();
    test.close();
  }

  /** The forms of an operation. */
  enum Form { SYNC, ASYNC, RAW, RAW_ASYNC }

  /** One operation as the service view describes it. */
  static final class Op {
    final String id;
    final String httpMethod;
    final String path;
    final JsonObject node;

    Op(String path, String httpMethod, JsonObject node) {
      this.id = node.get("operationId").getAsString();
      this.httpMethod = httpMethod;
      this.path = path;
      this.node = node;
    }

    String x(String name) {
      JsonElement value = node.get("x-heymilo-" + name);
      return value == null ? null : value.getAsString();
    }

    boolean is(String kind) {
      return kind.equals(x("kind"));
    }

    List<JsonObject> parameters(String in) {
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

    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Op> operations() {
    List<Op> operations = new ArrayList<>();
    for (Map.Entry<String, JsonElement> path : VIEW.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> method : path.getValue().getAsJsonObject().entrySet()) {
        if (method.getValue().isJsonObject() && method.getValue().getAsJsonObject().has("operationId")) {
          operations.add(new Op(path.getKey(), method.getKey(), method.getValue().getAsJsonObject()));
        }
      }
    }
    return operations.stream();
  }

  static Stream<Arguments> operationForms() {
    return operations().flatMap(op -> Arrays.stream(Form.values()).map(form -> Arguments.of(op, form)));
  }

  @Test
  void operationsRegistry_hasExactlyTheSpecsOperations() {
    Set<String> specified = operations().map(op -> op.id).collect(Collectors.toCollection(TreeSet::new));
    Set<String> registered = Operations.ALL.stream().map(operation -> operation.id).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(specified, registered);
    for (int i = 0; i < Operations.ALL.size(); i++) {
      assertEquals(i, Operations.ALL.get(i).index, "indexes are positions");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void operation_hasItsRouteAndTheRetryClassTheOverlayGivesIt(Op op) {
    Operation<?> operation = registered(op);
    JsonElement retry = OVERLAY.getAsJsonObject("operations").has(op.id)
        ? OVERLAY.getAsJsonObject("operations").getAsJsonObject(op.id).get("retry") : null;
    boolean expected = retry != null ? retry.getAsString().equals("safe") : REPEATABLE_METHODS.contains(op.httpMethod);

    assertEquals(op.httpMethod.toUpperCase() + " " + op.path, operation.route);
    assertEquals(expected, operation.idempotent, op.id + " retry class");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void operation_hasBlockingAsyncAndRawForms(Op op) throws Exception {
    for (Form form : Form.values()) {
      Method method = method(service(form), op);
      assertTrue(Modifier.isPublic(method.getModifiers()), form + " " + method);
    }
    if (op.node.has("x-heymilo-wait")) {
      String wait = op.node.getAsJsonObject("x-heymilo-wait").get("method").getAsString();
      List<Class<?>> types = new ArrayList<>(argumentTypes(op));
      types.add(WaitOptions.class);
      Class<?>[] signature = types.toArray(new Class<?>[0]);
      assertNotNull(publicInterfaceMethod(resourceOf(op, Form.SYNC).getClass(), wait, signature));
      assertEquals(CompletableFuture.class, publicInterfaceMethod(resourceOf(op, Form.SYNC).getClass(), wait + "Async", signature)
          .getReturnType());
      assertEquals(CompletableFuture.class, publicInterfaceMethod(resourceOf(op, Form.ASYNC).getClass(), wait, signature)
          .getReturnType());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void paramsClass_hasExactlyTheOperationsQueryAndHeaderParameters(Op op) throws Exception {
    List<JsonObject> declared = new ArrayList<>(op.parameters("query"));
    declared.addAll(op.parameters("header"));
    if (declared.isEmpty()) {
      assertEquals(null, op.x("params-class"), "no parameters, no params class");
      return;
    }
    Class<?> params = Class.forName("ai.heymilo.sdk.params." + op.x("params-class"));
    Set<String> expected = new TreeSet<>();
    for (JsonObject parameter : declared) {
      expected.add(javaName(parameter));
    }
    Set<String> setters = new TreeSet<>();
    for (Method setter : Class.forName(params.getName() + "$Builder").getDeclaredMethods()) {
      if (Modifier.isPublic(setter.getModifiers()) && !setter.getName().equals("build")
          && !setter.getName().equals("additionalQueryParam")) {
        setters.add(setter.getName());
      }
    }
    assertEquals(expected, setters, op.id + " params");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationForms")
  void operation_sendsItsRequestAndRetriesByItsClass(Op op, Form form) throws Throwable {
    JsonElement served = servedBody(op);
    test.enqueue(new MockResponse().setResponseCode(503).setBody("{\"error\": {\"message\": \"try later\"}}"));
    test.enqueue(successResponse(op, served));
    List<Object> arguments = arguments(op);
    boolean idempotent = registered(op).idempotent;

    if (!idempotent) {
      InternalServerException error = assertThrows(InternalServerException.class, () -> call(op, form, arguments));
      assertEquals(503, error.statusCode());
      assertEquals(1, test.server.getRequestCount(), op.id + " must not be repeated after it may have reached the server");
      assertRequest(op, test.takeRequest(), arguments);
      return;
    }
    Object result = call(op, form, arguments);

    assertEquals(2, test.server.getRequestCount(), op.id + " is retried after a 503");
    assertRequest(op, test.takeRequest(), arguments);
    assertRequest(op, test.takeRequest(), arguments);
    assertResult(op, form, served, result);
  }

  // --- calling -------------------------------------------------------------------------------

  private Object service(Form form) throws Exception {
    return form == Form.SYNC || form == Form.RAW ? client : client.async();
  }

  private Object resourceOf(Op op, Form form) throws Exception {
    Object accessors = service(form);
    Object resource = accessors.getClass().getMethod(op.x("resource")).invoke(accessors);
    return form == Form.RAW || form == Form.RAW_ASYNC ? resource.getClass().getMethod("withRawResponse").invoke(resource) : resource;
  }

  private Method method(Object accessors, Op op) throws Exception {
    Object resource = accessors.getClass().getMethod(op.x("resource")).invoke(accessors);
    List<Class<?>> types = new ArrayList<>(argumentTypes(op));
    if (op.x("params-class") != null) {
      types.add(Class.forName("ai.heymilo.sdk.params." + op.x("params-class")));
    }
    types.add(RequestOptions.class);
    return publicInterfaceMethod(resource.getClass(), op.x("method"), types.toArray(new Class<?>[0]));
  }

  /** Looks the method up on the public interface, so reflection does not trip over the package-private implementation. */
  private static Method publicInterfaceMethod(Class<?> type, String name, Class<?>[] signature) throws NoSuchMethodException {
    for (Class<?> candidate : type.getInterfaces()) {
      try {
        return candidate.getMethod(name, signature);
      } catch (NoSuchMethodException tryNext) {
        // keep looking
      }
    }
    throw new NoSuchMethodException(type + "." + name + Arrays.toString(signature));
  }

  private Object call(Op op, Form form, List<Object> arguments) throws Throwable {
    Object resource = resourceOf(op, form);
    List<Class<?>> types = new ArrayList<>(argumentTypes(op));
    List<Object> values = new ArrayList<>(arguments);
    if (op.x("params-class") != null) {
      types.add(Class.forName("ai.heymilo.sdk.params." + op.x("params-class")));
      values.add(params(op));
    }
    types.add(RequestOptions.class);
    values.add(RequestOptions.none());
    Object result;
    try {
      result = publicInterfaceMethod(resource.getClass(), op.x("method"), types.toArray(new Class<?>[0]))
          .invoke(resource, values.toArray());
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    try {
      if (result instanceof AsyncPagedIterable) {
        return ((AsyncPagedIterable<?>) result).toList(10).get(10, TimeUnit.SECONDS);
      }
      if (result instanceof CompletableFuture) {
        return ((CompletableFuture<?>) result).get(10, TimeUnit.SECONDS);
      }
      if (result instanceof PagedIterable) {
        return ((PagedIterable<?>) result).stream().collect(Collectors.toList());
      }
      return result;
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  private static List<Class<?>> argumentTypes(Op op) throws ClassNotFoundException {
    List<Class<?>> types = new ArrayList<>();
    op.parameters("path").forEach(parameter -> types.add(String.class));
    if (op.x("body-class") != null) {
      types.add(op.x("body-name") != null ? Map.class : Class.forName("ai.heymilo.model." + op.x("body-class")));
    }
    return types;
  }

  private static List<Object> arguments(Op op) throws ClassNotFoundException {
    List<Object> values = new ArrayList<>();
    op.parameters("path").forEach(parameter -> values.add("id-" + parameter.get("name").getAsString()));
    if (op.x("body-class") != null) {
      JsonObject bodySchema = schema(op.x("body-class"));
      if (op.x("body-name") != null) {
        values.add(Map.of("external_id", "ats_12345"));
      } else {
        values.add(GSON.fromJson(instance(bodySchema), Class.forName("ai.heymilo.model." + op.x("body-class"))));
      }
    }
    return values;
  }

  /** The operation's params with every parameter set. */
  private static Object params(Op op) throws Exception {
    Class<?> params = Class.forName("ai.heymilo.sdk.params." + op.x("params-class"));
    Object builder = params.getMethod("builder").invoke(null);
    for (Map.Entry<String, Object> value : paramValues(op).entrySet()) {
      Method setter = Arrays.stream(builder.getClass().getMethods())
          .filter(m -> m.getName().equals(value.getKey()) && m.getParameterCount() == 1
              && m.getParameterTypes()[0].isInstance(value.getValue()))
          .findFirst().orElseThrow(() -> new AssertionError("no setter " + value.getKey()));
      setter.invoke(builder, value.getValue());
    }
    return builder.getClass().getMethod("build").invoke(builder);
  }

  /** Setter name → a valid value for every query and header parameter. */
  private static Map<String, Object> paramValues(Op op) throws ClassNotFoundException {
    Map<String, Object> values = new LinkedHashMap<>();
    List<JsonObject> declared = new ArrayList<>(op.parameters("query"));
    declared.addAll(op.parameters("header"));
    for (JsonObject parameter : declared) {
      JsonObject schema = nonNull(parameter.getAsJsonObject("schema"));
      String name = javaName(parameter);
      if (schema.has("enum")) {
        Class<?> enumType = Class.forName("ai.heymilo.sdk.params." + op.x("params-class") + "$" + Character.toUpperCase(name.charAt(0))
            + name.substring(1));
        values.put(name, enumType.getEnumConstants()[0]);
      } else if ("integer".equals(schema.has("type") ? schema.get("type").getAsString() : "")) {
        values.put(name, schema.has("minimum") ? schema.get("minimum").getAsLong() + 1 : 7L);
      } else if (!parameter.get("name").getAsString().equals("starting_after")) {
        values.put(name, "v-" + name);
      }
    }
    return values;
  }

  // --- checking ------------------------------------------------------------------------------

  private static void assertRequest(Op op, RecordedRequest request, List<Object> arguments) throws Exception {
    assertEquals(op.httpMethod.toUpperCase(), request.getMethod());
    String expectedPath = op.path;
    for (JsonObject parameter : op.parameters("path")) {
      String name = parameter.get("name").getAsString();
      expectedPath = expectedPath.replace("{" + name + "}", "id-" + name);
    }
    HttpUrl url = request.getRequestUrl();
    assertEquals(expectedPath, url.encodedPath());
    Map<String, String> expectedQuery = new LinkedHashMap<>();
    Map<String, Object> values = op.x("params-class") == null ? Map.of() : paramValues(op);
    for (JsonObject parameter : op.parameters("query")) {
      Object value = values.get(javaName(parameter));
      if (value != null) {
        expectedQuery.put(parameter.get("name").getAsString(), value instanceof Enum ? value.toString() : String.valueOf(value));
      }
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) {
      query.put(name, url.queryParameter(name));
    }
    assertEquals(expectedQuery, query, op.id + " query");
    for (JsonObject parameter : op.parameters("header")) {
      assertEquals(values.get(javaName(parameter)), request.getHeader(parameter.get("name").getAsString()), op.id + " header");
    }
    assertEquals(TestServer.API_KEY, request.getHeader("X-API-KEY"));
    if (op.x("body-class") != null) {
      Object body = arguments.get(arguments.size() - 1);
      JsonElement expected = op.x("body-name") != null ? wrap(op.x("body-name"), GSON.toJsonTree(body)) : GSON.toJsonTree(body);
      assertEquals(expected, JsonParser.parseString(request.getBody().readUtf8()), op.id + " body");
    } else {
      assertEquals(0, request.getBodySize(), op.id + " sends no body");
    }
  }

  private static void assertResult(Op op, Form form, JsonElement served, Object result) {
    Object data = result instanceof RawResponse ? ((RawResponse<?>) result).data() : result;
    if (result instanceof RawResponse) {
      assertEquals(successCode(op), ((RawResponse<?>) result).statusCode());
    }
    if (op.is("binary")) {
      byte[] bytes = data instanceof InputStream ? readAll((InputStream) data) : (byte[]) data;
      assertArrayEquals("ID3-audio".getBytes(StandardCharsets.UTF_8), bytes);
      return;
    }
    if (op.is("page") && (form == Form.RAW || form == Form.RAW_ASYNC)) {
      assertEquals(served, GSON.toJsonTree(data), op.id + " page");
      return;
    }
    JsonElement expected = served;
    if (op.is("single") || op.is("page") || op.is("items")) {
      expected = served.getAsJsonObject().get("data");
    }
    if (op.x("returns-getter") != null) {
      String property = op.x("returns-getter").substring(3);
      expected = expected.getAsJsonObject().get(snake(property));
    }
    assertEquals(expected, GSON.toJsonTree(data), op.id + " " + form + " result");
  }

  private static byte[] readAll(InputStream in) {
    try (InputStream closing = in) {
      return closing.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Operation<?> registered(Op op) {
    return Operations.ALL.stream().filter(operation -> operation.id.equals(op.id)).findFirst()
        .orElseThrow(() -> new AssertionError(op.id + " is not in Operations"));
  }

  // --- bodies from the spec ------------------------------------------------------------------

  private static int successCode(Op op) {
    for (String code : op.node.getAsJsonObject("responses").keySet()) {
      if (code.startsWith("2")) {
        return Integer.parseInt(code);
      }
    }
    return 200;
  }

  private static MockResponse successResponse(Op op, JsonElement served) {
    MockResponse response = new MockResponse().setResponseCode(successCode(op));
    if (op.is("binary")) {
      return response.setHeader("Content-Type", "audio/mpeg").setBody(new Buffer().writeUtf8("ID3-audio"));
    }
    return response.setHeader("Content-Type", "application/json").setBody(served.toString());
  }

  /** What the fake server answers: the success response's schema, instantiated; a list holds one item, no more pages. */
  private static JsonElement servedBody(Op op) {
    if (op.is("binary")) {
      return JsonNull.INSTANCE;
    }
    JsonObject content = op.node.getAsJsonObject("responses").getAsJsonObject(String.valueOf(successCode(op)))
        .getAsJsonObject("content").getAsJsonObject("application/json");
    JsonElement body = instance(content.getAsJsonObject("schema"));
    if (op.is("page") || op.is("items")) {
      body.getAsJsonObject().add("pagination", JsonParser.parseString("{\"has_more\": false}"));
    }
    return body;
  }

  /** A valid JSON instance of {@code schema}: examples first, else the required properties and those with examples. */
  static JsonElement instance(JsonObject schema) {
    JsonObject s = nonNull(schema);
    if (s.has("$ref")) {
      String ref = s.get("$ref").getAsString();
      return instance(schema(ref.substring(ref.lastIndexOf('/') + 1)));
    }
    if (s.has("oneOf")) {
      return instance(s.getAsJsonArray("oneOf").get(0).getAsJsonObject());
    }
    if (s.has("examples") && s.getAsJsonArray("examples").size() > 0) {
      return s.getAsJsonArray("examples").get(0);
    }
    if (s.has("x-heymilo-const")) {
      return s.get("x-heymilo-const");
    }
    if (s.has("x-heymilo-discriminator-value")) {
      return s.get("x-heymilo-discriminator-value");
    }
    if (s.has("default") && !s.get("default").isJsonNull()) {
      return s.get("default");
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
            JsonObject propertySchema = nonNull(property.getValue().getAsJsonObject());
            if (required.contains(property.getKey()) || propertySchema.has("examples")) {
              object.add(property.getKey(), instance(property.getValue().getAsJsonObject()));
            }
          }
        } else if (s.has("additionalProperties") && s.get("additionalProperties").isJsonObject()) {
          object.add("key", instance(s.getAsJsonObject("additionalProperties")));
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
      fail("no schema " + name);
    }
    return schema;
  }

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

  private static JsonObject wrap(String name, JsonElement value) {
    JsonObject object = new JsonObject();
    object.add(snake(name), value);
    return object;
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

  private static JsonObject resource(String name) {
    InputStream in = EveryOperationTest.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new AssertionError(name + " is not on the test class path (built by the spec module)");
    }
    try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(reader).getAsJsonObject();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject file(Path path) {
    try {
      return JsonParser.parseString(Files.readString(path)).getAsJsonObject();
    } catch (IOException e) {
      throw new AssertionError("cannot read " + path, e);
    }
  }
}
