package ai.heymilo.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.heymilo.spec.operations.Operation;
import ai.heymilo.it.SandboxRecordings.Recording;
import ai.heymilo.it.SpecRequestValidator.SentRequest;
import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sandbox.HeyMiloSandboxExtension;
import ai.heymilo.sandbox.SandboxMode;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.JsonLibrary;
import ai.heymilo.sdk.testing.ServiceOperation;
import ai.heymilo.sdk.testing.ServiceOperation.Form;
import ai.heymilo.sdk.errors.ApiException;
import ai.heymilo.sdk.errors.AuthenticationException;
import ai.heymilo.sdk.errors.BadRequestException;
import ai.heymilo.sdk.errors.ConflictException;
import ai.heymilo.sdk.errors.FieldError;
import ai.heymilo.sdk.errors.InternalServerException;
import ai.heymilo.sdk.errors.NotFoundException;
import ai.heymilo.sdk.errors.PermissionDeniedException;
import ai.heymilo.sdk.errors.RateLimitException;
import ai.heymilo.sdk.errors.UnexpectedStatusCodeException;
import ai.heymilo.sdk.errors.UnprocessableEntityException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDK against the sandbox for every operation × documented status of the merged spec, with Gson
 * and with Moshi. The cases come from the spec at test time, and so does the SDK call: each operation is
 * performed through its generated service method ({@link ServiceOperation}, arguments built from the spec), so
 * a new operation needs no code here — only recordings. A success must return exactly the recorded body's data (a
 * list operation: its recorded page); an error status (selected with the sandbox's {@code X-Sandbox-Status}
 * header, no retries) must raise the typed exception carrying the recorded error; the voice preview's 302 must be
 * followed to the audio. After each case, every request the SDK sent is validated against the spec.
 */
class EveryOperationContractTest {
  /** Replay: every case compares the SDK's result with the exact recorded body of its operation and status. */
  @RegisterExtension
  static final HeyMiloSandboxExtension SANDBOX = HeyMiloSandboxExtension.builder()
      .sandbox(HeyMiloSandbox.builder().mode(SandboxMode.REPLAY))
      .build();

