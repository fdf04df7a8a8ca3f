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
      return WAIT_TIMEOUT;
    }
    return FAILURE;
  }

  /** The one line printed for a failure: status, code, message, field errors. */
  static String describe(Throwable failure) {
    if (failure instanceof ApiException) {
      return "error: " + failure.getMessage();
    }
    return "error: " + (failure.getMessage() == null ? failure.toString() : failure.getMessage());
  }
}
