package ai.heymilo.spec.diff;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One difference between the baseline and the new merged spec, told as its consequence for Java callers, with
 * what it breaks.
 *
 * @param section the Keep a Changelog section it belongs to
 * @param headline the consequence in the Java a caller wrote, e.g. {@code `PostingStatsResponse.getTotalCandidates()`
 *     now returns `String` (was `Long`)}; this is the CHANGELOG line
 * @param where the spec location: {@code schema PostingStatsResponse, property total_candidates} or
 *     {@code GET /api/v2/postings (listPostings)}
 * @param detail what changed in the spec: {@code type integer → string}
 * @param breaks what the change breaks; empty for a compatible change
 * @param symbols the affected Java symbols ({@code ai.heymilo.model.PostingStatsResponse#getTotalCandidates}), so
 *     the API gate can name the spec change behind a changed signature
 */
record SpecChange(
    Section section, String headline, String where, String detail, Set<Impact> breaks, List<String> symbols) {

  /** The Keep a Changelog sections a spec change can land in. */
  enum Section {
    ADDED("Added"), CHANGED("Changed"), REMOVED("Removed");

    final String title;

    Section(String title) {
      this.title = title;
    }
  }

  /** What a breaking change breaks. */
  enum Impact {
    /** Code that compiled against the old SDK no longer compiles. */
    JAVA_SOURCE("Java source"),
    /** Code compiled against the old SDK fails at run time with the new jar (NoSuchMethodError, ...). */
    JAVA_BINARY("Java binary"),
    /** Requests or responses that worked before now fail or change meaning, whatever the Java signatures. */
    WIRE("wire");

    final String label;

    Impact(String label) {
      this.label = label;
    }
  }

  static final Set<Impact> JAVA = EnumSet.of(Impact.JAVA_SOURCE, Impact.JAVA_BINARY);
  static final Set<Impact> JAVA_AND_WIRE = EnumSet.allOf(Impact.class);
  static final Set<Impact> WIRE_ONLY = EnumSet.of(Impact.WIRE);
  static final Set<Impact> NONE = EnumSet.noneOf(Impact.class);

  SpecChange {
    Objects.requireNonNull(section, "section == null");
    Objects.requireNonNull(headline, "headline == null");
    breaks = breaks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(breaks));
    symbols = List.copyOf(symbols);
  }

  boolean breaking() {
    return !breaks.isEmpty();
  }

  /** {@code Java source, Java binary, wire}, in that order. */
  String breaksText() {
    return EnumSet.copyOf(breaks.isEmpty() ? EnumSet.noneOf(Impact.class) : breaks).stream()
        .map(impact -> impact.label).collect(Collectors.joining(", "));
  }

  /** The CHANGELOG line, without the list marker: the headline, suffixed {@code — breaking} when it is. */
  String changelogLine() {
    return headline + (breaking() ? " — breaking" : "");
  }
}
