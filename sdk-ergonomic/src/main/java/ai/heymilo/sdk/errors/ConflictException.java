package ai.heymilo.sdk.errors;

/** HTTP 409. The request conflicts with the resource's current state. */
public final class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an error response. */
  public ConflictException(ErrorResponse response) {
    super(response);
  }
}
