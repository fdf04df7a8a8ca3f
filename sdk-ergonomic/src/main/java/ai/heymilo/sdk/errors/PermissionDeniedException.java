package ai.heymilo.sdk.errors;

/** HTTP 403. The credentials are valid but may not do this (for example another workspace's resource). */
public final class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an error response. */
  public PermissionDeniedException(ErrorResponse response) {
    super(response);
  }
}
