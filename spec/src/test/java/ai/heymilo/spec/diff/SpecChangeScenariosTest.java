package ai.heymilo.spec.diff;

import static ai.heymilo.spec.diff.SpecWorkspace.MAIN;
import static ai.heymilo.spec.diff.SpecWorkspace.addRequired;
import static ai.heymilo.spec.diff.SpecWorkspace.json;
import static ai.heymilo.spec.diff.SpecWorkspace.operation;
import static ai.heymilo.spec.diff.SpecWorkspace.properties;
import static ai.heymilo.spec.diff.SpecWorkspace.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintainer's updates from the issue, each applied to a copy of the real sources and run through the change
 * step exactly as the build runs it: what the report says, and whether the build fails until acknowledged.
 */
class SpecChangeScenariosTest {
  @TempDir Path temp;

  // --- the updates --------------------------------------------------------------------------------------------

  static final Consumer<ObjectNode> NEW_OPTIONAL_RESPONSE_PROPERTY = d -> properties(d, "PostingStatsResponse")
      .set("median_score", json("{\"anyOf\": [{\"type\": \"number\"}, {\"type\": \"null\"}], \"title\": \"Median\"}"));

  static final Consumer<ObjectNode> NEW_ENUM_VALUE = d -> ((ArrayNode) properties(d, "QuestionResponse")
      .path("response_format").path("anyOf").get(0).path("enum")).add("rating");

  static final Consumer<ObjectNode> NEW_OPERATION = d -> {
    ObjectNode notes = operation(d, "/api/v2/postings/{posting_id}/stats", "get").deepCopy();
    notes.put("operationId", "getPostingNotes");
    notes.put("summary", "Get posting notes");
    ((ObjectNode) d.path("paths")).putObject("/api/v2/postings/{posting_id}/notes").set("get", notes);
  };

  static final Consumer<ObjectNode> RESPONSE_PROPERTY_TYPE_CHANGE = d -> properties(d, "PostingStatsResponse")
      .set("total_candidates", json("{\"type\": \"string\", \"title\": \"Total Candidates\"}"));

  static final Consumer<ObjectNode> NEW_REQUIRED_REQUEST_PROPERTY = d -> {
    properties(d, "CreateWebhookRequest").set("secret", json("{\"type\": \"string\", \"title\": \"Secret\"}"));
    addRequired(schema(d, "CreateWebhookRequest"), "secret");
  };

  static final Consumer<ObjectNode> RENAMED_QUERY_PARAMETER = d -> {
    for (JsonNode parameter : operation(d, "/api/v2/postings", "get").path("parameters")) {
      if (parameter.path("name").asText().equals("search")) {
        ((ObjectNode) parameter).put("name", "q");
      }
    }
  };

  static final Consumer<ObjectNode> REMOVED_OPERATION =
      d -> ((ObjectNode) d.path("paths").path("/api/v2/webhooks/{webhook_id}")).remove("delete");

  // --- the scenarios ------------------------------------------------------------------------------------------

