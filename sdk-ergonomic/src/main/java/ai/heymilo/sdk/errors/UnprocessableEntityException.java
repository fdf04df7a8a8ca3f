package ai.heymilo.sdk.errors;

/** HTTP 422. The request was well-formed but failed validation; see {@link #fieldErrors()}. */
public final class UnprocessableEntityException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an error response. */
  public UnprocessableEntityException(ErrorResponse response) {
    super(response);
  }
}
