package ai.heymilo.sdk.errors;

/** HTTP 404. The resource does not exist, or is not visible to these credentials. */
public final class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an error response. */
  public NotFoundException(ErrorResponse response) {
    super(response);
  }
}
