package ai.heymilo.spec;

import static ai.heymilo.spec.Fixtures.failureMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.spec.diff.SpecSurface;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline over the real bundled sources, and its failure path. */
class SpecPipelineTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path SOURCES = MODULE.resolve("sources");
  /** What the sources declare (operations × statuses, schemas), as committed; its diff says what changed. */
  private static final SpecSurface COMMITTED_SURFACE = committedSurface();

  private static SpecSurface committedSurface() {
    try {
      return SpecSurface.parse(Files.readString(MODULE.resolve("api-surface.txt")), "api-surface.txt");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TempDir Path output;

  @Test
  void run_realSources_writesTheMergedSpecAndTheCodegenView() throws IOException {
    ByteArrayOutputStream report = new ByteArrayOutputStream();

    MergeResult result = SpecPipeline.run(SOURCES, output, new PrintStream(report, true, StandardCharsets.UTF_8));

    String merged = Files.readString(output.resolve(SpecPipeline.MERGED_SPEC));
    JsonNode spec = SpecJson.parseDocument("openapi.json", merged);
    assertEquals(COMMITTED_SURFACE, SpecSurface.of(spec), () -> "the merged spec differs from spec/api-surface.txt:\n"
        + String.join("\n", COMMITTED_SURFACE.diff(SpecSurface.of(spec))));
    assertEquals(spec, result.spec());
    assertTrue(merged.endsWith("}\n"));
    assertTrue(Files.exists(output.resolve(SpecPipeline.CODEGEN_SPEC)));
    assertEquals(result.report().render(), report.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_realSources_keepsCheatDetectionAndTheRicherExamples() {
    MergeResult result = SpecPipeline.run(SOURCES, output, new PrintStream(new ByteArrayOutputStream()));

    JsonNode interviewData = result.spec().at("/components/schemas/InterviewDataResponse/properties");
    assertTrue(interviewData.has("cheat_detection"));
    assertEquals("[\"D536A69A4090E13F\"]", interviewData.at("/interview_id/examples").toString());
    assertEquals("[78.5]", interviewData.at("/score/examples").toString());
    assertEquals("External developer-facing API for HeyMilo. Create interviewers with agentic workflows, ingest"
        + " candidates, retrieve interview results, and manage workspace resources.",
        result.spec().at("/info/description").asText());
  }

  @Test
  void run_realSources_reportsWhatWasUnifiedOnOneScreen() {
    MergeReport report = SpecMerger.merge(SpecLoader.loadDirectory(SOURCES)).report();
    String rendered = report.render();

    assertTrue(rendered.lines().count() <= 30, rendered);
    assertEquals(5, report.sources().size());
    assertEquals(4, report.operations().size());
    assertTrue(rendered.contains("Result: " + COMMITTED_SURFACE.paths() + " paths, "
        + COMMITTED_SURFACE.operations().size() + " operations, " + COMMITTED_SURFACE.schemas().size() + " schemas\n"),
        rendered);
    assertTrue(rendered.contains(
        "property union (1): InterviewDataResponse (+cheat_detection from heymilo-public-api-v2.openapi.json)"),
        rendered);
    assertTrue(rendered.endsWith("Conflicts: none\n"), rendered);
  }

  @Test
  void run_twice_writesByteIdenticalFiles() throws IOException {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    SpecPipeline.run(SOURCES, output.resolve("first"), quiet);
    SpecPipeline.run(SOURCES, output.resolve("second"), quiet);

    for (String file : List.of(SpecPipeline.MERGED_SPEC, SpecPipeline.CODEGEN_SPEC)) {
      assertEquals(-1L, Files.mismatch(output.resolve("first").resolve(file), output.resolve("second").resolve(file)),
          file);
    }
  }

  @Test
  void main_conflictingSources_throwsTheMergeError() throws IOException {
    Path sources = Files.createDirectory(output.resolve("sources"));
    Files.writeString(sources.resolve("a.json"), Fixtures.document("{}", "{\"Id\": {\"type\": \"string\"}}"));
    Files.writeString(sources.resolve("b.json"), Fixtures.document("{}", "{\"Id\": {\"type\": \"integer\"}}"));

    String message = failureMessage(
        () -> SpecPipeline.main(new String[] {sources.toString(), output.resolve("out").toString()}));

    assertEquals("Cannot merge schema 'Id' at type: a.json has \"string\", b.json has \"integer\".", message);
    assertTrue(Files.notExists(output.resolve("out")), "nothing is written when the merge fails");
  }

  @Test
  void main_wrongArguments_throws() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> SpecPipeline.main(new String[] {"only-one"}));

    assertEquals("Expected <sourcesDir> [<overlayFile>] <outputDir>, but got 1 arguments.", thrown.getMessage());
  }
}
