package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Parts of one kind merged by key (component schemas, operations of a path, tags, ...), in first-seen order. */
final class MergedEntries {
  private final NodeKind kind;
  private final UnaryOperator<String> reportName;
  private final UnaryOperator<String> subject;
  private final Map<String, MergedEntry> byKey = new LinkedHashMap<>();

  /**
   * @param reportName how the report names the part keyed {@code key}, e.g. {@code key -> "GET " + path}
   * @param subject how errors name it, e.g. {@code key -> "operation GET " + path}
   */
  MergedEntries(NodeKind kind, UnaryOperator<String> reportName, UnaryOperator<String> subject) {
    this.kind = kind;
    this.reportName = reportName;
    this.subject = subject;
  }

  /** Parts named by their key, e.g. component schemas: {@code Pet}, and {@code schema 'Pet'} in errors. */
  static MergedEntries named(NodeKind kind, String noun) {
    return new MergedEntries(kind, UnaryOperator.identity(), key -> noun + " '" + key + "'");
  }

  /** Adds {@code source}'s version of the part {@code key}: new keys are taken, known ones merged. */
  void add(String key, JsonNode value, String source) {
    MergedEntry known = byKey.get(key);
    if (known == null) {
      byKey.put(key, new MergedEntry(reportName.apply(key), subject.apply(key), kind, value, source));
    } else {
      known.mergeIn(value, source);
    }
  }

  List<MergedEntry> entries() {
    return new ArrayList<>(byKey.values());
  }

  /** The merged parts as a new JSON object from key to value. */
  ObjectNode toObject() {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    byKey.forEach((key, entry) -> object.set(key, entry.value().deepCopy()));
    return object;
  }
}
