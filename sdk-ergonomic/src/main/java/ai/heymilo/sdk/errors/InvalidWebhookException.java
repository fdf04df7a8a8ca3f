package ai.heymilo.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * A webhook delivery was refused: its body is not a HeyMilo event, it is too large, its content type is not JSON,
 * it came with the wrong method, or it failed the shared-secret or signature check. {@link #reason()} says which,
 * and {@link #httpStatus()} is the status to answer with, so a framework controller needs one line:
 *
 * <pre>{@code
 * try {
 *   handler.handle(body, headers::getFirst);
 *   return ResponseEntity.noContent().build();
 * } catch (InvalidWebhookException e) {
 *   return ResponseEntity.status(e.httpStatus()).body(e.getMessage());
 * }
 * }</pre>
 *
 * <p>Nothing of a refused delivery reached a listener. The message says what is wrong and never contains a shared
 * secret or the body itself.
 */
public final class InvalidWebhookException extends HeyMiloException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery was refused, each with the HTTP status a receiver answers. */
  public enum Reason {
    /** The body is empty, not valid JSON or not decodable text. 400. */
    MALFORMED_JSON(400),
    /** The body is JSON but not an object (an array, a string, …). 400. */
    NOT_AN_OBJECT(400),
    /** The object has no {@code event_type}. 400. */
    MISSING_EVENT_TYPE(400),
    /** {@code event_type} is not a non-blank string. 400. */
    INVALID_EVENT_TYPE(400),
    /** The shared secret is missing or wrong, or a signature check failed. 401. */
    UNAUTHORIZED(401),
    /** The request method is not {@code POST}. 405. */
    METHOD_NOT_ALLOWED(405),
    /** The body is larger than the configured limit. 413. */
    BODY_TOO_LARGE(413),
    /** The {@code Content-Type} is present and is not JSON. 415. */
    UNSUPPORTED_MEDIA_TYPE(415);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /** Returns the HTTP status a receiver answers a delivery refused for this reason with. */
    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Reason reason;

  /**
   * Creates the exception; a {@code WebhookVerifier} throws it with {@link Reason#UNAUTHORIZED} to refuse a
   * delivery.
   *
   * @param message what is wrong and how to fix it; must not contain a secret
   */
  public InvalidWebhookException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Creates the exception without a cause; see {@link #InvalidWebhookException(Reason, String, Throwable)}. */
  public InvalidWebhookException(Reason reason, String message) {
    this(reason, message, null);
  }

  /** Returns why the delivery was refused. */
  public Reason reason() {
    return reason;
  }

  /** Returns the HTTP status to answer the delivery with: 400, 401, 405, 413 or 415. */
  public int httpStatus() {
    return reason.httpStatus();
  }
}