  @Test
  void newOptionalResponseProperty_isReportedAsCompatibleAndPasses() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, NEW_OPTIONAL_RESPONSE_PROPERTY);

    ChangeReport report = workspace.check();

    assertEquals(List.of("`PostingStatsResponse.getMedianScore()` added (`Double`, optional)"), headlines(report));
    assertTrue(workspace.output.startsWith("Spec changes since release 0.1.0: 1 (0 breaking)\n"
        + "  `PostingStatsResponse.getMedianScore()` added (`Double`, optional)\n"
        + "      schema PostingStatsResponse, property median_score: optional property added\n"
        + "Version policy: 0.1.0 is not released yet and may still ship these changes; after it, the next release "
        + "must be at least 0.1.1.\n"), workspace.output);
    assertTrue(workspace.output.contains("1 compatible spec change is not in CHANGELOG.md yet; "
        + "mvn -B verify -DskipTests -Dheymilo.acceptChanges records them."), workspace.output);
  }

  @Test
  void newEnumValue_isReportedWithItsConstant() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, NEW_ENUM_VALUE);

    ChangeReport report = workspace.check();

    assertEquals(List.of("New value `rating` for `QuestionResponse.getResponseFormat()`: "
        + "`QuestionResponse.ResponseFormatEnum.RATING`"), headlines(report));
    assertEquals(SpecChange.Section.ADDED, report.changes().get(0).section());
    assertTrue(!report.breaking());
  }

  @Test
  void newOperation_isReportedAndTheSurfaceDiffNamesIt() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, NEW_OPERATION);

    SpecChangeException failure = assertThrows(SpecChangeException.class, workspace::check);

    assertEquals(String.join("\n",
        "The spec changed since release 0.1.0 in ways not acknowledged yet:",
        "  The API surface (api-surface.txt) differs from the merged spec:",
        "    - 46 paths, 56 operations, 261 operation × status pairs, 127 schemas",
        "    + 47 paths, 57 operations, 266 operation × status pairs, 127 schemas",
        "    + operation GET /api/v2/postings/{posting_id}/notes getPostingNotes 200 401 404 422 429",
        "If intended, acknowledge with one command; it rewrites api-surface.txt and the API snapshots and records the"
            + " changes in CHANGELOG.md:",
        "  mvn -B verify -DskipTests -Dheymilo.acceptChanges",
        "Otherwise fix spec/sources. Version policy: 0.1.0 is not released yet and may still ship these changes; "
            + "after it, the next release must be at least 0.1.1."), failure.getMessage());
    assertTrue(workspace.output.contains("  New operation `GET /api/v2/postings/{posting_id}/notes`: "
        + "`InterviewersApi.getPostingNotes(...)`\n"), workspace.output);
  }

  @Test
  void responsePropertyTypeChange_failsNamingTheGetter() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, RESPONSE_PROPERTY_TYPE_CHANGE);

    SpecChangeException failure = assertThrows(SpecChangeException.class, workspace::check);

    assertTrue(failure.getMessage().contains("  1 breaking change is not in CHANGELOG.md:\n"
        + "    `PostingStatsResponse.getTotalCandidates()` now returns `String` (was `Long`) "
        + "[breaks Java source, Java binary, wire]\n"
        + "        schema PostingStatsResponse, property total_candidates: type integer → string\n"),
        failure.getMessage());
    assertTrue(failure.getMessage().endsWith("after it, the next release must be at least 0.2.0 (breaking changes)."),
        failure.getMessage());
  }

  @Test
  void newRequiredRequestProperty_isBreakingOnTheWire() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, NEW_REQUIRED_REQUEST_PROPERTY);

    SpecChangeException failure = assertThrows(SpecChangeException.class, workspace::check);

    assertTrue(failure.getMessage().contains(
        "    `CreateWebhookRequest.secret(String)` is new and required: requests that do not set it are refused "
            + "[breaks wire]\n"
            + "        schema CreateWebhookRequest, property secret: required request property added\n"),
        failure.getMessage());
    assertEquals(1, workspace.check_changes().size());
  }

  @Test
  void renamedQueryParameter_isBreakingAlthoughItStillCompiles() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, RENAMED_QUERY_PARAMETER);

    SpecChangeException failure = assertThrows(SpecChangeException.class, workspace::check);

    assertTrue(failure.getMessage().contains("    `InterviewersApi.listPostings(...)`: the argument that sent query "
        + "parameter `search` now sends `q`; existing calls still compile, but the server no longer reads `search` "
        + "[breaks wire]\n"
        + "        GET /api/v2/postings (listPostings): query parameter `search` renamed to `q`\n"), failure.getMessage());
  }

  @Test
  void removedOperation_isBreakingAndLeavesTheSurface() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, REMOVED_OPERATION);

    SpecChangeException failure = assertThrows(SpecChangeException.class, workspace::check);

    assertTrue(failure.getMessage().contains(
        "    - operation DELETE /api/v2/webhooks/{webhook_id} deleteWebhook 200 401 404 422 429\n"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("    `WebhooksApi.deleteWebhook(...)` removed: the API no longer offers "
        + "`DELETE /api/v2/webhooks/{webhook_id}` [breaks Java source, Java binary, wire]\n"), failure.getMessage());
  }

  @Test
  void mainDocumentWithThreeChanges_reportsExactlyThoseThree() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN,
        RESPONSE_PROPERTY_TYPE_CHANGE.andThen(NEW_OPTIONAL_RESPONSE_PROPERTY).andThen(RENAMED_QUERY_PARAMETER));

    assertThrows(SpecChangeException.class, workspace::check);

    assertEquals(String.join("\n",
        "Spec changes since release 0.1.0: 3 (2 breaking)",
        "  BREAKING `InterviewersApi.listPostings(...)`: the argument that sent query parameter `search` now sends `q`;"
            + " existing calls still compile, but the server no longer reads `search` [wire]",
        "      GET /api/v2/postings (listPostings): query parameter `search` renamed to `q`",
        "  BREAKING `PostingStatsResponse.getTotalCandidates()` now returns `String` (was `Long`) "
            + "[Java source, Java binary, wire]",
        "      schema PostingStatsResponse, property total_candidates: type integer → string",
        "  `PostingStatsResponse.getMedianScore()` added (`Double`, optional)",
        "      schema PostingStatsResponse, property median_score: optional property added",
        "Version policy: 0.1.0 is not released yet and may still ship these changes; after it, the next release must "
            + "be at least 0.2.0 (breaking changes).",
        ""), workspace.output.substring(0, workspace.output.indexOf("Spec change report written")));
  }

  // --- acknowledging and releasing ------------------------------------------------------------------------------

  @Test
  void acceptCommand_recordsTheChangesSoTheNextBuildPasses() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, RESPONSE_PROPERTY_TYPE_CHANGE.andThen(NEW_OPERATION));

    workspace.run(SpecChangesStep.Mode.ACCEPT, "");
    ChangeReport again = workspace.check();

    assertEquals(2, again.changes().size());
    String changelog = workspace.read("CHANGELOG.md");
    assertTrue(changelog.contains(Changelog.SPEC_BEGIN + "\n"
        + "### Added (API spec)\n"
        + "- New operation `GET /api/v2/postings/{posting_id}/notes`: `InterviewersApi.getPostingNotes(...)`\n"
        + "### Changed (API spec)\n"
        + "- `PostingStatsResponse.getTotalCandidates()` now returns `String` (was `Long`) — breaking\n"
        + Changelog.SPEC_END), changelog);
    assertTrue(workspace.read("api-surface.txt").contains(
        "operation GET /api/v2/postings/{posting_id}/notes getPostingNotes 200 401 404 422 429\n"));
  }

  @Test
  void releaseCommand_needsTheNextMinorAfterBreakingChanges() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, RESPONSE_PROPERTY_TYPE_CHANGE);
    workspace.run(SpecChangesStep.Mode.ACCEPT, "");

    SpecChangeException tooSmall =
        assertThrows(SpecChangeException.class, () -> workspace.run(SpecChangesStep.Mode.RELEASE, "0.1.1"));

    assertEquals("Release 0.1.1 is too small a step after 0.1.0: it must be at least 0.2.0 (breaking changes; while"
        + " 0.x a breaking change bumps the minor version).", tooSmall.getMessage());
  }

  @Test
  void releaseCommand_movesTheBaselineAndDatesTheChangelog() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, RESPONSE_PROPERTY_TYPE_CHANGE);
    workspace.run(SpecChangesStep.Mode.ACCEPT, "");

    workspace.run(SpecChangesStep.Mode.RELEASE, "0.2.0");
    ChangeReport afterRelease = workspace.check();

    assertEquals(List.of(), afterRelease.changes());
    assertTrue(workspace.output.startsWith("Spec changes since release 0.2.0: none\n"), workspace.output);
    assertTrue(workspace.read("baseline/baseline.properties").contains("version=0.2.0\n"));
    String changelog = workspace.read("CHANGELOG.md");
    assertTrue(changelog.contains("## [Unreleased]\n\n" + Changelog.SPEC_BEGIN + "\n" + Changelog.SPEC_END + "\n"
        + Changelog.API_BEGIN + "\n" + Changelog.API_END + "\n\n## [0.2.0] - 2026-12-01\n\n### Changed (API spec)\n"
        + "- `PostingStatsResponse.getTotalCandidates()` now returns `String` (was `Long`) — breaking\n"), changelog);
  }

  @Test
  void firstRelease_mayStillCarryTheUnreleasedBaselineVersion() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp).edit(MAIN, NEW_OPTIONAL_RESPONSE_PROPERTY);
    workspace.run(SpecChangesStep.Mode.ACCEPT, "");

    workspace.run(SpecChangesStep.Mode.RELEASE, "0.1.0");

    String changelog = workspace.read("CHANGELOG.md");
    assertTrue(changelog.contains("## [0.1.0] - 2026-12-01\n\n### Added (API spec)\n"
        + "- `PostingStatsResponse.getMedianScore()` added (`Double`, optional)\n\n### Added\n- The first release"),
        changelog);
    assertTrue(!changelog.contains("not released yet"), changelog);
    assertTrue(workspace.read("baseline/baseline.properties").contains("version=0.1.0\nreleased=true\n"));
    assertThrows(SpecChangeException.class, () -> workspace.run(SpecChangesStep.Mode.RELEASE, "0.1.0"),
        "once released, 0.1.0 cannot be released again");
  }

  @Test
  void theBaselineItself_hasNoChange() {
    SpecWorkspace workspace = SpecWorkspace.atBaseline(temp);

    ChangeReport report = workspace.check();

    assertEquals(List.of(), report.changes());
    assertTrue(workspace.output.startsWith("Spec changes since release 0.1.0: none\n"), workspace.output);
  }

  @Test
  void committedSources_haveEveryChangeSinceTheBaselineAcknowledged() {
    SpecWorkspace workspace = SpecWorkspace.asCommitted(temp);

    workspace.check(); // throws, naming what is not acknowledged, when the committed state would fail the build
  }

  private static List<String> headlines(ChangeReport report) {
    return report.changes().stream().map(SpecChange::headline).collect(Collectors.toList());
  }
}
