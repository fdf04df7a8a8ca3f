package ai.heymilo.spec.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The differences between a committed API snapshot and the API just built, each classified: removing or changing a
 * type, member or type header breaks callers (source, binary or both); adding types and members does not.
 */
final class ApiDiff {
  /** One change: the type, the lines before and after (either may be empty), and whether it is compatible. */
  static final class Change {
    final String type;
    final List<String> removed;
    final List<String> added;
    final boolean compatible;
    /** The member name, or null for a whole type or its header. */
    final @Nullable String member;

    Change(String type, @Nullable String member, List<String> removed, List<String> added, boolean compatible) {
      this.type = type;
      this.member = member;
      this.removed = List.copyOf(removed);
      this.added = List.copyOf(added);
      this.compatible = compatible;
    }

    /** {@code ai.heymilo.model.PostingStatsResponse#getTotalCandidates}, or the type name. */
    String symbol() {
      return member == null ? type : type + "#" + member;
    }

    /** One line for CHANGELOG.md: {@code `Type`: `old` → `new`}. */
    String summary() {
      String simple = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
      if (removed.isEmpty()) {
        return "`" + simple + "`: added `" + String.join("`, `", added) + "`";
      }
      if (added.isEmpty()) {
        return "`" + simple + "`: removed `" + String.join("`, `", removed) + "`";
      }
      return "`" + simple + "`: `" + String.join("`, `", removed) + "` is now `" + String.join("`, `", added) + "`";
    }
  }

  private ApiDiff() {}

  static List<Change> compare(ApiSnapshot before, ApiSnapshot after) {
    List<Change> changes = new ArrayList<>();
    Set<String> names = new TreeSet<>(before.types().keySet());
    names.addAll(after.types().keySet());
    for (String name : names) {
      ApiSnapshot.Type old = before.types().get(name);
      ApiSnapshot.Type now = after.types().get(name);
      if (now == null) {
        changes.add(new Change(name, null, List.of(old.header), List.of(), false));
      } else if (old == null) {
        changes.add(new Change(name, null, List.of(), List.of(now.header), true));
      } else {
        compareType(old, now, changes);
      }
    }
    return changes;
  }

  private static void compareType(ApiSnapshot.Type old, ApiSnapshot.Type now, List<Change> changes) {
    if (!old.header.equals(now.header)) {
      changes.add(new Change(old.name, null, List.of(old.header), List.of(now.header),
          onlyAddsInterfaces(old.header, now.header)));
    }
    SortedSet<String> removed = new TreeSet<>(old.members);
    removed.removeAll(now.members);
    SortedSet<String> added = new TreeSet<>(now.members);
    added.removeAll(old.members);
    // A removed and an added member with the same name are one changed signature.
    Set<String> names = new LinkedHashSet<>();
    removed.forEach(member -> names.add(ApiSnapshot.memberName(member)));
    for (String member : names) {
      List<String> before = removed.stream().filter(m -> ApiSnapshot.memberName(m).equals(member)).toList();
      List<String> after = added.stream().filter(m -> ApiSnapshot.memberName(m).equals(member)).toList();
      added.removeAll(after);
      changes.add(new Change(old.name, member, before, after, false));
    }
    for (String member : added) {
      changes.add(new Change(old.name, ApiSnapshot.memberName(member), List.of(), List.of(member), true));
    }
  }

  /** Implementing more interfaces keeps every old use valid; any other header change may not. */
  private static boolean onlyAddsInterfaces(String old, String now) {
    String keyword = old.contains(" interface ") ? " extends " : " implements ";
    String oldHead = head(old, keyword);
    String newHead = head(now, keyword);
    return oldHead.equals(newHead) && interfaces(now, keyword).containsAll(interfaces(old, keyword));
  }

  private static String head(String header, String keyword) {
    int at = header.lastIndexOf(keyword);
    return at < 0 ? header : header.substring(0, at);
  }

  private static List<String> interfaces(String header, String keyword) {
    int at = header.lastIndexOf(keyword);
    return at < 0 ? List.of() : Arrays.asList(header.substring(at + keyword.length()).split(", "));
  }
}
