package ai.heymilo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The SDK overlay ({@code spec/overlay/sdk-overlay.json}): the few facts about the SDK that the spec cannot say.
 * Rules derive everything else (see {@link ServiceView}), so a new operation needs no entry here.
 *
 * <ul>
 *   <li>{@code resources}: tag → accessor name, where the tag's own name reads badly ({@code Interviewers} →
 *       {@code postings}).
 *   <li>{@code operations}: per operationId — {@code method} (a name the rule gets wrong), {@code retry}
 *       ({@code "safe"}: a non-GET that may be repeated, such as a replace or a state change), {@code body} (the
 *       method takes this property of the request body instead of the body), {@code returns} (the method returns
 *       this property of the response data), {@code cursor} (the item property holding the paging cursor when it
 *       is not {@code id}).
 *   <li>{@code waits}: per operationId — an {@code await…} method polling it while {@code status} is in
 *       {@code pending}; {@code describe} names what is awaited, with path parameters in braces.
 *   <li>{@code properties}: per {@code Schema.property} — {@code itemName} (the element name of a list adder),
 *       {@code limits} (client-side checks of a map: {@code maxEntries}, {@code maxKeyLength},
 *       {@code maxValueLength}) and {@code personal} ({@code true} or {@code false}: whether the property holds a
 *       candidate's personal data, where the name rule of {@link ModelHints} gets it wrong).
 * </ul>
 *
 * <p>Unknown keys fail the build (a misspelt key would otherwise be ignored), and so does an entry naming an
 * operation, tag, schema or property the spec does not have ({@link #checkAgainst}).
 */
public final class SdkOverlay {
  static final String FILE = "sdk-overlay.json";

  /** One operation's exceptions; null fields follow the rules. */
  record OperationEntry(@Nullable String method, @Nullable String retry, @Nullable String body,
      @Nullable String returns, @Nullable String cursor) {}

  /** One wait: poll {@code operation} while the data's {@code status} property is in {@code pending}. */
  record Wait(String method, String status, List<String> pending, String describe) {}

  /** One model property's exceptions. */
  record PropertyEntry(@Nullable String itemName, @Nullable ObjectNode limits, @Nullable Boolean personal) {}

  private static final Set<String> TOP_LEVEL = Set.of("$comment", "resources", "operations", "waits", "properties");
  private static final Set<String> OPERATION_KEYS = Set.of("method", "retry", "body", "returns", "cursor");
  private static final Set<String> WAIT_KEYS = Set.of("method", "status", "pending", "describe");
  private static final Set<String> PROPERTY_KEYS = Set.of("itemName", "limits", "personal");
  private static final Set<String> LIMIT_KEYS = Set.of("maxEntries", "maxKeyLength", "maxValueLength");

  private final String source;
  private final Map<String, String> resources;
  private final Map<String, OperationEntry> operations;
  private final Map<String, Wait> waits;
  private final Map<String, PropertyEntry> properties;

  private SdkOverlay(String source, Map<String, String> resources, Map<String, OperationEntry> operations,
      Map<String, Wait> waits, Map<String, PropertyEntry> properties) {
    this.source = source;
    this.resources = resources;
    this.operations = operations;
    this.waits = waits;
    this.properties = properties;
  }

  /** An overlay with no entries: every operation follows the rules. */
  static SdkOverlay empty() {
    return new SdkOverlay("(no overlay)", Map.of(), Map.of(), Map.of(), Map.of());
  }

  /**
   * Loads the overlay file; a missing file is an empty overlay.
   *
   * @throws SpecMergeException if the file is not valid JSON or has an unknown or ill-typed key
   */
  static SdkOverlay load(Path file) {
    if (!Files.exists(file)) {
      return empty();
    }
    try {
      return parse(file.getFileName().toString(), Files.readString(file));
    } catch (IOException e) {
      throw new SpecMergeException("Cannot read the SDK overlay " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses overlay text; {@code name} is used in messages. */
  static SdkOverlay parse(String name, String json) {
    ObjectNode root = SpecJson.parseDocument(name, json);
    checkKeys(name, "the top level", root, TOP_LEVEL);
    Map<String, String> resources = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.path("resources").properties()) {
      resources.put(entry.getKey(), text(name, "resources." + entry.getKey(), entry.getValue()));
    }
    Map<String, OperationEntry> operations = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.path("operations").properties()) {
      String where = "operations." + entry.getKey();
      JsonNode value = object(name, where, entry.getValue());
      checkKeys(name, where, value, OPERATION_KEYS);
      String retry = optionalText(name, where + ".retry", value.get("retry"));
      if (retry != null && !retry.equals("safe") && !retry.equals("unsafe")) {
        throw new SpecMergeException(name + ": " + where + ".retry must be \"safe\" or \"unsafe\", but was \"" + retry + "\"");
      }
      operations.put(entry.getKey(), new OperationEntry(optionalText(name, where + ".method", value.get("method")), retry,
          optionalText(name, where + ".body", value.get("body")), optionalText(name, where + ".returns", value.get("returns")),
          optionalText(name, where + ".cursor", value.get("cursor"))));
    }
    Map<String, Wait> waits = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.path("waits").properties()) {
      String where = "waits." + entry.getKey();
      JsonNode value = object(name, where, entry.getValue());
      checkKeys(name, where, value, WAIT_KEYS);
      List<String> pending = new ArrayList<>();
      for (JsonNode status : value.path("pending")) {
        pending.add(text(name, where + ".pending[]", status));
      }
      if (pending.isEmpty()) {
        throw new SpecMergeException(name + ": " + where + ".pending must list at least one status");
      }
      waits.put(entry.getKey(), new Wait(text(name, where + ".method", value.get("method")),
          text(name, where + ".status", value.get("status")), List.copyOf(pending),
          text(name, where + ".describe", value.get("describe"))));
    }
    Map<String, PropertyEntry> properties = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.path("properties").properties()) {
      String where = "properties." + entry.getKey();
      JsonNode value = object(name, where, entry.getValue());
      checkKeys(name, where, value, PROPERTY_KEYS);
      ObjectNode limits = null;
      if (value.has("limits")) {
        limits = (ObjectNode) object(name, where + ".limits", value.get("limits"));
        checkKeys(name, where + ".limits", limits, LIMIT_KEYS);
        for (Map.Entry<String, JsonNode> limit : limits.properties()) {
          if (!limit.getValue().canConvertToInt() || limit.getValue().asInt() < 1) {
            throw new SpecMergeException(name + ": " + where + ".limits." + limit.getKey() + " must be a positive integer");
          }
        }
      }
      JsonNode personal = value.get("personal");
      if (personal != null && !personal.isBoolean()) {
        throw new SpecMergeException(name + ": " + where + ".personal must be true or false");
      }
      properties.put(entry.getKey(), new PropertyEntry(optionalText(name, where + ".itemName", value.get("itemName")), limits,
          personal == null ? null : personal.asBoolean()));
    }
    return new SdkOverlay(name, resources, operations, waits, properties);
  }

  String source() {
    return source;
  }

  /** The accessor name for {@code tag}, or null to derive it from the tag. */
  @Nullable String resourceName(String tag) {
    return resources.get(tag);
  }

  OperationEntry operation(String operationId) {
    OperationEntry entry = operations.get(operationId);
    return entry != null ? entry : new OperationEntry(null, null, null, null, null);
  }

  @Nullable Wait waitOn(String operationId) {
    return waits.get(operationId);
  }

  Map<String, PropertyEntry> properties() {
    return properties;
  }

  /**
   * Checks that every entry names something in {@code view} (the codegen view, whose operationIds the entries
   * use): tags, operations, schemas and properties; the meaning-level checks (a wait's status property exists…)
   * are made where the entry is applied.
   *
   * @throws SpecMergeException naming the first entry that names nothing, and what exists instead
   */
  void checkAgainst(ObjectNode view) {
    Set<String> tags = new java.util.TreeSet<>();
    Set<String> operationIds = new java.util.TreeSet<>();
    for (JsonNode pathItem : view.path("paths")) {
      for (JsonNode operation : pathItem) {
        if (operation.isObject() && operation.has("operationId")) {
          operationIds.add(operation.get("operationId").asText());
          operation.path("tags").forEach(tag -> tags.add(tag.asText()));
        }
      }
    }
    for (String tag : resources.keySet()) {
      if (!tags.contains(tag)) {
        throw nothingNamed("resources", "tag '" + tag + "'", tags);
      }
    }
    for (String id : operations.keySet()) {
      if (!operationIds.contains(id)) {
        throw nothingNamed("operations", "operation '" + id + "'", operationIds);
      }
    }
    for (String id : waits.keySet()) {
      if (!operationIds.contains(id)) {
        throw nothingNamed("waits", "operation '" + id + "'", operationIds);
      }
    }
    JsonNode schemas = view.path("components").path("schemas");
    for (String key : properties.keySet()) {
      int dot = key.indexOf('.');
      String schema = dot < 0 ? key : key.substring(0, dot);
      if (dot < 0 || !schemas.has(schema)) {
        throw new SpecMergeException(source + ": properties." + key + " names no schema property; write it as Schema.property"
            + " with one of the spec's schemas");
      }
      if (!schemas.get(schema).path("properties").has(key.substring(dot + 1))) {
        throw nothingNamed("properties", "property '" + key + "'", fieldNames(schemas.get(schema).path("properties")));
      }
    }
  }

  /**
   * Writes the {@code properties} entries into the codegen view, where the model templates read them:
   * {@code x-heymilo-item-name}, {@code x-heymilo-limits} and {@code x-heymilo-personal} on the property schema (and on its non-null branch
   * when the property is {@code anyOf [X, null]}). Call after {@link #checkAgainst}.
   */
  void applyToModels(ObjectNode view) {
    JsonNode schemas = view.path("components").path("schemas");
    properties.forEach((key, entry) -> {
      int dot = key.indexOf('.');
      ObjectNode property = (ObjectNode) schemas.path(key.substring(0, dot)).path("properties").path(key.substring(dot + 1));
      List<ObjectNode> targets = new ArrayList<>(List.of(property));
      JsonNode branch = JavaTypes.nonNull(property);
      if (branch != property && branch instanceof ObjectNode object) {
        targets.add(object);
      }
      for (ObjectNode target : targets) {
        if (entry.itemName() != null) {
          target.put("x-heymilo-item-name", entry.itemName());
        }
        if (entry.limits() != null) {
          target.set("x-heymilo-limits", entry.limits().deepCopy());
        }
        if (entry.personal() != null) {
          target.put(ModelHints.PERSONAL, entry.personal());
        }
      }
    });
  }

  private SpecMergeException nothingNamed(String section, String what, Set<String> existing) {
    return new SpecMergeException(source + ": " + section + " names " + what + ", which the spec does not have; known: "
        + abbreviate(existing) + ". Fix or remove the entry.");
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String abbreviate(Set<String> names) {
    String all = String.join(", ", names);
    return all.length() <= 400 ? all : all.substring(0, 400) + "…";
  }

  private static void checkKeys(String name, String where, JsonNode node, Set<String> allowed) {
    node.fieldNames().forEachRemaining(key -> {
      if (!allowed.contains(key)) {
        throw new SpecMergeException(name + ": unknown key '" + key + "' in " + where + "; allowed: "
            + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    });
  }

  private static JsonNode object(String name, String where, JsonNode node) {
    if (!node.isObject()) {
      throw new SpecMergeException(name + ": " + where + " must be a JSON object");
    }
    return node;
  }

  private static String text(String name, String where, @Nullable JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new SpecMergeException(name + ": " + where + " must be a non-empty string");
    }
    return node.asText();
  }

  private static @Nullable String optionalText(String name, String where, @Nullable JsonNode node) {
    return node == null ? null : text(name, where, node);
  }
}
