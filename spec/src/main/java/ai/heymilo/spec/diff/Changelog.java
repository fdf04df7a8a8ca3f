package ai.heymilo.spec.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code CHANGELOG.md} (Keep a Changelog), whose {@code [Unreleased]} section holds two generated blocks: the spec
 * changes (rewritten from the change report, so it always lists exactly the changes since the baseline) and the
 * public-API changes the gates recorded (accumulated). Everything outside the markers is the maintainers' own text
 * and is kept as it is.
 *
 * <p>A breaking spec change counts as acknowledged when its line is in the spec block.
 */
public final class Changelog {
  static final String UNRELEASED = "## [Unreleased]";
  static final String SPEC_BEGIN = "<!-- spec-changes:begin — generated from the spec change report -->";
  static final String SPEC_END = "<!-- spec-changes:end -->";
  static final String API_BEGIN = "<!-- api-changes:begin — recorded by the public-API gates -->";
  static final String API_END = "<!-- api-changes:end -->";

  private final String text;

  private Changelog(String text) {
    this.text = text;
  }

  /** Parses {@code text}; it must have the Unreleased heading and both generated blocks. */
  static Changelog parse(String text, String name) {
    for (String marker : List.of(UNRELEASED, SPEC_BEGIN, SPEC_END, API_BEGIN, API_END)) {
      if (!text.contains(marker)) {
        throw new SpecChangeException(name + " lacks the line '" + marker + "'; the build writes the generated "
            + "changelog lines between those markers under '" + UNRELEASED + "'. Restore it (see git history).");
      }
    }
    return new Changelog(text);
  }

  /** Reads {@code file}. */
  public static Changelog read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new SpecChangeException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes this changelog to {@code file}. */
  public void write(Path file) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new SpecChangeException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  String text() {
    return text;
  }

  /** The lines of the spec block, without their {@code "- "} marker. */
  Set<String> specLines() {
    return entries(block(SPEC_BEGIN, SPEC_END));
  }

  /** The lines of the API block, without their {@code "- "} marker. */
  public Set<String> apiLines() {
    return entries(block(API_BEGIN, API_END));
  }

  /** A copy whose spec block lists {@code changes}, grouped under Added / Changed / Removed. */
  Changelog withSpecChanges(List<SpecChange> changes) {
    StringBuilder block = new StringBuilder();
    for (SpecChange.Section section : SpecChange.Section.values()) {
      List<String> lines = changes.stream().filter(change -> change.section() == section)
          .map(SpecChange::changelogLine).collect(Collectors.toList());
      if (!lines.isEmpty()) {
        block.append("### ").append(section.title).append(" (API spec)\n");
        lines.forEach(line -> block.append("- ").append(line).append('\n'));
      }
    }
    return new Changelog(replaceBlock(SPEC_BEGIN, SPEC_END, block.toString()));
  }

  /** A copy whose API block also lists {@code lines} (each once). */
  public Changelog withApiChanges(List<String> lines) {
    Set<String> all = new LinkedHashSet<>(apiLines());
    all.addAll(lines);
    StringBuilder block = new StringBuilder();
    if (!all.isEmpty()) {
      block.append("### Changed (public API)\n");
      all.forEach(line -> block.append("- ").append(line).append('\n'));
    }
    return new Changelog(replaceBlock(API_BEGIN, API_END, block.toString()));
  }

  /**
   * A copy in which the Unreleased section becomes {@code ## [version] - date} (its generated lines kept as plain
   * text) and a new, empty Unreleased section with fresh markers sits above it.
   */
  Changelog release(String version, LocalDate date) {
    int start = text.indexOf(UNRELEASED);
    String before = text.substring(0, start);
    String section = text.substring(start + UNRELEASED.length());
    int next = section.indexOf("\n## ");
    String body = next < 0 ? section : section.substring(0, next + 1);
    String rest = next < 0 ? "" : section.substring(next + 1);
    List<String> kept = new ArrayList<>();
    for (String line : body.split("\n", -1)) {
      if (!List.of(SPEC_BEGIN, SPEC_END, API_BEGIN, API_END).contains(line.strip())) {
        kept.add(line);
      }
    }
    String released = String.join("\n", kept).strip();
    // The first release: its placeholder section ("## [0.1.0] - not released yet") gets the date and the lines.
    String placeholder = "## [" + version + "] - not released yet\n";
    int at = rest.indexOf(placeholder);
    if (at >= 0) {
      int end = rest.indexOf("\n## ", at + placeholder.length());
      String placeholderBody = (end < 0 ? rest.substring(at + placeholder.length())
          : rest.substring(at + placeholder.length(), end + 1)).strip();
      rest = rest.substring(0, at) + (end < 0 ? "" : rest.substring(end + 1));
      released = (released + "\n\n" + placeholderBody).strip();
    }
    String fresh = UNRELEASED + "\n\n" + SPEC_BEGIN + "\n" + SPEC_END + "\n" + API_BEGIN + "\n" + API_END + "\n\n";
    String versionSection = "## [" + version + "] - " + date + "\n\n"
        + (released.isEmpty() ? "No changes.\n" : released + "\n") + "\n";
    return new Changelog(before + fresh + versionSection + rest);
  }

  private String block(String begin, String end) {
    int from = text.indexOf(begin) + begin.length();
    return text.substring(from, text.indexOf(end, from));
  }

  private String replaceBlock(String begin, String end, String content) {
    int from = text.indexOf(begin) + begin.length();
    int to = text.indexOf(end, from);
    return text.substring(0, from) + "\n" + content + text.substring(to);
  }

  private static Set<String> entries(String block) {
    Set<String> lines = new LinkedHashSet<>();
    for (String line : block.split("\n")) {
      if (line.startsWith("- ")) {
        lines.add(line.substring(2));
      }
    }
    return lines;
  }
}
