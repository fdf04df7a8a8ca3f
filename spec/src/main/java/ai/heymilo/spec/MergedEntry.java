package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One named part of the merged spec (an operation, a component, a tag, ...) as merged so far, and its sources. */
final class MergedEntry {
  /** How the sources of a part compared, for the report. */
  enum Outcome { IDENTICAL, ANNOTATIONS_DIFFER, PROPERTIES_ADDED }

  private final String name;
  private final String subject;
  private final NodeKind kind;
  private final List<String> sources = new ArrayList<>();
  private final MergeNotes notes = new MergeNotes();
  private JsonNode value;

  /**
   * @param name the part's name in the report, e.g. {@code Pet} or {@code GET /pets}
   * @param subject the part as errors name it, e.g. {@code schema 'Pet'}
   */
  MergedEntry(String name, String subject, NodeKind kind, JsonNode value, String source) {
    this.name = name;
    this.subject = subject;
    this.kind = kind;
    this.value = value.deepCopy();
    sources.add(source);
  }

  /** Merges another source's version of this part into it. */
  void mergeIn(JsonNode incoming, String source) {
    // The left side is everything merged so far, so a conflict names all the sources it came from.
    String mergedSoFar = String.join(" + ", sources);
    value = new NodeMerger(subject, mergedSoFar, source, notes).merge(kind, value, incoming);
    sources.add(source);
  }

  String name() {
    return name;
  }

  JsonNode value() {
    return value;
  }

  List<String> sources() {
    return List.copyOf(sources);
  }

  List<MergeNotes.AddedProperty> addedProperties() {
    return notes.addedProperties();
  }

  Outcome outcome() {
    if (!notes.addedProperties().isEmpty()) {
      return Outcome.PROPERTIES_ADDED;
    }
    return notes.annotationDifferences().isEmpty() ? Outcome.IDENTICAL : Outcome.ANNOTATIONS_DIFFER;
  }
}
