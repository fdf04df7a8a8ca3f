package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build step: loads the sources, merges them, prints the merge report and writes the two documents the
 * other modules use: {@code openapi.json} (the merged spec, faithful to the sources) and
 * {@code codegen.openapi.json} (the {@link CodegenView} the client is generated from).
 *
 * <pre>{@code
 * java ai.heymilo.spec.SpecPipeline spec/sources target/classes/ai/heymilo/spec
 * }</pre>
 */
public final class SpecPipeline {
  /** File name of the merged spec in the output folder. */
  public static final String MERGED_SPEC = "openapi.json";
  /** File name of the codegen view in the output folder. */
  public static final String CODEGEN_SPEC = "codegen.openapi.json";
  /** File name of the service view (heymilo-sdk's services are generated from it) in the output folder. */
  public static final String SERVICE_SPEC = "service.openapi.json";

  private SpecPipeline() {}

  /**
   * Runs the pipeline with {@code args = {sourcesDir, outputDir}}.
   *
   * <p>A failure is thrown, not turned into {@code System.exit}: under {@code exec:java} the pipeline runs inside
   * the Maven JVM, and the thrown {@link SpecMergeException} fails the build showing its message.
   *
   * @throws SpecMergeException if the sources cannot be loaded or merged, or the output cannot be written
   * @throws IllegalArgumentException if {@code args} is not two paths
   */
  public static void main(String[] args) {
    if (args.length != 2 && args.length != 3) {
      throw new IllegalArgumentException(
          "Expected <sourcesDir> [<overlayFile>] <outputDir>, but got " + args.length + " arguments.");
    }
    if (args.length == 2) {
      run(Path.of(args[0]), Path.of(args[1]), System.out);
    } else {
      run(Path.of(args[0]), SdkOverlay.load(Path.of(args[1])), Path.of(args[2]), System.out);
    }
  }

  /**
   * Loads every {@code *.json} in {@code sourcesDir}, merges them, prints the report to {@code out} and writes
   * {@value #MERGED_SPEC} and {@value #CODEGEN_SPEC} into {@code outputDir} (created if missing).
   *
   * @throws SpecMergeException if the sources cannot be loaded or merged, or the output cannot be written
   */
  public static MergeResult run(Path sourcesDir, Path outputDir, PrintStream out) {
    return run(sourcesDir, SdkOverlay.load(sourcesDir.resolveSibling("overlay").resolve(SdkOverlay.FILE)), outputDir, out);
  }

  /**
   * {@link #run(Path, Path, PrintStream)} with the given SDK overlay; also writes {@value #SERVICE_SPEC}.
   *
   * @throws SpecMergeException as there, or if an overlay entry names nothing in the spec
   */
  static MergeResult run(Path sourcesDir, SdkOverlay overlay, Path outputDir, PrintStream out) {
    MergeResult result = SpecMerger.merge(SpecLoader.loadDirectory(sourcesDir));
    out.print(result.report().render());
    ObjectNode codegen = CodegenView.transform(result.spec(), overlay);
    ObjectNode services = ServiceView.transform(codegen, overlay);
    // A view transform that left a reference dangling would otherwise surface only as a confusing codegen error.
    ReferenceChecker.check("codegen view", codegen);
    ReferenceChecker.check("service view", services);
    write(outputDir.resolve(MERGED_SPEC), result.spec());
    write(outputDir.resolve(CODEGEN_SPEC), codegen);
    write(outputDir.resolve(SERVICE_SPEC), services);
    return result;
  }

  /**
   * Writes only when the content differs: an unchanged spec keeps its timestamp, so the generator, the compiler and
   * the jar steps of later modules see nothing new and skip their work.
   */
  private static void write(Path file, JsonNode document) {
    try {
      String text = SpecJson.write(document);
      if (Files.exists(file) && Files.readString(file).equals(text)) {
        return;
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new SpecMergeException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
