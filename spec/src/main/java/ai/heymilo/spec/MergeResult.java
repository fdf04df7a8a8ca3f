package ai.heymilo.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The merged spec, in canonical key order, and the report of how it was merged.
 *
 * <p>Callers must not modify {@code spec}; derive views from a copy, as {@link CodegenView#transform} does.
 */
public record MergeResult(ObjectNode spec, MergeReport report) {
  public MergeResult {
    Objects.requireNonNull(spec, "spec == null");
    Objects.requireNonNull(report, "report == null");
  }
}
