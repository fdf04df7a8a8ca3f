package ai.heymilo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.heymilo.it.SandboxRecordings.Recording;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The coverage gate: the merged spec's operation × documented status pairs (spec/api-surface.txt) each need a
 * sandbox recording and a contract case, and neither may name what the spec lacks. The other tests
 * feed it changed copies of the recordings or the table and check that it names the gap they add.
 */
class CoverageGateTest {
  private static final MergedSpec SPEC = MergedSpec.load();
  private static final List<Recording> RECORDINGS = SandboxRecordings.load().mappings();

  @Test
  void everyOperationAndStatus_hasRecordingAndContractCase() {
    List<String> gaps = CoverageGate.gaps(SPEC, RECORDINGS, ContractTable.entries());
    if (!gaps.isEmpty()) {
      fail(gaps.size() + " gaps between the merged spec (" + SPEC.pairs().size() + " operation × status pairs), the sandbox "
          + "recordings and ContractTable:\n  " + String.join("\n  ", gaps));
    }
  }

  @Test
  void recordingRemoved_namesOperationAndStatus() {
    List<Recording> withoutOne = RECORDINGS.stream()
        .filter(r -> !r.fileName().equals("getPosting-404-status-header.json"))
        .collect(Collectors.toList());

    assertEquals(List.of("getPosting 404: no sandbox recording — add a mapping with metadata {operationId: getPosting, "
        + "status: 404, trigger: status-header} to the sandbox's recordings"), newGaps(withoutOne, ContractTable.entries()));
  }

  @Test
  void tableRowMissing_namesEveryStatusOfTheOperation() {
    List<ContractEntry<?>> withoutOne = ContractTable.entries().stream()
        .filter(e -> !e.operationId().equals("getVoicePreview"))
        .collect(Collectors.toList());

    List<String> gaps = newGaps(RECORDINGS, withoutOne);

    assertEquals(6, gaps.size(), gaps::toString);
    assertTrue(gaps.contains("getVoicePreview 302: no contract case — no SDK call for operation getVoicePreview; add it to "
        + "ContractTable"), gaps::toString);
  }

  @Test
  void redirectWithoutExpectedResult_isNamed() {
    List<ContractEntry<?>> table = new ArrayList<>(ContractTable.entries());
    table.replaceAll(e -> e.operationId().equals("getVoicePreview")
        ? ContractEntry.call("getVoicePreview", c -> c.voices().getPreview("v")).returns(200, audio -> { }) : e);

    assertEquals(List.of("getVoicePreview 302: no contract case — add .returns(302, result -> ...) to the ContractTable row of "
        + "getVoicePreview"), newGaps(RECORDINGS, table));
  }

  @Test
  void recordingOfUndocumentedStatusOrOperation_isNamed() {
    List<Recording> recordings = new ArrayList<>(RECORDINGS);
    Recording original = RECORDINGS.get(0);
    ObjectNode teapot = original.mapping().deepCopy();
    ((ObjectNode) teapot.get("metadata")).put("status", 418);
    ObjectNode retired = original.mapping().deepCopy();
    ((ObjectNode) retired.get("metadata")).put("operationId", "listCandidatesV1");
    recordings.add(new Recording("teapot.json", teapot));
    recordings.add(new Recording("retired.json", retired));

    List<String> gaps = newGaps(recordings, ContractTable.entries());

    assertEquals(2, gaps.size(), gaps::toString);
    assertTrue(gaps.get(0).startsWith("recording teapot.json names " + original.operationId() + " 418, a status the spec does "
        + "not document"), gaps.get(0));
    assertEquals("recording retired.json names operation 'listCandidatesV1', which the spec does not have", gaps.get(1));
  }

  @Test
  void tableRowForUnknownOperationOrStatus_isNamed() {
    List<ContractEntry<?>> table = new ArrayList<>(ContractTable.entries());
    table.add(ContractEntry.call("listCandidatesV1", c -> c.health().check()).returns(200, r -> { }));
    table.replaceAll(e -> e.operationId().equals("getPosting")
        ? ContractEntry.call("getPosting", c -> c.postings().get("p")).returns(200, p -> { }).returns(201, p -> { }) : e);

    assertEquals(List.of(
        "ContractTable row getPosting expects a result for 201, a status the spec does not document for it (documented: "
            + "[200, 401, 404, 422, 429])",
        "ContractTable row listCandidatesV1 names an operation the spec does not have"),
        newGaps(RECORDINGS, table));
  }

  /** The gaps that the changed recordings or table add to those of the real ones (none, while coverage is complete). */
  private static List<String> newGaps(List<Recording> recordings, List<ContractEntry<?>> table) {
    List<String> gaps = new ArrayList<>(CoverageGate.gaps(SPEC, recordings, table));
    gaps.removeAll(CoverageGate.gaps(SPEC, RECORDINGS, ContractTable.entries()));
    return gaps;
  }
}
