package ai.heymilo.cli;

import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.ApiException;
import ai.heymilo.sdk.errors.ApiTimeoutException;
import ai.heymilo.sdk.errors.AuthenticationException;
import ai.heymilo.sdk.errors.BadRequestException;
import ai.heymilo.sdk.errors.ConfigurationException;
import ai.heymilo.sdk.errors.InvalidRequestException;
import ai.heymilo.sdk.errors.NotFoundException;
import ai.heymilo.sdk.errors.PermissionDeniedException;
import ai.heymilo.sdk.errors.RateLimitException;
import ai.heymilo.sdk.errors.UnprocessableEntityException;
import ai.heymilo.sdk.errors.WaitTimeoutException;

/** The process exit codes, one per kind of failure a script may want to tell apart. */
enum ExitCode {
  OK(0, "success"),
  FAILURE(1, "any other failure (server error, unexpected response)"),
  USAGE(2, "wrong command line"),
  AUTH(3, "authentication or permission (401, 403, bad configuration)"),
  NOT_FOUND(4, "not found (404)"),
  VALIDATION(5, "invalid request (400, 422, or refused before sending)"),
  RATE_LIMITED(6, "rate limited (429)"),
  NETWORK(7, "network failure or HTTP timeout"),
  WAIT_TIMEOUT(8, "a wait ran out of time");

  final int code;
  final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The exit code for a failure; the order matters where classes nest. */
  static ExitCode of(Throwable failure) {
    if (failure instanceof UsageException || failure instanceof picocli.CommandLine.ParameterException) {
      return USAGE;
    }
    if (failure instanceof AuthenticationException || failure instanceof PermissionDeniedException
        || failure instanceof ConfigurationException) {
      return AUTH;
    }
    if (failure instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (failure instanceof BadRequestException || failure instanceof UnprocessableEntityException
        || failure instanceof InvalidRequestException) {
      return VALIDATION;
    }
    if (failure instanceof RateLimitException) {
      return RATE_LIMITED;
    }
    if (failure instanceof ApiConnectionException || failure instanceof ApiTimeoutException) {
      return NETWORK;
    }
    if (failure instanceof WaitTimeoutException) {
      // A wait whose last poll failed on the network did not time out on the interview: the API was unreachable.
      Throwable lastPoll = failure.getCause();
      return lastPoll instanceof ApiConnectionException ? NETWORK : WAIT_TIMEOUT;
    }
    return FAILURE;
  }

  /** The one line printed for a failure: status, code, message, field errors. */
  static String describe(Throwable failure) {
    return "error: " + message(failure);
  }

  private static String message(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  /** The name scripts see in a JSON error, such as {@code not_found}. */
  String kind() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * A failure as one JSON object, for {@code --output json}: {@code {"error": {"exit_code", "kind",
   * "message", and for API errors "status", "type", "code", "param", "request_id", "field_errors"}}}.
   */
  static com.google.gson.JsonObject toJson(Throwable failure) {
    ExitCode exit = of(failure);
    com.google.gson.JsonObject error = new com.google.gson.JsonObject();
    error.addProperty("exit_code", exit.code);
    error.addProperty("kind", exit.kind());
    error.addProperty("message", message(failure));
    if (failure instanceof ApiException) {
      ApiException api = (ApiException) failure;
      error.addProperty("status", api.statusCode());
      error.addProperty("type", api.type());
      error.addProperty("code", api.code());
      error.addProperty("param", api.param());
      error.addProperty("request_id", api.requestId());
      com.google.gson.JsonArray fields = new com.google.gson.JsonArray();
      api.fieldErrors().forEach(field -> {
        com.google.gson.JsonObject entry = new com.google.gson.JsonObject();
        entry.addProperty("field", field.field());
        entry.addProperty("message", field.message());
        entry.addProperty("code", field.code());
        fields.add(entry);
      });
      error.add("field_errors", fields);
    } else if (failure instanceof InvalidRequestException) {
      error.addProperty("param", ((InvalidRequestException) failure).parameter());
    }
    com.google.gson.JsonObject root = new com.google.gson.JsonObject();
    root.add("error", error);
    return root;
  }
}
