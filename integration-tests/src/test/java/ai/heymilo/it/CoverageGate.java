package ai.heymilo.it;

import ai.heymilo.spec.operations.Operation;
import ai.heymilo.it.SandboxRecordings.Recording;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the coverage gate checks: every operation × documented status of the merged spec has a
 * sandbox recording that {@code X-Sandbox-Status} selects (trigger {@code default} or
 * {@code status-header}) and a generated SDK method (the contract case is then derived from the spec); and no
 * recording names an operation or status the spec does not have.
 */
final class CoverageGate {
  private CoverageGate() {}

  /** Every gap, one line each, naming the operation and status; empty if coverage is complete. */
  static List<String> gaps(MergedSpec spec, List<Recording> recordings, Set<String> sdkOperations) {
    List<String> gaps = new ArrayList<>();
    Set<OperationStatus> recorded = new HashSet<>();
    for (Recording recording : recordings) {
      if (SandboxRecordings.PRIMARY_TRIGGERS.contains(recording.trigger())) {
        recorded.add(recording.pair());
      }
    }
    for (OperationStatus pair : spec.pairs()) {
      if (!recorded.contains(pair)) {
        gaps.add(pair + ": no sandbox recording — add a mapping with metadata {operationId: " + pair.operationId()
            + ", status: " + pair.status() + ", trigger: " + (pair.status() < 300 ? "default" : "status-header")
            + "} to the sandbox's recordings");
      }
      if (!sdkOperations.contains(pair.operationId())) {
        gaps.add(pair + ": heymilo-sdk has no method for " + pair.operationId() + " — the service layer is generated "
            + "from the spec: rebuild sdk-ergonomic (mvn -pl sdk-ergonomic -am install)");
      }
    }
    for (Recording recording : recordings) {
      Optional<Operation> op = spec.operation(recording.operationId());
      if (op.isEmpty()) {
        gaps.add("recording " + recording.fileName() + " names operation '" + recording.operationId()
            + "', which the spec does not have");
      } else if (!op.get().documents(recording.metadataStatus())) {
        gaps.add("recording " + recording.fileName() + " names " + recording.pair() + ", a status the spec does not document for "
            + recording.operationId() + " (documented: " + op.get().statuses() + ")");
      }
    }
    for (String operationId : new TreeSet<>(sdkOperations)) {
      if (spec.operation(operationId).isEmpty()) {
        gaps.add("heymilo-sdk has a method for " + operationId + ", an operation the spec does not have");
      }
    }
    return gaps;
  }
}
