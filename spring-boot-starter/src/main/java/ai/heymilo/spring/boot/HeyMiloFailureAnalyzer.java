package ai.heymilo.spring.boot;

import ai.heymilo.sdk.errors.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a startup failure caused by a {@code heymilo.*} setting into Spring Boot's short "APPLICATION FAILED
 * TO START" report instead of a stack trace.
 */
final class HeyMiloFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
    return new FailureAnalysis("The HeyMilo client could not be configured: " + cause.getMessage(),
        "Check the heymilo.* properties (application.properties, environment variables such as HEYMILO_API_KEY).", cause);
  }
}
