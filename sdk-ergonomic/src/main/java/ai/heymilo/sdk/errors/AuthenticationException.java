package ai.heymilo.sdk.errors;

/** HTTP 401. The API key or bearer token is missing, wrong or revoked. */
public final class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an error response. */
  public AuthenticationException(ErrorResponse response) {
    super(response);
  }
}
