package ai.heymilo.sdk.internal;

/**
 * Marks a failure to decode a response body (as opposed to a failure to read it from the network),
 * so that the transport reports it as an invalid response rather than a connection problem.
 */
final class BodyDecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int statusCode;

  BodyDecodeException(int statusCode, Throwable cause) {
    super(cause.getMessage(), cause);
    this.statusCode = statusCode;
  }
}
