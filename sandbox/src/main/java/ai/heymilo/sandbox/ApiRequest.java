package ai.heymilo.sandbox;

import ai.heymilo.spec.operations.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A request the stateful sandbox answers: its operation, path parameters, query and JSON body (already validated). */
final class ApiRequest {
  final Operation operation;
  final Map<String, String> path;
  final Map<String, List<String>> query;
  final JsonNode body;
  /** The request path without the query, as the list envelopes' {@code pagination.url} gives it. */
  final String url;

  ApiRequest(Operation operation, Map<String, String> path, Map<String, List<String>> query, @Nullable JsonNode body, String url) {
    this.operation = operation;
    this.path = path;
    this.query = query;
    this.body = body == null ? MissingNode.getInstance() : body;
    this.url = url;
  }

  String path(String name) {
    String value = path.get(name);
    return value == null ? "" : value;
  }

  /** The last value of a query parameter, or null if it was not sent. */
  @Nullable String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }
}