  private static final MergedSpec SPEC = MergedSpec.load();
  private static final SandboxRecordings RECORDINGS = SandboxRecordings.load();
  private static final SpecRequestValidator REQUESTS = SpecRequestValidator.load();
  /** One connection pool and dispatcher for all cases; each case derives its own client from it. */
  private static final OkHttpClient HTTP = new OkHttpClient();

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Operation op : SPEC.operations()) {
      for (int status : op.statuses()) {
        for (JsonLibrary library : JsonLibrary.values()) {
          String name = op.operationId() + "_" + status + "_" + outcome(status) + " [" + library + "]";
          cases.add(Arguments.of(name, op.operationId(), status, library));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void operation(String name, String operationId, int status, JsonLibrary library, HeyMiloSandbox sandbox) {
    // The heading puts the case's name in the failure message, which console reports give by index only.
    assertAll(name, () -> check(operationId, status, library, sandbox));
  }

  private static void check(String operationId, int status, JsonLibrary library, HeyMiloSandbox sandbox) {
    Operation specified = SPEC.operation(operationId).orElseThrow();
    // A new operation fails here, asking for its recordings (as CoverageGateTest does), not with the sandbox's 404.
    recording(new OperationStatus(operationId, status));
    ServiceOperation op = ServiceOperation.byRoute(specified.method(), specified.path());
    // A list operation is checked page by page (its raw form): the recorded page is the expected result.
    Form form = op.is("page") ? Form.RAW : Form.SYNC;
    List<Object> arguments = op.arguments(name -> "contract-" + name.replace('_', '-'));

    try (HeyMiloClient client = client(sandbox, library, status)) {
      if (status < 400) {
        Object result = call(op, client, form, arguments);
        if (op.is("binary")) {
          // The SDK follows a 302 to the audio and returns its bytes, not the redirect.
          assertArrayEquals(recordedBody(new OperationStatus(operationId, op.successStatus())), (byte[]) result, "audio");
        } else {
          JsonElement recorded = JsonParser.parseString(new String(recordedBody(new OperationStatus(operationId, status)),
              StandardCharsets.UTF_8));
          assertEquals(op.expectedResult(recorded, form), ServiceOperation.json(result), "the recorded data");
        }
      } else {
        ApiException error = assertThrows(ApiException.class, () -> call(op, client, form, arguments));
        assertMatchesRecordedError(error, new OperationStatus(operationId, status));
      }
    }

    assertRequestsMatchSpec(sandbox, new OperationStatus(operationId, status));
  }

  private static Object call(ServiceOperation op, HeyMiloClient client, Form form, List<Object> arguments) {
    try {
      return op.call(client, form, arguments);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
  }

  private static Recording recording(OperationStatus pair) {
    return RECORDINGS.primary(pair).orElseThrow(() -> new AssertionError("the sandbox has no recording of " + pair
        + " — add one (sandbox-recordings/README.md); CoverageGateTest lists every gap"));
  }

  private static byte[] recordedBody(OperationStatus pair) {
    Recording recording = recording(pair);
    String file = recording.response().path("bodyFileName").asText();
    return RECORDINGS.file(file).orElseThrow(() -> new AssertionError("no body file " + file + " for " + pair));
  }

  /**
   * A client on the sandbox that never retries (each case is one exchange) and never sleeps; for a
   * status other than the success one, an interceptor asks the sandbox for it.
   */
  private static HeyMiloClient client(HeyMiloSandbox sandbox, JsonLibrary library, int status) {
    OkHttpClient.Builder http = HTTP.newBuilder();
    if (status >= 300) {
      String value = String.valueOf(status);
      http.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header(HeyMiloSandbox.STATUS_HEADER, value).build()));
    }
    return sandbox.clientBuilder()
        .jsonLibrary(library)
        .okHttpClient(http.build())
        .maxRetries(0)
        .sleeper(duration -> fail("the client slept " + duration + " in a contract case"))
        .build();
  }

  /** The exception carries what the sandbox's recording of that status says. */
  private static void assertMatchesRecordedError(ApiException error, OperationStatus pair) {
    assertEquals(exceptionFor(pair.status()), error.getClass(), () -> "exception for " + pair + ": " + error);
    assertEquals(pair.status(), error.statusCode());
    Recording recording = recording(pair);
    assertEquals(recording.responseHeader("X-Request-Id"), error.requestId(), "request id");

    String bodyFile = recording.response().path("bodyFileName").asText();
    JsonNode body = Json.parse(RECORDINGS.file(bodyFile).orElseThrow(), bodyFile);
    if (body.has("error")) {
      JsonNode recorded = body.get("error");
      assertEquals(text(recorded, "type"), error.type(), "type");
      assertEquals(text(recorded, "code"), error.code(), "code");
      assertEquals(text(recorded, "message"), error.apiMessage(), "message");
      assertEquals(text(recorded, "param"), error.param(), "param");
      assertEquals(recorded.path("errors").size(), error.fieldErrors().size(), () -> "field errors: " + error.fieldErrors());
    }
    if (body.has("detail")) {
      JsonNode first = body.get("detail").get(0);
      List<String> location = new ArrayList<>();
      first.path("loc").forEach(part -> location.add(part.asText()));
      FieldError firstError = error.fieldErrors().get(0);
      assertEquals(body.get("detail").size(), error.fieldErrors().size(), () -> "field errors: " + error.fieldErrors());
      assertEquals(String.join(".", location), firstError.field());
      assertEquals(first.path("msg").asText(), firstError.message());
    }
    if (pair.status() == 422) {
      assertFalse(error.fieldErrors().isEmpty(), "a 422 without field errors: " + error);
    }
    if (pair.status() == 429) {
      RateLimitException rateLimited = assertInstanceOf(RateLimitException.class, error);
      Duration recorded = Duration.ofSeconds(Long.parseLong(recording.responseHeader("Retry-After")));
      assertEquals(recorded, rateLimited.retryAfter());
    }
  }

  /**
   * Every request the SDK sent is valid for the spec and reached the recording of the operation
   * and status under test. Requests that follow a redirect go where the server pointed, not to an
   * operation of the API, so they are left out.
   */
  private static void assertRequestsMatchSpec(HeyMiloSandbox sandbox, OperationStatus pair) {
    List<ServeEvent> events = new ArrayList<>(sandbox.wireMock().getAllServeEvents());
    Collections.reverse(events); // The journal lists the newest first.
    Set<String> redirectTargets = new HashSet<>();
    List<String> problems = new ArrayList<>();
    int apiRequests = 0;
    for (ServeEvent event : events) {
      String url = event.getRequest().getUrl();
      if (redirectTargets.contains(url)) {
        continue;
      }
      HttpHeader location = event.getResponse().getHeaders().getHeader("Location");
      if (location.isPresent()) {
        redirectTargets.add(location.firstValue());
      }
      apiRequests++;
      SpecRequestValidator.Result result = REQUESTS.validate(SentRequest.of(event.getRequest()));
      problems.addAll(result.problems());
      result.operation().ifPresent(op -> assertEquals(pair.operationId(), op.operationId(),
          () -> "the SDK call for " + pair.operationId() + " sent " + event.getRequest().getMethod() + " " + url));
      assertEquals(pair.status(), event.getResponse().getStatus(), () -> url + " was answered " + event.getResponse().getStatus());
      assertEquals(pair.operationId(), event.getStubMapping().getMetadata() == null ? null
          : event.getStubMapping().getMetadata().getString("operationId"), () -> url + " reached " + event.getStubMapping().getName());
    }
    assertTrue(apiRequests > 0, "the SDK sent no request for " + pair);
    assertEquals(List.of(), problems, () -> "requests that do not match the spec:\n  " + String.join("\n  ", problems));
  }

  /** The exception the SDK documents for each status (README "Errors"). */
  static Class<? extends ApiException> exceptionFor(int status) {
    switch (status) {
      case 400: return BadRequestException.class;
      case 401: return AuthenticationException.class;
      case 403: return PermissionDeniedException.class;
      case 404: return NotFoundException.class;
      case 409: return ConflictException.class;
      case 422: return UnprocessableEntityException.class;
      case 429: return RateLimitException.class;
      default: return status >= 500 && status < 600 ? InternalServerException.class : UnexpectedStatusCodeException.class;
    }
  }

  /** The word in a case name: {@code getPosting_404_throwsNotFound}. */
  private static String outcome(int status) {
    if (status < 300) {
      return "returnsFixture";
    }
    if (status < 400) {
      return "followsRedirect";
    }
    return "throws" + exceptionFor(status).getSimpleName().replace("Exception", "");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
