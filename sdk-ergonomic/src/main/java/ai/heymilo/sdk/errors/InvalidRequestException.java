package ai.heymilo.sdk.errors;

/**
 * The SDK refused to send a request because an argument breaks a rule the API documents: a blank
 * id, an id that would change the URL path, metadata over the limits, a list filter the operation
 * does not support. Nothing was sent. The message names the parameter and the rule.
 */
public final class InvalidRequestException extends HeyMiloException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  /** Creates the exception for parameter {@code parameter}. */
  public InvalidRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** Returns the name of the offending parameter, such as {@code interviewId} or {@code metadata}. */
  public String parameter() {
    return parameter;
  }
}
