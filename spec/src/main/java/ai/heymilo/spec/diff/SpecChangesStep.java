package ai.heymilo.spec.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The build step after the merge: compares the merged spec with the release baseline, prints the change report and
 * writes it to a file, and keeps the API surface snapshot and CHANGELOG.md honest.
 *
 * <p>Three modes, chosen by Maven properties:
 *
 * <ul>
 *   <li>check (every build): fails if the API surface ({@code spec/api-surface.txt}) differs from the merged spec
 *       or a breaking change is not yet recorded in CHANGELOG.md, naming each change and its Java consequence;
 *       compatible changes only are reported and pass.
 *   <li>accept ({@code -Dheymilo.acceptChanges}): rewrites the surface file and the CHANGELOG's spec block from the
 *       report (the published modules' API gates rewrite their snapshots in the same build).
 *   <li>release ({@code -Dheymilo.release=X.Y.Z}): checks the version policy, turns the Unreleased section into
 *       {@code [X.Y.Z] - date} and moves the baseline to the merged spec.
 * </ul>
 *
 * <pre>{@code
 * java ai.heymilo.spec.diff.SpecChangesStep --merged=target/classes/ai/heymilo/spec/openapi.json \
 *     --baseline=baseline --changelog=../CHANGELOG.md --surface=api-surface.txt --report=target \
 *     --resources=target/classes/ai/heymilo/spec --accept=false --release=
 * }</pre>
 */
public final class SpecChangesStep {
  /** The one command that acknowledges intended changes. */
  public static final String ACCEPT_COMMAND = "mvn -B verify -DskipTests -Dheymilo.acceptChanges";
  /** The one command that moves the baseline at release time. */
  public static final String RELEASE_COMMAND = "mvn -B verify -DskipTests -Dheymilo.release=X.Y.Z";
  static final String REPORT_FILE = "spec-changes.md";
  static final String SYMBOL_FILE = "spec-changes.tsv";
  static final String BASELINE_SPEC = "openapi.json";
  static final String BASELINE_PROPERTIES = "baseline.properties";

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  /** What the step does with a difference. */
  enum Mode { CHECK, ACCEPT, RELEASE }

  /** The files the step reads and writes. */
  record StepFiles(Path merged, Path baseline, Path changelog, Path surface, Path report, Path resources) {}

  private SpecChangesStep() {}

  /**
   * Runs the step with {@code --name=value} arguments: merged, baseline, changelog, surface, report, resources,
   * accept ({@code true}/{@code false}) and release (a version, or empty).
   *
   * @throws SpecChangeException if a change is not acknowledged, or a file cannot be read or written
   * @throws IllegalArgumentException if an argument is missing or unknown
   */
  public static void main(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("Expected --name=value arguments, but got '" + arg + "'.");
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    StepFiles files = new StepFiles(path(options, "merged"), path(options, "baseline"), path(options, "changelog"),
        path(options, "surface"), path(options, "report"), path(options, "resources"));
    String release = options.getOrDefault("release", "").strip();
    boolean accept = Set.of("", "true").contains(options.getOrDefault("accept", "false").strip().toLowerCase());
    Mode mode = !release.isEmpty() ? Mode.RELEASE : accept ? Mode.ACCEPT : Mode.CHECK;
    run(files, mode, release, LocalDate.now(), System.out);
  }

  private static Path path(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing argument --" + name + "=...");
    }
    return Path.of(value);
  }

  /**
   * Compares, reports and, by {@code mode}, fails, records or releases.
   *
   * @return the report that was printed
   * @throws SpecChangeException as {@link #main}
   */
  static ChangeReport run(StepFiles files, Mode mode, String release, LocalDate today, PrintStream out) {
    ObjectNode merged = readSpec(files.merged());
    Properties baselineProperties = baselineProperties(files.baseline());
    String baselineVersion = baselineProperties.getProperty("version");
    boolean baselineReleased = Boolean.parseBoolean(baselineProperties.getProperty("released", "true").strip());
    ObjectNode baseline = readSpec(files.baseline().resolve(BASELINE_SPEC));
    ChangeReport report = new ChangeReport(baselineVersion, baselineReleased, SpecDiff.compare(baseline, merged));
    out.print(report.render());
    writeFile(files.report().resolve(REPORT_FILE), report.markdown());
    writeFile(files.report().resolve(SYMBOL_FILE), report.symbolTable());
    out.println("Spec change report written to " + files.report().resolve(REPORT_FILE));

    SpecSurface surface = SurfaceReader.of(merged);
    SpecSurface committed = Files.exists(files.surface())
        ? SpecSurface.parse(readFile(files.surface()), files.surface().getFileName().toString()) : null;
    Changelog changelog = Changelog.read(files.changelog());
    List<String> surfaceDiff = committed == null ? List.of("+ (no committed surface yet)") : committed.diff(surface);
    List<SpecChange> unrecorded = report.changes().stream()
        .filter(change -> !changelog.specLines().contains(change.changelogLine()))
        .collect(Collectors.toList());
    List<SpecChange> unrecordedBreaking =
        unrecorded.stream().filter(SpecChange::breaking).collect(Collectors.toList());

    switch (mode) {
      case CHECK:
        if (!surfaceDiff.isEmpty() || !unrecordedBreaking.isEmpty()) {
          throw new SpecChangeException(unacknowledged(files, surfaceDiff, unrecordedBreaking, report));
        }
        if (!unrecorded.isEmpty()) {
          out.println(unrecorded.size() + " compatible spec change" + (unrecorded.size() == 1 ? " is" : "s are")
              + " not in CHANGELOG.md yet; " + ACCEPT_COMMAND + " records them.");
        }
        break;
      case ACCEPT:
        accept(files, report, surface, changelog, out);
        break;
      case RELEASE:
        if (!surfaceDiff.isEmpty() || !unrecordedBreaking.isEmpty()) {
          throw new SpecChangeException("Cannot release " + release + " yet. "
              + unacknowledged(files, surfaceDiff, unrecordedBreaking, report));
        }
        // Until the baseline's own version is out, that version may still be released with the changes in it.
        String violation = !baselineReleased && release.equals(baselineVersion)
            ? null : VersionPolicy.violation(baselineVersion, release, report.breaking());
        if (violation != null) {
          throw new SpecChangeException(violation);
        }
        changelog.withSpecChanges(report.changes()).release(release, today).write(files.changelog());
        copy(files.merged(), files.baseline().resolve(BASELINE_SPEC));
        writeFile(files.baseline().resolve(BASELINE_PROPERTIES), baselineProperties(release));
        out.println("Released " + release + ": CHANGELOG.md has its section, and spec/baseline now holds its merged"
            + " spec. Commit both.");
        break;
      default:
        throw new AssertionError(mode);
    }
    // Downstream tests read the verified surface from the class path instead of pinning counts.
    writeFile(files.resources().resolve("api-surface.txt"), surface.render());
    return report;
  }

  private static void accept(
      StepFiles files, ChangeReport report, SpecSurface surface, Changelog changelog, PrintStream out) {
    Changelog updated = changelog.withSpecChanges(report.changes());
    if (!updated.text().equals(changelog.text())) {
      updated.write(files.changelog());
      out.println("CHANGELOG.md: spec changes recorded (" + report.changes().size() + " since "
          + report.baselineVersion() + ").");
    }
    String rendered = surface.render();
    if (!Files.exists(files.surface()) || !readFile(files.surface()).equals(rendered)) {
      writeFile(files.surface(), rendered);
      out.println(files.surface().getFileName() + " rewritten: " + surface.counts() + ".");
    }
  }

  private static String unacknowledged(
      StepFiles files, List<String> surfaceDiff, List<SpecChange> breaking, ChangeReport report) {
    List<String> lines = new ArrayList<>();
    lines.add("The spec changed since release " + report.baselineVersion() + " in ways not acknowledged yet:");
    if (!surfaceDiff.isEmpty()) {
      lines.add("  The API surface (" + files.surface().getFileName() + ") differs from the merged spec:");
      surfaceDiff.forEach(line -> lines.add("    " + line));
    }
    if (!breaking.isEmpty()) {
      lines.add("  " + breaking.size() + " breaking change" + (breaking.size() == 1 ? " is" : "s are")
          + " not in CHANGELOG.md:");
      for (SpecChange change : breaking) {
        lines.add("    " + change.headline() + " [breaks " + change.breaksText() + "]");
        lines.add("        " + change.where() + ": " + change.detail());
      }
    }
    lines.add("If intended, acknowledge with one command; it rewrites " + files.surface().getFileName()
        + " and the API snapshots and records the changes in CHANGELOG.md:");
    lines.add("  " + ACCEPT_COMMAND);
    lines.add("Otherwise fix spec/sources. " + report.versionAdvice());
    return String.join("\n", lines);
  }

  private static Properties baselineProperties(Path baseline) {
    Path file = baseline.resolve(BASELINE_PROPERTIES);
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new SpecChangeException("Cannot read the baseline version from " + file + " (" + e.getMessage()
          + "); the release command writes it: " + RELEASE_COMMAND, e);
    }
    String version = properties.getProperty("version", "").strip();
    if (version.isEmpty()) {
      throw new SpecChangeException(file + " has no 'version=' line; it names the release the baseline is.");
    }
    properties.setProperty("version", version);
    return properties;
  }

  static String baselineProperties(String version) {
    return "# The release whose merged spec is openapi.json beside this file; moved by " + RELEASE_COMMAND + "\n"
        + "version=" + version + "\n"
        + "released=true\n";
  }

  private static ObjectNode readSpec(Path file) {
    JsonNode node;
    try {
      node = MAPPER.readTree(readFile(file));
    } catch (JsonProcessingException e) {
      throw new SpecChangeException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!(node instanceof ObjectNode)) {
      throw new SpecChangeException(file + " is not an OpenAPI document (expected a JSON object).");
    }
    return (ObjectNode) node;
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new SpecChangeException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes only when the content differs, so an unchanged build leaves timestamps (and later steps) alone. */
  static void writeFile(Path file, String content) {
    try {
      if (Files.exists(file) && Files.readString(file).equals(content)) {
        return;
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new SpecChangeException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void copy(Path from, Path to) {
    writeFile(to, readFile(from));
  }
}
