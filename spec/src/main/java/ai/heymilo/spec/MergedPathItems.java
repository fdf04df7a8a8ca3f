package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The path items of every source ({@code paths} or {@code webhooks}): operations are united per path item, and
 * what the path item declares besides its operations (shared parameters, servers, ...) must agree.
 */
final class MergedPathItems {
  private final String member;
  private final MergedEntries rest;
  private final Map<String, MergedEntries> operationsByPath = new LinkedHashMap<>();
  private boolean declared;

  /** @param member the document member merged: {@code paths} or {@code webhooks} */
  MergedPathItems(String member) {
    this.member = member;
    String noun = member.equals("webhooks") ? "webhook" : "path item";
    this.rest = new MergedEntries(NodeKind.PATH_ITEM, path -> path, path -> noun + " '" + path + "'");
  }

  /** Adds the path items of {@code source}, the value of its {@code paths} or {@code webhooks} member. */
  void add(ObjectNode pathItems, String source) {
    declared = true;
    for (Map.Entry<String, JsonNode> item : pathItems.properties()) {
      String path = item.getKey();
      if (!item.getValue().isObject()) {
        throw new SpecMergeException(String.format(
            "%s: '%s' in %s must be a path item object, but is %s.", source, path, member, item.getValue()));
      }
      ObjectNode withoutOperations = ((ObjectNode) item.getValue()).deepCopy();
      withoutOperations.remove(NodeKind.HTTP_METHODS);
      rest.add(path, withoutOperations, source);
      MergedEntries operations = operationsByPath.computeIfAbsent(path, this::operationsOf);
      for (String method : NodeKind.HTTP_METHODS) {
        JsonNode operation = item.getValue().get(method);
        if (operation != null) {
          operations.add(method, operation, source);
        }
      }
    }
  }

  /** Whether any source declared the member, even empty. */
  boolean isDeclared() {
    return declared;
  }

  /** Every merged operation, path by path in first-seen order. */
  List<MergedEntry> operations() {
    List<MergedEntry> all = new ArrayList<>();
    operationsByPath.values().forEach(operations -> all.addAll(operations.entries()));
    return all;
  }

  /** The merged path items as a new JSON object from path to path item. */
  ObjectNode toObject() {
    ObjectNode pathItems = rest.toObject();
    operationsByPath.forEach((path, operations) -> ((ObjectNode) pathItems.get(path)).setAll(operations.toObject()));
    return pathItems;
  }

  private MergedEntries operationsOf(String path) {
    String webhookPrefix = member.equals("webhooks") ? "webhook " : "";
    return new MergedEntries(
        NodeKind.OPERATION,
        method -> method.toUpperCase(Locale.ROOT) + " " + path,
        method -> webhookPrefix + "operation " + method.toUpperCase(Locale.ROOT) + " " + path);
  }
}
