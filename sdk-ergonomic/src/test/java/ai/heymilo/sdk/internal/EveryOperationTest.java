package ai.heymilo.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.TestServer;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.InternalServerException;
import ai.heymilo.sdk.testing.ServiceOperation;
import ai.heymilo.sdk.testing.ServiceOperation.Form;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
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
 * Every operation of the service view through every form the SDK offers — blocking, asynchronous, raw and raw
 * asynchronous — with no per-operation code: the cases come from the spec, so a new operation is covered the moment
 * it is generated. Each case checks the route, the query and header parameters (a params class has exactly the
 * operation's), the body, the decoded result and the retry class, which this test derives itself from the HTTP
 * method and the SDK overlay.
 */
class EveryOperationTest {
  private static final JsonObject OVERLAY = file(Path.of(System.getProperty("basedir", "."), "../spec/overlay/sdk-overlay.json"));
  private static final Set<String> REPEATABLE_METHODS = Set.of("get", "head", "options", "put", "delete");
  private static final byte[] AUDIO = "ID3-audio".getBytes(StandardCharsets.UTF_8);

  private final TestServer test = new TestServer();
  private final HeyMiloClient client = test.client();

  @AfterEach
  void close() throws IOException {
    client.close();
    test.close();
  }

  static Stream<ServiceOperation> operations() {
    return ServiceOperation.all().stream();
  }

  static Stream<Arguments> operationForms() {
    return operations().flatMap(op -> Arrays.stream(Form.values()).map(form -> Arguments.of(op, form)));
  }

  @Test
  void operationsRegistry_hasExactlyTheSpecsOperations() {
    Set<String> specified = operations().map(ServiceOperation::id).collect(Collectors.toCollection(TreeSet::new));
    Set<String> registered = Operations.ALL.stream().map(operation -> operation.id).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(specified, registered);
    for (int i = 0; i < Operations.ALL.size(); i++) {
      assertEquals(i, Operations.ALL.get(i).index, "indexes are positions");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void operation_hasItsRouteAndTheRetryClassTheOverlayGivesIt(ServiceOperation op) {
    Operation<?> operation = registered(op);
    JsonElement retry = OVERLAY.getAsJsonObject("operations").has(op.id())
        ? OVERLAY.getAsJsonObject("operations").getAsJsonObject(op.id()).get("retry") : null;
    boolean expected = retry != null ? retry.getAsString().equals("safe") : REPEATABLE_METHODS.contains(op.httpMethod());

    assertEquals(op.httpMethod().toUpperCase() + " " + op.path(), operation.route);
    assertEquals(expected, operation.idempotent, op.id() + " retry class");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void operation_hasBlockingAsyncAndRawForms(ServiceOperation op) throws Exception {
    for (Form form : Form.values()) {
      Method method = op.method(client, form);
      assertTrue(Modifier.isPublic(method.getModifiers()) && method.getDeclaringClass().isInterface(), form + " " + method);
    }
    if (op.waitMethod() != null) {
      List<Class<?>> types = new ArrayList<>(op.argumentTypes());
      types.add(WaitOptions.class);
      Class<?>[] signature = types.toArray(new Class<?>[0]);
      Class<?> sync = op.service(client, Form.SYNC).getClass();
      Class<?> async = op.service(client, Form.ASYNC).getClass();
      assertEquals(CompletableFuture.class, ServiceOperation.publicMethod(sync, op.waitMethod() + "Async", signature).getReturnType());
      assertEquals(CompletableFuture.class, ServiceOperation.publicMethod(async, op.waitMethod(), signature).getReturnType());
      ServiceOperation.publicMethod(sync, op.waitMethod(), signature);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void paramsClass_hasExactlyTheOperationsQueryAndHeaderParameters(ServiceOperation op) throws Exception {
    if (op.paramSetterNames().isEmpty()) {
      assertNull(op.paramsClass(), "no parameters, no params class");
      return;
    }
    Set<String> setters = new TreeSet<>();
    for (Method setter : Class.forName(op.paramsClass().getName() + "$Builder").getDeclaredMethods()) {
      if (Modifier.isPublic(setter.getModifiers()) && !setter.getName().equals("build")
          && !setter.getName().equals("additionalQueryParam")) {
        setters.add(setter.getName());
      }
    }
    assertEquals(op.paramSetterNames(), setters, op.id() + " params");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationForms")
  void operation_sendsItsRequestAndRetriesByItsClass(ServiceOperation op, Form form) throws Throwable {
    JsonElement served = op.is("binary") ? null : op.successBody();
    test.enqueue(new MockResponse().setResponseCode(503).setBody("{\"error\": {\"message\": \"try later\"}}"));
    test.enqueue(op.is("binary")
        ? new MockResponse().setResponseCode(op.successStatus()).setHeader("Content-Type", "audio/mpeg").setBody(new Buffer().write(AUDIO))
        : new MockResponse().setResponseCode(op.successStatus()).setHeader("Content-Type", "application/json").setBody(served.toString()));
    List<Object> arguments = op.arguments(name -> "id-" + name);

    if (!registered(op).idempotent) {
      InternalServerException error = assertThrows(InternalServerException.class, () -> op.call(client, form, arguments));
      assertEquals(503, error.statusCode());
      assertEquals(1, test.server.getRequestCount(), op.id() + " must not be repeated after it may have reached the server");
      assertRequest(op, test.takeRequest(), arguments);
      return;
    }
    Object result = op.call(client, form, arguments);

    assertEquals(2, test.server.getRequestCount(), op.id() + " is retried after a 503");
    assertRequest(op, test.takeRequest(), arguments);
    assertRequest(op, test.takeRequest(), arguments);
    if (result instanceof RawResponse) {
      assertEquals(op.successStatus(), ((RawResponse<?>) result).statusCode());
    }
    if (op.is("binary")) {
      Object data = result instanceof RawResponse ? ((RawResponse<?>) result).data() : result;
      assertArrayEquals(AUDIO, data instanceof InputStream ? ((InputStream) data).readAllBytes() : (byte[]) data);
    } else {
      assertEquals(op.expectedResult(served, form), ServiceOperation.json(result), op.id() + " " + form + " result");
    }
  }

  private static void assertRequest(ServiceOperation op, RecordedRequest request, List<Object> arguments) {
    assertEquals(op.httpMethod().toUpperCase(), request.getMethod());
    String expectedPath = op.path();
    for (JsonObject parameter : op.parameters("path")) {
      String name = parameter.get("name").getAsString();
      expectedPath = expectedPath.replace("{" + name + "}", "id-" + name);
    }
    HttpUrl url = request.getRequestUrl();
    assertEquals(expectedPath, url.encodedPath());
    Map<String, String> query = new LinkedHashMap<>();
    url.queryParameterNames().forEach(name -> query.put(name, url.queryParameter(name)));
    assertEquals(op.expectedQuery(), query, op.id() + " query");
    op.expectedHeaders().forEach((name, value) -> assertEquals(value, request.getHeader(name), op.id() + " header " + name));
    assertEquals(TestServer.API_KEY, request.getHeader("X-API-KEY"));
    JsonElement body = op.expectedBody(arguments);
    if (body == null) {
      assertEquals(0, request.getBodySize(), op.id() + " sends no body");
    } else {
      assertEquals(body, JsonParser.parseString(request.getBody().readUtf8()), op.id() + " body");
    }
  }

  private static Operation<?> registered(ServiceOperation op) {
    return Operations.ALL.stream().filter(operation -> operation.id.equals(op.id())).findFirst()
        .orElseThrow(() -> new AssertionError(op.id() + " is not in Operations"));
  }

  private static JsonObject file(Path path) {
    try {
      return JsonParser.parseString(Files.readString(path)).getAsJsonObject();
    } catch (IOException e) {
      throw new AssertionError("cannot read " + path, e);
    }
  }
}
