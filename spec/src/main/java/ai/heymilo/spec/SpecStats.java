package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Iterator;

/** How many paths, operations and component schemas an OpenAPI document declares. */
public record SpecStats(int paths, int operations, int schemas) {

  /** Counts {@code document}; members that are missing or not objects count as empty. */
  public static SpecStats of(JsonNode document) {
    JsonNode paths = objectOrEmpty(document.path("paths"));
    int operations = 0;
    for (Iterator<JsonNode> items = paths.elements(); items.hasNext(); ) {
      JsonNode pathItem = items.next();
      for (String method : NodeKind.HTTP_METHODS) {
        if (pathItem.has(method)) {
          operations++;
        }
      }
    }
    JsonNode schemas = objectOrEmpty(document.path("components").path("schemas"));
    return new SpecStats(paths.size(), operations, schemas.size());
  }

  private static JsonNode objectOrEmpty(JsonNode node) {
    return node.isObject() ? node : MissingNode.getInstance();
  }

  @Override
  public String toString() {
    return paths + " paths, " + operations + " operations, " + schemas + " schemas";
  }
}
