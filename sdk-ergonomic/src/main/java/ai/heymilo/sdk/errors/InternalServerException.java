package ai.heymilo.sdk.errors;

/** HTTP 5xx. The server failed; idempotent requests were already retried. */
public final class InternalServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an error response. */
  public InternalServerException(ErrorResponse response) {
    super(response);
  }
}
