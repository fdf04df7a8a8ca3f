package ai.heymilo.spec.operations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request path matched to an operation, with the values of its path parameters (percent-decoded).
 *
 * <pre>{@code
 * OperationMatch match = spec.match("GET", "/api/v2/postings/13D77095/questions").orElseThrow();
 * match.operation().operationId();              // "listQuestions"
 * match.pathParameters().get("posting_id");     // "13D77095"
 * }</pre>
 */
public final class OperationMatch {
  private final Operation operation;
  private final Map<String, String> pathParameters;

  OperationMatch(Operation operation, Map<String, String> pathParameters) {
    this.operation = operation;
    this.pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
  }

  /** The operation whose path template matched. */
  public Operation operation() {
    return operation;
  }

  /** The path parameters by name, in template order. */
  public Map<String, String> pathParameters() {
    return pathParameters;
  }

  @Override
  public String toString() {
    return operation.operationId() + " " + pathParameters;
  }
}
