package ai.heymilo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.heymilo.it.SandboxRecordings.Recording;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.spec.operations.Operation;
import ai.heymilo.sdk.testing.ServiceOperation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The coverage gate: the merged spec's operation × documented status pairs (spec/api-surface.txt) each need a sandbox recording and a
 * generated SDK method (from which the contract case follows), and no recording may name what the spec lacks. The
 * other tests feed it changed copies of the recordings or of the SDK's operations and check that it names the gap
 * they add.
 */
class CoverageGateTest {
  private static final MergedSpec SPEC = MergedSpec.load();
  private static final List<Recording> RECORDINGS = SandboxRecordings.load().mappings();
  private static final Set<String> SDK_OPERATIONS = sdkOperations();

  /**
   * The merged spec's operations that heymilo-sdk has a blocking method for, found on a real client (no request is
   * sent) through the service view, which names the operation's method.
   */
  private static Set<String> sdkOperations() {
    Set<String> found = new TreeSet<>();
    try (HeyMiloClient client = HeyMiloClient.builder().apiKey("hm_gate").baseUrl("http://localhost:9").build()) {
      for (Operation specified : SPEC.operations()) {
        try {
          ServiceOperation.byRoute(specified.method(), specified.path()).method(client, ServiceOperation.Form.SYNC);
          found.add(specified.operationId());
        } catch (NoSuchMethodException | AssertionError missing) {
          // Not generated: the gate names it.
        }
      }
    }
    return found;
  }

  @Test
  void everyOperationAndStatus_hasRecordingAndSdkMethod() {
    List<String> gaps = CoverageGate.gaps(SPEC, RECORDINGS, SDK_OPERATIONS);
    if (!gaps.isEmpty()) {
      fail(gaps.size() + " gaps between the merged spec (" + SPEC.pairs().size() + " operation × status pairs), the sandbox "
          + "recordings and heymilo-sdk:\n  " + String.join("\n  ", gaps));
    }
  }

  @Test
  void recordingRemoved_namesOperationAndStatus() {
    List<Recording> withoutOne = RECORDINGS.stream()
        .filter(r -> !r.fileName().equals("getPosting-404-status-header.json"))
        .collect(Collectors.toList());

    assertEquals(List.of("getPosting 404: no sandbox recording — add a mapping with metadata {operationId: getPosting, "
        + "status: 404, trigger: status-header} to the sandbox's recordings"), newGaps(withoutOne, SDK_OPERATIONS));
  }

  @Test
  void sdkMethodMissing_namesEveryStatusOfTheOperation() {
    Set<String> withoutOne = new TreeSet<>(SDK_OPERATIONS);
    withoutOne.remove("getVoicePreview");

    List<String> gaps = newGaps(RECORDINGS, withoutOne);

    assertEquals(6, gaps.size(), gaps::toString);
    assertTrue(gaps.contains("getVoicePreview 302: heymilo-sdk has no method for getVoicePreview — the service layer is "
        + "generated from the spec: rebuild sdk-ergonomic (mvn -pl sdk-ergonomic -am install)"), gaps::toString);
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

    List<String> gaps = newGaps(recordings, SDK_OPERATIONS);

    assertEquals(2, gaps.size(), gaps::toString);
    assertTrue(gaps.get(0).startsWith("recording teapot.json names " + original.operationId() + " 418, a status the spec does "
        + "not document"), gaps.get(0));
    assertEquals("recording retired.json names operation 'listCandidatesV1', which the spec does not have", gaps.get(1));
  }

  @Test
  void sdkMethodForAnOperationTheSpecLacks_isNamed() {
    Set<String> withExtra = new TreeSet<>(SDK_OPERATIONS);
    withExtra.add("listCandidatesV1");

    assertEquals(List.of("heymilo-sdk has a method for listCandidatesV1, an operation the spec does not have"),
        newGaps(RECORDINGS, withExtra));
  }

  /** The gaps that the changed recordings or operations add to those of the real ones (none, while coverage is complete). */
  private static List<String> newGaps(List<Recording> recordings, Set<String> sdkOperations) {
    List<String> gaps = new ArrayList<>(CoverageGate.gaps(SPEC, recordings, sdkOperations));
    gaps.removeAll(CoverageGate.gaps(SPEC, RECORDINGS, SDK_OPERATIONS));
    return gaps;
  }
}
