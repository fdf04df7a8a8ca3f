package ai.heymilo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.it.SandboxRecordings.Recording;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mapping the sandbox ships, validated against the merged spec: a documented operation and
 * status, a documented Content-Type, and a body valid against that response's schema (OpenAPI 3.1
 * dialect). Then proof that the check bites: corrupted copies of real recordings fail, naming the
 * field.
 */
class RecordingsMatchSpecTest {
  private static final SandboxRecordings RECORDINGS = SandboxRecordings.load();
  private static final RecordingValidator VALIDATOR = new RecordingValidator(MergedSpec.load());

  static Stream<Recording> recordings() {
    return RECORDINGS.mappings().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void recording_matchesSpec(Recording recording) {
    List<String> problems = VALIDATOR.problems(recording, RECORDINGS::file);
    assertEquals(List.of(), problems, () -> recording.fileName() + " does not match the spec:\n  " + String.join("\n  ", problems));
  }

  @Test
  void recordings_areThere() {
    // Guards against validating nothing: the sandbox documents 617 mappings for 261 pairs.
    assertTrue(RECORDINGS.mappings().size() >= MergedSpec.load().pairs().size(),
        "only " + RECORDINGS.mappings().size() + " mappings found under " + SandboxRecordings.ROOT);
  }

  @Test
  void scoreAsString_failsNamingTheFieldPath() {
    Recording recording = mapping("getInterviewData-200-default.json");
    byte[] corrupted = corrupt(recording, body -> ((ObjectNode) body.get("data")).set("score", TextNode.valueOf("high")));

    List<String> problems = VALIDATOR.problems(recording, replacingBody(recording, corrupted));

    assertFalse(problems.isEmpty(), "a string score passed validation");
    String first = problems.get(0);
    assertTrue(first.startsWith("getInterviewData-200-default.json: getInterviewData 200: "), first);
    assertTrue(first.contains("$.data.score = \"high\""), first);
    assertTrue(first.contains("string found"), first);
  }

  @Test
  void hasMoreAsString_failsNamingTheFieldPath() {
    Recording recording = mapping("listPostings-200-default.json");
    byte[] corrupted = corrupt(recording, body -> ((ObjectNode) body.get("pagination")).set("has_more", TextNode.valueOf("high")));

    List<String> problems = VALIDATOR.problems(recording, replacingBody(recording, corrupted));

    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("listPostings-200-default.json: listPostings 200: "), problems.get(0));
    assertTrue(problems.get(0).contains("$.pagination.has_more = \"high\": string found, boolean expected"), problems.get(0));
  }

  @Test
  void undocumentedContentType_fails() {
    Recording original = mapping("getPosting-200-default.json");
    ObjectNode mapping = original.mapping().deepCopy();
    ((ObjectNode) mapping.path("response").path("headers")).put("Content-Type", "text/html");

    List<String> problems = VALIDATOR.problems(new Recording(original.fileName(), mapping), RECORDINGS::file);

    assertEquals(List.of("getPosting-200-default.json: getPosting 200: Content-Type text/html is not documented for this "
        + "status (documented: [application/json])"), problems);
  }

  @Test
  void undocumentedStatus_fails() {
    Recording original = mapping("getPosting-404-status-header.json");
    ObjectNode mapping = original.mapping().deepCopy();
    ((ObjectNode) mapping.path("metadata")).put("status", 409);
    ((ObjectNode) mapping.path("response")).put("status", 409);

    List<String> problems = VALIDATOR.problems(new Recording(original.fileName(), mapping), RECORDINGS::file);

    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("getPosting-404-status-header.json: getPosting 409: status 409 is not documented"),
        problems.get(0));
  }

  private static Recording mapping(String fileName) {
    return RECORDINGS.mappings().stream().filter(r -> r.fileName().equals(fileName)).findFirst()
        .orElseThrow(() -> new AssertionError("the sandbox has no mapping " + fileName));
  }

  /** A copy of the recording's body with {@code change} applied. */
  private static byte[] corrupt(Recording recording, java.util.function.Consumer<JsonNode> change) {
    String name = recording.response().path("bodyFileName").asText();
    JsonNode body = Json.parse(RECORDINGS.file(name).orElseThrow(), name);
    change.accept(body);
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The sandbox's body files, with the recording's own body replaced. */
  private static Function<String, Optional<byte[]>> replacingBody(Recording recording, byte[] body) {
    Map<String, byte[]> replaced = Map.of(recording.response().path("bodyFileName").asText(), body);
    return name -> replaced.containsKey(name) ? Optional.of(replaced.get(name)) : RECORDINGS.file(name);
  }
}
