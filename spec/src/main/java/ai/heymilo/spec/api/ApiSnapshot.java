package ai.heymilo.spec.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The public API of one artifact as text: a header line per public type, then one indented line per public or
 * protected member, with generic types, sorted, so that the file's diff reads like the change.
 *
 * <pre>
 * public final class ai.heymilo.model.PostingStatsResponse extends ai.heymilo.model.ApiObject
 *   public java.lang.Long getTotalCandidates()
 * </pre>
 */
final class ApiSnapshot {
  /** One type: its header and member lines. */
  static final class Type {
    final String name;
    final String header;
    final SortedSet<String> members;

    Type(String name, String header, Set<String> members) {
      this.name = name;
      this.header = header;
      SortedSet<String> sorted = new TreeSet<>(BY_NAME);
      sorted.addAll(members);
      this.members = Collections.unmodifiableSortedSet(sorted);
    }
  }

  /** Members sort by name, then by the whole line, so a property's getter and setters sit together. */
  static final Comparator<String> BY_NAME =
      Comparator.comparing(ApiSnapshot::memberName).thenComparing(Comparator.naturalOrder());

  private final SortedMap<String, Type> types;

  ApiSnapshot(Map<String, Type> types) {
    this.types = Collections.unmodifiableSortedMap(new TreeMap<>(types));
  }

  SortedMap<String, Type> types() {
    return types;
  }

  int memberCount() {
    return types.values().stream().mapToInt(type -> type.members.size()).sum();
  }

  /** The committed form: {@code header} comment lines, then each type. */
  String render(String header) {
    StringBuilder out = new StringBuilder(header);
    for (Type type : types.values()) {
      out.append(type.header).append('\n');
      type.members.forEach(member -> out.append("  ").append(member).append('\n'));
    }
    return out.toString();
  }

  /**
   * Parses the committed form; {@code #} lines are comments.
   *
   * @throws ApiGateException naming {@code source} and the line, for a member line before any type
   */
  static ApiSnapshot parse(String text, String source) {
    Map<String, Type> types = new TreeMap<>();
    String header = null;
    SortedSet<String> members = new TreeSet<>();
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("  ")) {
        if (header == null) {
          throw new ApiGateException(source + " line " + number + " is a member line before any type: '" + line
              + "'.");
        }
        members.add(line.substring(2));
      } else {
        if (header != null) {
          types.put(typeName(header), new Type(typeName(header), header, members));
        }
        header = line;
        members = new TreeSet<>();
      }
    }
    if (header != null) {
      types.put(typeName(header), new Type(typeName(header), header, members));
    }
    return new ApiSnapshot(types);
  }

  /** The binary type name in a header: the word after {@code class}, {@code interface}, {@code enum} or {@code @interface}. */
  static String typeName(String header) {
    String[] words = header.split(" ");
    for (int i = 0; i < words.length - 1; i++) {
      if (List.of("class", "interface", "enum", "@interface").contains(words[i])) {
        String name = words[i + 1];
        int generic = name.indexOf('<');
        return generic < 0 ? name : name.substring(0, generic);
      }
    }
    return header;
  }

  /** The member's name: the word before {@code (} for methods and constructors, the last word for fields. */
  static String memberName(String member) {
    int paren = member.indexOf('(');
    String head = paren < 0 ? member : member.substring(0, paren);
    List<String> words = new ArrayList<>(List.of(head.strip().split(" ")));
    return words.get(words.size() - 1);
  }
}
