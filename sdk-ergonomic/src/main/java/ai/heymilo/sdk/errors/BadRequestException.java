package ai.heymilo.sdk.errors;

/** HTTP 400. The request was malformed or missing something the API needs. */
public final class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an error response. */
  public BadRequestException(ErrorResponse response) {
    super(response);
  }
}
