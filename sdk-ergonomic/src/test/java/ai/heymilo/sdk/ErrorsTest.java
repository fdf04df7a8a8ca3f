package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.errors.ApiException;
import ai.heymilo.sdk.errors.ApiTimeoutException;
import ai.heymilo.sdk.errors.AuthenticationException;
import ai.heymilo.sdk.errors.BadRequestException;
import ai.heymilo.sdk.errors.ConflictException;
import ai.heymilo.sdk.errors.FieldError;
import ai.heymilo.sdk.errors.InternalServerException;
import ai.heymilo.sdk.errors.InvalidRequestException;
import ai.heymilo.sdk.errors.InvalidResponseException;
import ai.heymilo.sdk.errors.NotFoundException;
import ai.heymilo.sdk.errors.PermissionDeniedException;
import ai.heymilo.sdk.errors.RateLimitException;
import ai.heymilo.sdk.errors.UnexpectedStatusCodeException;
import ai.heymilo.sdk.errors.UnprocessableEntityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every failure arrives as a typed exception with what the caller needs — sync and async alike. */
class ErrorsTest {
  private static final String NOT_FOUND = "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"not_found\","
      + " \"message\": \"Interview iv_404 not found\", \"param\": \"interview_id\", \"doc_url\": \"https://docs.heymilo.ai/errors#not_found\"}}";

  private final TestServer test = new TestServer();
  private final HeyMiloClient client = test.clientBuilder().maxRetries(0).build();

  @AfterEach
  void close() throws Exception {
    client.close();
    test.close();
  }

  private Object getData(Mode mode) {
    return mode.call(() -> client.interviews().getData("iv_1"), () -> client.async().interviews().getData("iv_1"));
  }

