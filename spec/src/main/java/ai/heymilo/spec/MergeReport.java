package ai.heymilo.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a merge unified, rendered as one screen of text for the build log.
 *
 * <p>It lists each source with its counts, the merged counts, the operations and schemas more than one source
 * defined and how their versions compared (identical, annotations differing with the richer kept, or properties
 * united, naming each added property and its source), and what else the sources agreed on or united. A report
 * exists only for a successful merge, so it always ends with {@code Conflicts: none}.
 */
public final class MergeReport {
  private static final int WIDTH = 110;
  private static final int MAX_LINES_PER_LIST = 4;

  /** One source and its counts. */
  record SourceSummary(String name, SpecStats stats) {}

  /** A part several sources defined, and how their versions compared. */
  record Shared(
      String name, List<String> sources, MergedEntry.Outcome outcome, List<MergeNotes.AddedProperty> added) {
    static Shared of(MergedEntry entry) {
      return new Shared(entry.name(), entry.sources(), entry.outcome(), entry.addedProperties());
    }
  }

  private final List<SourceSummary> sources;
  private final SpecStats result;
  private final List<Shared> operations;
  private final List<Shared> schemas;
  private final List<Shared> agreedMembers;
  private final int tagCount;
  private final List<String> otherComponents;

  /**
   * @param operations the operations several sources define
   * @param schemas the component schemas several sources define
   * @param agreedMembers the top-level members every source declares and agrees on ({@code info}, ...)
   * @param otherComponents the other component sections and their names, e.g. {@code securitySchemes (ApiKey)}
   */
  MergeReport(
      List<SourceSummary> sources, SpecStats result, List<Shared> operations, List<Shared> schemas,
      List<Shared> agreedMembers, int tagCount, List<String> otherComponents) {
    this.sources = List.copyOf(sources);
    this.result = result;
    this.operations = List.copyOf(operations);
    this.schemas = List.copyOf(schemas);
    this.agreedMembers = List.copyOf(agreedMembers);
    this.tagCount = tagCount;
    this.otherComponents = List.copyOf(otherComponents);
  }

  List<SourceSummary> sources() {
    return sources;
  }

  SpecStats result() {
    return result;
  }

  List<Shared> operations() {
    return operations;
  }

  List<Shared> schemas() {
    return schemas;
  }

  /** Renders the report; every line ends with {@code \n}. */
  public String render() {
    List<String> lines = new ArrayList<>();
    lines.add("Spec merge: " + sources.size() + " sources");
    int nameWidth = sources.stream().mapToInt(source -> source.name().length()).max().orElse(0);
    for (SourceSummary source : sources) {
      SpecStats stats = source.stats();
      lines.add(String.format("  %-" + nameWidth + "s %4d paths %4d operations %4d schemas",
          source.name(), stats.paths(), stats.operations(), stats.schemas()));
    }
    lines.add("Result: " + result);
    addShared(lines, "Operations", operations);
    addShared(lines, "Schemas", schemas);
    if (!agreedMembers.isEmpty()) {
      lines.addAll(wrap("Agreed in all sources: ", agreedMembers.stream()
          .map(member -> member.outcome() == MergedEntry.Outcome.IDENTICAL
              ? member.name()
              : member.name() + " (annotations differ, richer kept)")
          .collect(Collectors.toList())));
    }
    if (tagCount > 0) {
      lines.add("Tags united by name: " + tagCount);
    }
    if (!otherComponents.isEmpty()) {
      lines.addAll(wrap("Other components united by name: ", otherComponents));
    }
    lines.add("Conflicts: none");
    return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
  }

  @Override
  public String toString() {
    return render();
  }

  private static void addShared(List<String> lines, String what, List<Shared> shared) {
    lines.add(what + " in several sources, unified: " + shared.size());
    addGroup(lines, "identical", shared, MergedEntry.Outcome.IDENTICAL);
    addGroup(lines, "annotations differ, richer kept", shared, MergedEntry.Outcome.ANNOTATIONS_DIFFER);
    List<String> unions = new ArrayList<>();
    for (Shared part : shared) {
      if (part.outcome() == MergedEntry.Outcome.PROPERTIES_ADDED) {
        unions.add(part.name() + " " + describeAdded(part.added()));
      }
    }
    if (!unions.isEmpty()) {
      lines.addAll(wrap("  property union (" + unions.size() + "): ", unions));
    }
  }

  private static void addGroup(List<String> lines, String label, List<Shared> shared, MergedEntry.Outcome outcome) {
    List<String> names = shared.stream()
        .filter(part -> part.outcome() == outcome)
        .map(Shared::name)
        .collect(Collectors.toList());
    if (!names.isEmpty()) {
      lines.addAll(wrap("  " + label + " (" + names.size() + "): ", names));
    }
  }

  /** {@code +a, +b from x.json; +c from y.json}; a top-level property shows as its name alone. */
  private static String describeAdded(List<MergeNotes.AddedProperty> added) {
    Map<String, List<String>> bySource = new LinkedHashMap<>();
    for (MergeNotes.AddedProperty property : added) {
      String path = property.path().startsWith("properties/")
          ? property.path().substring("properties/".length())
          : property.path();
      bySource.computeIfAbsent(property.source(), source -> new ArrayList<>()).add("+" + path);
    }
    return bySource.entrySet().stream()
        .map(entry -> String.join(", ", entry.getValue()) + " from " + entry.getKey())
        .collect(Collectors.joining("; ", "(", ")"));
  }

  /**
   * Joins {@code items} with commas after {@code prefix}, breaking lines before {@link #WIDTH}; beyond
   * {@link #MAX_LINES_PER_LIST} lines the rest is only counted, so the report stays one screen for any sources.
   */
  private static List<String> wrap(String prefix, List<String> items) {
    List<String> lines = new ArrayList<>();
    String indent = "    ";
    StringBuilder line = new StringBuilder(prefix);
    int shown = 0;
    for (String item : items) {
      boolean lineHasItems = line.length() > (lines.isEmpty() ? prefix.length() : indent.length());
      if (lineHasItems && line.length() + item.length() + 2 > WIDTH) {
        if (lines.size() + 1 == MAX_LINES_PER_LIST) {
          line.append(" ... and ").append(items.size() - shown).append(" more");
          break;
        }
        lines.add(line.toString());
        line = new StringBuilder(indent);
      } else if (lineHasItems) {
        line.append(' ');
      }
      line.append(item).append(++shown < items.size() ? "," : "");
    }
    lines.add(line.toString());
    return lines;
  }
}
