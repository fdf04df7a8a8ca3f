package ai.heymilo.sdk.errors;

/**
 * The client cannot be built as configured: a required setting is missing, or settings contradict
 * each other. The message says which and how to fix it.
 */
public final class ConfigurationException extends HeyMiloException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says how to fix the configuration. */
  public ConfigurationException(String message) {
    super(message);
  }
}
