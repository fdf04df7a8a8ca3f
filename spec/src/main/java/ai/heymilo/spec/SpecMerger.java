package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Merges several OpenAPI 3.1 documents describing the same API into one spec.
 *
 * <ul>
 *   <li>{@code paths}: united; operations of the same path join one path item; an operation several sources define
 *       must agree under the schema rules.
 *   <li>component schemas with the same name: identical, or differing only in annotations ({@code description},
 *       {@code title}, {@code examples}, {@code example}, {@code summary}: the richer wins), or differing by optional
 *       properties only some sources declare (properties united, {@code required} the intersection). Any other
 *       difference fails. The same rules apply inside operations, to parameter and content schemas.
 *   <li>{@code tags}: united by name. {@code openapi}, {@code info} (title and version), {@code servers},
 *       {@code security} and same-named security schemes must agree; annotations may differ.
 * </ul>
 *
 * <p>The result is in {@link CanonicalOrder canonical key order} and its references are re-checked, so the same
 * sources always give the same bytes.
 *
 * <pre>{@code
 * MergeResult result = SpecMerger.merge(SpecLoader.loadDirectory(Path.of("spec/sources")));
 * System.out.print(result.report().render());
 * }</pre>
 */
public final class SpecMerger {
  private final List<String> sourceNames = new ArrayList<>();
  /** Top-level members other than paths, webhooks, components and tags; each must agree across all sources. */
  private final Map<String, MergedEntry> agreedMembers = new LinkedHashMap<>();
  private final MergedEntries tags = MergedEntries.named(NodeKind.TAG, "tag");
  private final MergedPathItems paths = new MergedPathItems("paths");
  private final MergedPathItems webhooks = new MergedPathItems("webhooks");
  private final Map<String, MergedEntries> components = new LinkedHashMap<>();

  private SpecMerger() {}

  /**
   * Merges {@code sources}; on ties the earlier source wins, so pass them in a stable order.
   *
   * @throws SpecMergeException if the sources conflict, naming the part, the path inside it, both sources and both
   *     values
   */
  public static MergeResult merge(List<SpecSource> sources) {
    Objects.requireNonNull(sources, "sources == null");
    if (sources.isEmpty()) {
      throw new SpecMergeException("No OpenAPI sources to merge.");
    }
    SpecMerger merger = new SpecMerger();
    sources.forEach(merger::add);
    return merger.finish(sources);
  }

  private void add(SpecSource source) {
    String name = source.name();
    if (sourceNames.contains(name)) {
      throw new SpecMergeException("Two sources are both named " + name + "; source names must be unique.");
    }
    sourceNames.add(name);
    for (Map.Entry<String, JsonNode> member : source.document().properties()) {
      JsonNode value = member.getValue();
      switch (member.getKey()) {
        case "paths" -> paths.add(object(value, "paths", name), name);
        case "webhooks" -> webhooks.add(object(value, "webhooks", name), name);
        case "components" -> addComponents(object(value, "components", name), name);
        case "tags" -> addTags(value, name);
        default -> addAgreedMember(member.getKey(), value, name);
      }
    }
  }

  private void addComponents(ObjectNode sections, String source) {
    for (Map.Entry<String, JsonNode> section : sections.properties()) {
      String sectionName = section.getKey();
      MergedEntries entries = components.computeIfAbsent(sectionName, SpecMerger::componentEntries);
      object(section.getValue(), "components." + sectionName, source).properties()
          .forEach(component -> entries.add(component.getKey(), component.getValue(), source));
    }
  }

  private static MergedEntries componentEntries(String section) {
    NodeKind kind = NodeKind.COMPONENTS.member(section).kind();
    String noun = switch (section) {
      case "schemas" -> "schema";
      case "securitySchemes" -> "security scheme";
      default -> "components." + section;
    };
    return MergedEntries.named(kind, noun);
  }

  private void addTags(JsonNode value, String source) {
    if (!value.isArray()) {
      throw new SpecMergeException(source + ": tags must be an array but is " + value + ".");
    }
    for (JsonNode tag : value) {
      if (!tag.path("name").isTextual()) {
        throw new SpecMergeException(source + ": every tag needs a name, but found " + tag + ".");
      }
      tags.add(tag.get("name").textValue(), tag, source);
    }
  }

  /** Members like {@code info} merge like any part; that every source declares them is checked at the end. */
  private void addAgreedMember(String key, JsonNode value, String source) {
    MergedEntry known = agreedMembers.get(key);
    if (known == null) {
      NodeKind kind = NodeKind.DOCUMENT.member(key).kind();
      agreedMembers.put(key, new MergedEntry(key, key, kind, value, source));
    } else {
      known.mergeIn(value, source);
    }
  }

  private MergeResult finish(List<SpecSource> sources) {
    requireEverySourceDeclares();
    ObjectNode merged = CanonicalOrder.apply(document());
    ReferenceChecker.check("merged spec", merged);
    return new MergeResult(merged, report(sources, merged));
  }

  /** A source without {@code servers} or {@code security} would change what the merged spec means. */
  private void requireEverySourceDeclares() {
    for (MergedEntry member : agreedMembers.values()) {
      List<String> missing = new ArrayList<>(sourceNames);
      missing.removeAll(member.sources());
      if (!missing.isEmpty()) {
        throw new SpecMergeException(String.format(
            "Cannot merge %s: declared by %s but missing from %s; every source must declare it, and agree on it.",
            member.name(), String.join(", ", member.sources()), String.join(", ", missing)));
      }
    }
  }

  private ObjectNode document() {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    agreedMembers.forEach((key, member) -> document.set(key, member.value().deepCopy()));
    if (!tags.entries().isEmpty()) {
      ArrayNode tagArray = document.putArray("tags");
      tags.entries().forEach(tag -> tagArray.add(tag.value().deepCopy()));
    }
    if (paths.isDeclared()) {
      document.set("paths", paths.toObject());
    }
    if (webhooks.isDeclared()) {
      document.set("webhooks", webhooks.toObject());
    }
    if (!components.isEmpty()) {
      ObjectNode sections = document.putObject("components");
      components.forEach((section, entries) -> sections.set(section, entries.toObject()));
    }
    return document;
  }

  private MergeReport report(List<SpecSource> sources, ObjectNode merged) {
    List<MergeReport.SourceSummary> summaries = sources.stream()
        .map(source -> new MergeReport.SourceSummary(source.name(), SpecStats.of(source.document())))
        .collect(Collectors.toList());
    List<MergedEntry> schemas =
        components.containsKey("schemas") ? components.get("schemas").entries() : List.of();
    List<MergeReport.Shared> agreed = agreedMembers.values().stream()
        .map(MergeReport.Shared::of)
        .collect(Collectors.toList());
    List<String> otherComponents = new ArrayList<>();
    components.forEach((section, entries) -> {
      if (!section.equals("schemas")) {
        otherComponents.add(section + " " + entries.entries().stream()
            .map(MergedEntry::name).collect(Collectors.joining(", ", "(", ")")));
      }
    });
    return new MergeReport(summaries, SpecStats.of(merged), shared(paths.operations()), shared(schemas), agreed,
        tags.entries().size(), otherComponents);
  }

  private static List<MergeReport.Shared> shared(List<MergedEntry> entries) {
    return entries.stream()
        .filter(entry -> entry.sources().size() > 1)
        .map(MergeReport.Shared::of)
        .collect(Collectors.toList());
  }

  private static ObjectNode object(JsonNode value, String what, String source) {
    if (!value.isObject()) {
      throw new SpecMergeException(source + ": " + what + " must be an object but is " + value + ".");
    }
    return (ObjectNode) value;
  }
}
