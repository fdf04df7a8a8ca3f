package ai.heymilo.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One parsed OpenAPI document and the name it is reported under (its file name).
 *
 * <p>Callers must not modify {@code document}; the merger copies what it keeps.
 */
public record SpecSource(String name, ObjectNode document) {
  public SpecSource {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(document, "document == null");
  }
}