  private ApiException failWith(Mode mode, int status, String body) {
    test.enqueue(new MockResponse().setResponseCode(status).setHeader("X-Request-Id", "req_42").setBody(body));
    return assertThrows(ApiException.class, () -> getData(mode));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void status400_isBadRequest(Mode mode) {
    assertEquals(BadRequestException.class, failWith(mode, 400, "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"bad\", \"message\": \"no\"}}").getClass());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void status401_isAuthentication(Mode mode) {
    assertEquals(AuthenticationException.class, failWith(mode, 401, "{\"error\": {\"type\": \"authentication_error\", \"code\": \"invalid_api_key\", \"message\": \"Invalid API key\"}}").getClass());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void status403_isPermissionDenied(Mode mode) {
    assertEquals(PermissionDeniedException.class, failWith(mode, 403, "{}").getClass());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void status404_isNotFoundWithEveryField(Mode mode) {
    ApiException error = failWith(mode, 404, NOT_FOUND);

    assertEquals(NotFoundException.class, error.getClass());
    assertEquals(404, error.statusCode());
    assertEquals("invalid_request_error", error.type());
    assertEquals("not_found", error.code());
    assertEquals("Interview iv_404 not found", error.apiMessage());
    assertEquals("interview_id", error.param());
    assertEquals("https://docs.heymilo.ai/errors#not_found", error.docUrl());
    assertEquals("req_42", error.requestId());
    assertEquals("HTTP 404: Interview iv_404 not found (code not_found, type invalid_request_error) [param interview_id] [request id req_42]",
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void status409_isConflict(Mode mode) {
    assertEquals(ConflictException.class, failWith(mode, 409, "{}").getClass());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void status422_unifiesValidationDetailIntoFieldErrors(Mode mode) {
    ApiException error = failWith(mode, 422, "{\"detail\": [{\"loc\": [\"body\", \"workflow\", 0, \"config\"], \"msg\": \"Field required\", \"type\": \"missing\"},"
        + " {\"loc\": [\"body\", \"title\"], \"msg\": \"String should have at least 3 characters\", \"type\": \"string_too_short\"}]}");

    assertEquals(UnprocessableEntityException.class, error.getClass());
    assertEquals(List.of(new FieldError("body.workflow.0.config", "Field required", "missing"),
        new FieldError("body.title", "String should have at least 3 characters", "string_too_short")), error.fieldErrors());
    assertTrue(error.getMessage().contains("fields: body.workflow.0.config: Field required (missing); body.title:"), error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void apiErrorShapeFieldErrors_areUnifiedToo(Mode mode) {
    ApiException error = failWith(mode, 400, "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"validation_error\","
        + " \"message\": \"The request body failed validation\", \"errors\": [{\"param\": \"title\", \"message\": \"too short\", \"code\": \"min_length\"}]}}");

    assertEquals(List.of(new FieldError("title", "too short", "min_length")), error.fieldErrors());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void status429_isRateLimitWithRetryAfter(Mode mode) {
    test.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7").setBody("{}"));

    RateLimitException error = assertThrows(RateLimitException.class, () -> getData(mode));

    assertEquals(Duration.ofSeconds(7), error.retryAfter());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void htmlFrom502Proxy_isInternalServerErrorWithAnExcerpt(Mode mode) {
    ApiException error = failWith(mode, 502, "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>");

    assertEquals(InternalServerException.class, error.getClass());
    assertEquals("HTTP 502: <html> <head><title>502 Bad Gateway</title></head> <body>nginx</body></html> [request id req_42]", error.getMessage());
    assertNull(error.code());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void tenMegabyteErrorPage_isBoundedButStillTyped(Mode mode) {
    Buffer huge = new Buffer();
    for (int i = 0; i < 10 * 1024; i++) {
      huge.writeUtf8("x".repeat(1024));
    }
    test.enqueue(new MockResponse().setResponseCode(503).setBody(huge));

    ApiException error = assertThrows(ApiException.class, () -> getData(mode));

    assertEquals(InternalServerException.class, error.getClass());
    assertEquals(64 * 1024, error.body().length());
    assertTrue(error.response().bodyTruncated());
    assertTrue(error.getMessage().length() < 700, "message is bounded: " + error.getMessage().length());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void unmappedStatus_isUnexpectedStatusCode(Mode mode) {
    assertEquals(UnexpectedStatusCodeException.class, failWith(mode, 418, "I'm a teapot").getClass());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void malformedSuccessBody_isInvalidResponseNamingThePath(Mode mode) {
    test.enqueue(200, "{\"data\": {\"interview_id\": \"iv_1\", \"score\": \"high\"}}");

    InvalidResponseException error = assertThrows(InvalidResponseException.class, () -> getData(mode));

    assertEquals("$.data.score", error.jsonPath());
    assertEquals(200, error.statusCode());
    assertTrue(error.getMessage().startsWith("Could not decode the 200 response to GET /api/v2/interviews/iv_1/data at $.data.score"), error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void undecodable201_reportsTheStatusItGot(Mode mode) {
    test.enqueue(201, "{\"data\": {\"id\": ");

    InvalidResponseException error = assertThrows(InvalidResponseException.class, () -> mode.call(
        () -> client.interviews().setMetadata("iv_1", java.util.Map.of("a", "b")),
        () -> client.async().interviews().setMetadata("iv_1", java.util.Map.of("a", "b"))));

    assertEquals(201, error.statusCode());
    assertTrue(error.getMessage().startsWith("Could not decode the 201 response to POST /api/v2/interviews/iv_1/metadata"), error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void truncatedSuccessBody_isInvalidResponse(Mode mode) {
    test.enqueue(200, "{\"data\": {\"interview_id\": \"iv_1\", \"sta");

    InvalidResponseException error = assertThrows(InvalidResponseException.class, () -> getData(mode));

    assertTrue(error.jsonPath() != null && error.jsonPath().startsWith("$.data"), String.valueOf(error.jsonPath()));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void envelopeWithoutData_isInvalidResponse(Mode mode) {
    test.enqueue(200, "{\"meta\": {}}");

    InvalidResponseException error = assertThrows(InvalidResponseException.class, () -> getData(mode));

    assertEquals("$.data", error.jsonPath());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void slowResponse_isTimeout(Mode mode) {
    HeyMiloClient impatient = client.withOptions(options -> options.readTimeout(Duration.ofMillis(200)));
    test.enqueue(new MockResponse().setResponseCode(200).setBody(TestServer.interviewData("iv_1", "completed"))
        .setBodyDelay(2, TimeUnit.SECONDS));

    assertThrows(ApiTimeoutException.class,
        () -> mode.call(() -> impatient.interviews().getData("iv_1"), () -> impatient.async().interviews().getData("iv_1")));
  }

  @Test
  void blankOrPathChangingIds_areRefusedBeforeSending() {
    assertEquals("interviewId must not be blank",
        assertThrows(InvalidRequestException.class, () -> client.interviews().getData(" ")).getMessage());
    assertEquals("interviewId must be a single id, but was '../postings', which would change the request path",
        assertThrows(InvalidRequestException.class, () -> client.interviews().getData("../postings")).getMessage());
    assertEquals("interviewId is required but was null",
        assertThrows(InvalidRequestException.class, () -> client.interviews().getData(null)).getMessage());
    assertEquals("postingId must be a single id, but was '..', which would change the request path",
        assertThrows(InvalidRequestException.class, () -> client.postings().get("..")).getMessage());
    assertEquals(0, test.server.getRequestCount());
  }

  @Test
  void metadataOverTheLimits_isRefusedBeforeSending() {
    Map<String, String> tooMany = new HashMap<>();
    for (int i = 0; i < 51; i++) {
      tooMany.put("k" + i, "v");
    }
    InvalidRequestException error = assertThrows(InvalidRequestException.class, () -> client.interviews().setMetadata("iv_1", tooMany));
    assertEquals("metadata", error.parameter());
    assertEquals("metadata must have at most 50 entries but had 51 (nothing was sent)", error.getMessage());
    assertEquals("metadata." + "k".repeat(41) + " key must be at most 40 characters long but was 41 (nothing was sent)",
        assertThrows(InvalidRequestException.class, () -> client.interviews().setMetadata("iv_1", Map.of("k".repeat(41), "v"))).getMessage());
    assertEquals("metadata.note must be at most 500 characters long but was 501 (nothing was sent)",
        assertThrows(InvalidRequestException.class, () -> client.interviews().setMetadata("iv_1", Map.of("note", "v".repeat(501)))).getMessage());
    assertEquals(0, test.server.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void requestWithoutARequiredProperty_isRefusedBeforeSending(Mode mode) {
    ai.heymilo.model.CreatePostingRequest request = new ai.heymilo.model.CreatePostingRequest()
        .addStep(new ai.heymilo.model.WebInterviewStep().addQuestion(new ai.heymilo.model.CreateQuestion().text("Why us?")));

    InvalidRequestException error = assertThrows(InvalidRequestException.class,
        () -> mode.call(() -> client.postings().create(request), () -> client.async().postings().create(request)));

    assertEquals("request.title", error.parameter());
    assertEquals("request.title is required but was not set; workflow[0].questions[0].modality is required but was not set "
        + "(nothing was sent)", error.getMessage());
    assertEquals(0, test.server.getRequestCount());
  }

  @Test
  void exceptionsNeverContainTheApiKey() {
    test.enqueue(401, "{\"error\": {\"type\": \"authentication_error\", \"code\": \"invalid_api_key\", \"message\": \"Invalid API key\"}}");

    AuthenticationException error = assertThrows(AuthenticationException.class, () -> client.interviews().getData("iv_1"));

    assertFalse(error.toString().contains(TestServer.API_KEY));
    assertFalse(String.valueOf(error.headers()).contains(TestServer.API_KEY));
  }
}
