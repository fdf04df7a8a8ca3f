package ai.heymilo.spec.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@link SpecSurface} of a merged spec; kept apart so SpecSurface itself needs no JSON library. */
final class SurfaceReader {
  private SurfaceReader() {}

  static SpecSurface of(JsonNode spec) {
    List<SpecSurface.Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      for (String method : JavaNames.httpMethods()) {
        JsonNode operation = path.getValue().get(method);
        if (operation == null) {
          continue;
        }
        List<Integer> statuses = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(code -> {
          if (code.matches("\\d{3}")) {
            statuses.add(Integer.parseInt(code));
          }
        });
        statuses.sort(null);
        operations.add(new SpecSurface.Operation(method.toUpperCase(Locale.ROOT), path.getKey(),
            operation.path("operationId").asText(), statuses));
      }
    }
    List<String> schemas = new ArrayList<>();
    spec.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
    schemas.sort(null);
    return new SpecSurface(spec.path("paths").size(), operations, schemas);
  }
}
