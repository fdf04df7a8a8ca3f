package ai.heymilo.spec.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The spec changes since the release baseline, as the build shows them: a short report for the log, a Markdown
 * file with the details, and a tab-separated list of affected Java symbols for the public-API gate.
 */
final class ChangeReport {
  private static final int MAX_LOG_LINES = 40;

  private final String baselineVersion;
  private final boolean baselineReleased;
  private final List<SpecChange> changes;
  private final int documentationOnly;

  ChangeReport(String baselineVersion, boolean baselineReleased, SpecDiff.Result result) {
    this.baselineVersion = baselineVersion;
    this.baselineReleased = baselineReleased;
    this.changes = result.changes();
    this.documentationOnly = result.documentationOnly();
  }

  List<SpecChange> changes() {
    return changes;
  }

  String baselineVersion() {
    return baselineVersion;
  }

  boolean breaking() {
    return changes.stream().anyMatch(SpecChange::breaking);
  }

  List<SpecChange> breakingChanges() {
    return changes.stream().filter(SpecChange::breaking).collect(Collectors.toList());
  }

  /** The short report: one line per change (breaking first), then the version the next release needs. */
  String render() {
    List<String> lines = new ArrayList<>();
    long breakingCount = breakingChanges().size();
    String docs = documentationOnly == 0 ? "" : "; " + documentationOnly + " part"
        + (documentationOnly == 1 ? "" : "s") + " differing only in documentation or spelling";
    if (changes.isEmpty()) {
      lines.add("Spec changes since release " + baselineVersion + ": none" + docs);
      return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
    }
    lines.add("Spec changes since release " + baselineVersion + ": " + changes.size() + " (" + breakingCount
        + " breaking)" + docs);
    List<SpecChange> ordered = new ArrayList<>(breakingChanges());
    changes.stream().filter(change -> !change.breaking()).forEach(ordered::add);
    int shown = 0;
    for (SpecChange change : ordered) {
      if (shown++ == MAX_LOG_LINES) {
        lines.add("  ... and " + (ordered.size() - MAX_LOG_LINES) + " more in the report file");
        break;
      }
      lines.add("  " + (change.breaking() ? "BREAKING " : "") + change.headline()
          + (change.breaking() ? " [" + change.breaksText() + "]" : ""));
      lines.add("      " + change.where() + ": " + change.detail());
    }
    lines.add(versionAdvice());
    return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
  }

  /** What the version policy asks of the next release. */
  String versionAdvice() {
    String next = VersionPolicy.next(baselineVersion, breaking()) + (breaking() ? " (breaking changes)" : "");
    return baselineReleased
        ? "Version policy: the next release must be at least " + next + "."
        : "Version policy: " + baselineVersion + " is not released yet and may still ship these changes; after it,"
            + " the next release must be at least " + next + ".";
  }

  /** The report file: every change with its section, spec location, detail and what it breaks. */
  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Spec changes since release ").append(baselineVersion).append("\n\n");
    out.append("Baseline: `spec/baseline/openapi.json`. ").append(changes.size()).append(" changes, ")
        .append(breakingChanges().size()).append(" breaking; ").append(documentationOnly)
        .append(" parts differ only in documentation or spelling (type arrays versus anyOf with null, ...). ")
        .append(versionAdvice()).append("\n");
    for (SpecChange.Section section : SpecChange.Section.values()) {
      List<SpecChange> inSection =
          changes.stream().filter(change -> change.section() == section).collect(Collectors.toList());
      if (inSection.isEmpty()) {
        continue;
      }
      out.append("\n## ").append(section.title).append("\n\n");
      for (SpecChange change : inSection) {
        out.append("- ").append(change.changelogLine()).append("\n");
        out.append("  - spec: ").append(change.where()).append(": ").append(change.detail()).append("\n");
        out.append("  - breaks: ").append(change.breaking() ? change.breaksText() : "nothing").append("\n");
      }
    }
    return out.toString();
  }

  /**
   * One line per affected Java symbol: {@code symbol <TAB> BREAKING|COMPATIBLE <TAB> changelog line}. The API gate
   * reads it to name the spec change behind a changed signature.
   */
  String symbolTable() {
    StringBuilder out = new StringBuilder();
    for (SpecChange change : changes) {
      for (String symbol : change.symbols()) {
        out.append(symbol).append('\t').append(change.breaking() ? "BREAKING" : "COMPATIBLE").append('\t')
            .append(change.where()).append(": ").append(change.detail()).append(" → ").append(change.changelogLine())
            .append('\n');
      }
    }
    return out.toString();
  }
}
