package ai.heymilo.spec.diff;

import ai.heymilo.spec.SpecLoader;
import ai.heymilo.spec.SpecMerger;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * A throwaway copy of the spec module's inputs (sources, baseline, surface, CHANGELOG.md) in a temporary folder,
 * where a test applies an update to a source document and runs the change step as the build does.
 *
 * <p>{@link #atBaseline} starts from the release baseline — its merged spec as the only source, the surface and the
 * CHANGELOG's generated block acknowledged for it — so that a scenario sees exactly its own update, whatever spec
 * changes the repository has acknowledged since the release. {@link #asCommitted} copies the repository as it is.
 */
final class SpecWorkspace {
  static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  static final String MAIN = "heymilo-public-api-v2.openapi.json";
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  final Path root;
  final Path sources;
  final SpecChangesStep.StepFiles files;
  String output = "";

  /** The repository at its release baseline, ready for one scenario's update. */
  static SpecWorkspace atBaseline(Path root) {
    SpecWorkspace workspace = new SpecWorkspace(root, true);
    workspace.run(SpecChangesStep.Mode.ACCEPT, "");
    workspace.output = "";
    return workspace;
  }

  /** The repository's committed sources, surface and CHANGELOG.md as they are. */
  static SpecWorkspace asCommitted(Path root) {
    return new SpecWorkspace(root, false);
  }

  private SpecWorkspace(Path root, boolean fromBaseline) {
    this.root = root;
    this.sources = root.resolve("sources");
    try {
      Files.createDirectories(sources);
      if (fromBaseline) {
        Files.copy(MODULE.resolve("baseline/openapi.json"), sources.resolve(MAIN));
      } else {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(MODULE.resolve("sources"), "*.json")) {
          for (Path file : files) {
            Files.copy(file, sources.resolve(file.getFileName()));
          }
        }
      }
      Files.createDirectories(root.resolve("baseline"));
      for (String name : new String[] {"openapi.json", "baseline.properties"}) {
        Files.copy(MODULE.resolve("baseline").resolve(name), root.resolve("baseline").resolve(name));
      }
      Files.copy(MODULE.resolve("api-surface.txt"), root.resolve("api-surface.txt"));
      Files.copy(MODULE.resolve("../CHANGELOG.md"), root.resolve("CHANGELOG.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.files = new SpecChangesStep.StepFiles(root.resolve("target/openapi.json"), root.resolve("baseline"),
        root.resolve("CHANGELOG.md"), root.resolve("api-surface.txt"), root.resolve("target"),
        root.resolve("target/classes"));
  }

  /** Edits one source document in place, as a maintainer would. */
  SpecWorkspace edit(String file, Consumer<ObjectNode> change) {
    try {
      ObjectNode document = (ObjectNode) MAPPER.readTree(Files.readString(sources.resolve(file)));
      change.accept(document);
      Files.writeString(sources.resolve(file), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Merges the sources and runs the change step; the printed report is kept in {@link #output}. */
  ChangeReport run(SpecChangesStep.Mode mode, String release) {
    ObjectNode merged = SpecMerger.merge(SpecLoader.loadDirectory(sources)).spec();
    try {
      Files.createDirectories(files.merged().getParent());
      Files.writeString(files.merged(), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(merged));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      return SpecChangesStep.run(files, mode, release, LocalDate.of(2026, 12, 1),
          new PrintStream(printed, true, StandardCharsets.UTF_8));
    } finally {
      output = printed.toString(StandardCharsets.UTF_8);
    }
  }

  ChangeReport check() {
    return run(SpecChangesStep.Mode.CHECK, "");
  }

  /** The changes the report lists, whether or not the check passes. */
  List<SpecChange> check_changes() {
    try {
      return check().changes();
    } catch (SpecChangeException expected) {
      return SpecDiff.compare(json(read("baseline/openapi.json")), json(read("target/openapi.json"))).changes();
    }
  }

  String read(String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode schema(ObjectNode document, String name) {
    return (ObjectNode) document.path("components").path("schemas").path(name);
  }

  static ObjectNode properties(ObjectNode document, String schema) {
    return (ObjectNode) schema(document, schema).path("properties");
  }

  static ObjectNode operation(ObjectNode document, String path, String method) {
    return (ObjectNode) document.path("paths").path(path).path(method);
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void addRequired(ObjectNode schema, String property) {
    ((ArrayNode) schema.withArray("required")).add(property);
  }

  static JsonNode parse(String text) {
    return json(text);
  }
}
