package ai.heymilo.sdk.errors;

/** HTTP other. The API answered with a status this SDK does not map to a more specific exception. */
public final class UnexpectedStatusCodeException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an error response. */
  public UnexpectedStatusCodeException(ErrorResponse response) {
    super(response);
  }
}
