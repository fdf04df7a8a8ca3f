package ai.heymilo.it;

import ai.heymilo.spec.operations.Operation;
import ai.heymilo.it.SandboxRecordings.Recording;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the coverage gate checks: every operation × documented status of the merged spec has a
 * sandbox recording that {@code X-Sandbox-Status} selects (trigger {@code default} or
 * {@code status-header}) and a contract case (a {@link ContractTable} row for the operation, with
 * an expected result for each 2xx/3xx status); and no recording or row names an operation or
 * status the spec does not have.
 */
final class CoverageGate {
  private CoverageGate() {}

  /** Every gap, one line each, naming the operation and status; empty if coverage is complete. */
  static List<String> gaps(MergedSpec spec, List<Recording> recordings, List<ContractEntry<?>> table) {
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
      Optional<ContractEntry<?>> entry = table.stream().filter(e -> e.operationId().equals(pair.operationId())).findFirst();
      if (entry.isEmpty()) {
        gaps.add(pair + ": no contract case — no SDK call for operation " + pair.operationId() + "; add it to ContractTable");
      } else if (pair.status() < 400 && !entry.get().resultStatuses().contains(pair.status())) {
        gaps.add(pair + ": no contract case — add .returns(" + pair.status() + ", result -> ...) to the ContractTable row of "
            + pair.operationId());
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
    SortedSet<String> seen = new TreeSet<>();
    for (ContractEntry<?> entry : table) {
      if (!seen.add(entry.operationId())) {
        gaps.add("ContractTable has two rows for " + entry.operationId());
      }
      Optional<Operation> op = spec.operation(entry.operationId());
      if (op.isEmpty()) {
        gaps.add("ContractTable row " + entry.operationId() + " names an operation the spec does not have");
        continue;
      }
      for (int status : entry.resultStatuses()) {
        if (!op.get().documents(status)) {
          gaps.add("ContractTable row " + entry.operationId() + " expects a result for " + status + ", a status the spec does "
              + "not document for it (documented: " + op.get().statuses() + ")");
        } else if (status >= 400) {
          gaps.add("ContractTable row " + entry.operationId() + " expects a result for " + status + ", but an error status must "
              + "throw; remove it");
        }
      }
    }
    return gaps;
  }
}
