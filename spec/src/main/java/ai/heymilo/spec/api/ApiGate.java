package ai.heymilo.spec.api;

import ai.heymilo.spec.diff.Changelog;
import ai.heymilo.spec.diff.SpecChangesStep;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The public-API gate of a published artifact: compares the API of its compiled classes with the committed
 * snapshot ({@code api/<artifactId>.api}) and fails {@code verify} on an incompatible difference, naming each
 * changed signature and the spec change behind it (from the spec module's {@code target/spec-changes.tsv}).
 *
 * <p>With {@code --accept=true} ({@code -Dheymilo.acceptChanges}) it rewrites the snapshot and records in
 * CHANGELOG.md the incompatible changes that no spec change explains (those the spec explains are in the
 * changelog's spec block already). Compatible additions pass, with a note that the snapshot is behind.
 *
 * <pre>{@code
 * java ai.heymilo.spec.api.ApiGate --artifact=heymilo-sdk --classes=target/classes --snapshot=api/heymilo-sdk.api \
 *     --spec-changes=../spec/target/spec-changes.tsv --changelog=../CHANGELOG.md --accept=false --release=
 * }</pre>
 *
 * <p>It runs under exec:java with the module's test class path, which is how it can load the module's classes.
 */
public final class ApiGate {
  private static final Pattern TYPE_NAME = Pattern.compile("ai\\.heymilo\\.[A-Za-z0-9_.$]+");

  private ApiGate() {}

  /**
   * Runs the gate with {@code --name=value} arguments: artifact, classes, snapshot, spec-changes, changelog, accept
   * and release.
   *
   * @throws ApiGateException on an unacknowledged incompatible change, or if a file cannot be read or written
   * @throws IllegalArgumentException if an argument is missing or malformed
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
    for (String required : List.of("artifact", "classes", "snapshot", "spec-changes", "changelog")) {
      if (options.getOrDefault(required, "").isBlank()) {
        throw new IllegalArgumentException("Missing argument --" + required + "=...");
      }
    }
    String acceptValue = options.getOrDefault("accept", "false").strip();
    boolean accept = acceptValue.isEmpty() || acceptValue.equalsIgnoreCase("true");
    boolean release = !options.getOrDefault("release", "").isBlank();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ApiSnapshot current = ApiDump.dump(Path.of(options.get("classes")), loader);
    run(options.get("artifact"), current, Path.of(options.get("snapshot")), Path.of(options.get("spec-changes")),
        Path.of(options.get("changelog")), accept, release, System.out);
  }

  /**
   * Compares {@code current} with the snapshot file and checks, accepts or (at a release) syncs compatible
   * additions.
   *
   * @throws ApiGateException as {@link #main}
   */
  static void run(String artifact, ApiSnapshot current, Path snapshotFile, Path specChanges, Path changelogFile,
      boolean accept, boolean release, PrintStream out) {
    String header = header(artifact);
    if (!Files.exists(snapshotFile)) {
      if (!accept) {
        throw new ApiGateException(artifact + " has no public-API snapshot at " + snapshotFile + "; create it with:\n  "
            + SpecChangesStep.ACCEPT_COMMAND);
      }
      write(snapshotFile, current.render(header));
      out.println(artifact + ": public-API snapshot created at " + snapshotFile + " (" + current.types().size()
          + " types, " + current.memberCount() + " members).");
      return;
    }
    ApiSnapshot committed = ApiSnapshot.parse(read(snapshotFile), snapshotFile.toString());
    List<ApiDiff.Change> changes = ApiDiff.compare(committed, current);
    List<ApiDiff.Change> incompatible =
        changes.stream().filter(change -> !change.compatible).collect(Collectors.toList());
    int additions = changes.size() - incompatible.size();
    Map<String, String> explanations = explanations(specChanges);
    if (accept && changes.isEmpty()) {
      write(snapshotFile, current.render(header));
      out.println(artifact + ": public API unchanged (" + current.types().size() + " types, "
          + current.memberCount() + " members).");
      return;
    }
    if (accept) {
      write(snapshotFile, current.render(header));
      List<String> unexplained = new ArrayList<>();
      for (ApiDiff.Change change : incompatible) {
        if (explanation(change, explanations) == null) {
          unexplained.add("`" + artifact + "`: " + change.summary() + " — breaking");
        }
      }
      if (!unexplained.isEmpty()) {
        Changelog.read(changelogFile).withApiChanges(unexplained).write(changelogFile);
      }
      out.println(artifact + ": public-API snapshot rewritten with " + incompatible.size() + " incompatible and "
          + additions + " compatible changes" + (unexplained.isEmpty() ? "." : "; " + unexplained.size()
              + " incompatible changes that no spec change explains are recorded in CHANGELOG.md."));
      return;
    }
    if (!incompatible.isEmpty()) {
      throw new ApiGateException(failure(artifact, snapshotFile, incompatible, explanations));
    }
    if (additions > 0 && release) {
      write(snapshotFile, current.render(header));
      out.println(artifact + ": public-API snapshot updated with " + additions + " compatible additions.");
    } else if (additions > 0) {
      out.println(artifact + ": public API matches " + snapshotFile.getFileName() + " except " + additions
          + " compatible addition" + (additions == 1 ? "" : "s") + " (" + additionsSummary(changes) + "); "
          + SpecChangesStep.ACCEPT_COMMAND + " records them.");
    } else {
      out.println(artifact + ": public API matches " + snapshotFile.getFileName() + " (" + current.types().size()
          + " types, " + current.memberCount() + " members).");
    }
  }

  private static String failure(
      String artifact, Path snapshotFile, List<ApiDiff.Change> incompatible, Map<String, String> explanations) {
    List<String> lines = new ArrayList<>();
    lines.add(artifact + ": " + incompatible.size() + " incompatible change" + (incompatible.size() == 1 ? "" : "s")
        + " to the public API (compared with " + snapshotFile + "):");
    for (ApiDiff.Change change : incompatible) {
      lines.add("  " + change.type);
      change.removed.forEach(line -> lines.add("    - " + line));
      change.added.forEach(line -> lines.add("    + " + line));
      String explanation = explanation(change, explanations);
      lines.add(explanation == null
          ? "    (no spec change explains it: a template, generator or hand-written change)"
          : "    spec: " + explanation);
    }
    lines.add("If intended, acknowledge with one command; it rewrites the snapshot and records the change in "
        + "CHANGELOG.md:");
    lines.add("  " + SpecChangesStep.ACCEPT_COMMAND);
    lines.add("Otherwise restore the previous API. Breaking changes need the next minor version while 0.x, the next "
        + "major after 1.0.");
    return String.join("\n", lines);
  }

  /** The spec change naming this member, else this type, else a type the changed lines mention. */
  static @Nullable String explanation(ApiDiff.Change change, Map<String, String> explanations) {
    if (explanations.containsKey(change.symbol())) {
      return explanations.get(change.symbol());
    }
    if (explanations.containsKey(change.type)) {
      return explanations.get(change.type);
    }
    List<String> lines = new ArrayList<>(change.removed);
    lines.addAll(change.added);
    for (String line : lines) {
      Matcher matcher = TYPE_NAME.matcher(line);
      while (matcher.find()) {
        String mentioned = matcher.group();
        if (explanations.containsKey(mentioned)) {
          return explanations.get(mentioned);
        }
      }
    }
    return null;
  }

  /** Symbol → "where: detail → changelog line", from the spec module's symbol table (absent: no spec changes). */
  static Map<String, String> explanations(Path specChanges) {
    Map<String, String> bySymbol = new LinkedHashMap<>();
    if (!Files.exists(specChanges)) {
      return bySymbol;
    }
    for (String line : read(specChanges).split("\n")) {
      String[] columns = line.split("\t", 3);
      if (columns.length == 3) {
        bySymbol.putIfAbsent(columns[0], columns[2]);
      }
    }
    return bySymbol;
  }

  private static String additionsSummary(List<ApiDiff.Change> changes) {
    List<String> added = changes.stream().filter(change -> change.compatible)
        .map(change -> change.symbol().substring(change.symbol().lastIndexOf('.') + 1))
        .collect(Collectors.toList());
    return added.size() <= 5 ? String.join(", ", added)
        : String.join(", ", added.subList(0, 5)) + " and " + (added.size() - 5) + " more";
  }

  static String header(String artifact) {
    return "# Public API of " + artifact + ": public and protected signatures of its public types (packages named\n"
        + "# 'internal' excluded). `mvn verify` compares the compiled classes with this file and fails on an\n"
        + "# incompatible difference; after an intended change run\n"
        + "#   " + SpecChangesStep.ACCEPT_COMMAND + "\n"
        + "# which rewrites this file and records the change in CHANGELOG.md.\n";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new ApiGateException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String content) {
    try {
      if (Files.exists(file) && Files.readString(file).equals(content)) {
        return;
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new ApiGateException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
