package ai.heymilo.it;

import ai.heymilo.spec.operations.Operation;
import ai.heymilo.spec.operations.SchemaValidator;
import ai.heymilo.spec.operations.SpecOperations;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The merged spec that heymilo-spec builds, read through {@link SpecOperations} (the one reader of the spec's
 * operations, shared with the sandbox and its recordings generator), plus the operation × status pairs the contract
 * tests iterate over. A new operation or status in the spec shows up in the tests without editing them.
 */
final class MergedSpec {
  private static final class Holder {
    static final MergedSpec INSTANCE = new MergedSpec(SpecOperations.load());
  }

  private final SpecOperations spec;

  MergedSpec(SpecOperations spec) {
    this.spec = spec;
  }

  /** The merged spec from the class path, parsed once. */
  static MergedSpec load() {
    return Holder.INSTANCE;
  }

  SpecOperations operationsReader() {
    return spec;
  }

  SchemaValidator schemas() {
    return spec.schemas();
  }

  JsonNode root() {
    return spec.root();
  }

  /** Every operation, in spec order. */
  List<Operation> operations() {
    return spec.operations();
  }

  Optional<Operation> operation(String operationId) {
    return spec.operation(operationId);
  }

  /** Every operation × documented status. */
  SortedSet<OperationStatus> pairs() {
    SortedSet<OperationStatus> pairs = new TreeSet<>();
    for (Operation op : spec.operations()) {
      for (int status : op.statuses()) {
        pairs.add(new OperationStatus(op.operationId(), status));
      }
    }
    return Collections.unmodifiableSortedSet(pairs);
  }
}
