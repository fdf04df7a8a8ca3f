package ai.heymilo.spec.diff;

import ai.heymilo.spec.CodegenView;
import ai.heymilo.spec.diff.SpecChange.Impact;
import ai.heymilo.spec.diff.SpecChange.Section;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Compares two merged specs (the release baseline and the new one) and lists every change a caller can observe,
 * each classified for Java callers (source, binary) and on the wire.
 *
 * <p>It walks operations (matched by method and path, with path parameter names ignored so a renamed
 * {@code {id}} is one change, not a removal and an addition), their parameters, request bodies and responses, and
 * the component schemas with their properties. Schemas are read through {@link SchemaShape}, so OpenAPI 3.1's
 * type arrays, {@code anyOf}/{@code oneOf} with {@code null}, {@code const} and {@code enum} compare by meaning.
 * Whether a schema change breaks the wire depends on where the schema is used: a new enum value is harmless in a
 * request but a value removed from a request schema is refused by the server; a property that may now be null is
 * harmless in a request and breaking in a response. Java consequences are named with {@link JavaNames}, from the
 * codegen views of both specs.
 *
 * <p>Differences in documentation only (descriptions, titles, examples) are counted, not listed. Any other
 * difference that no rule recognises is still reported, with its JSON pointer, so nothing changes silently.
 */
final class SpecDiff {
  /** Where a schema is used: what is sent, what is received. */
  enum Direction { REQUEST, RESPONSE }

  /** A difference inside one schema, and whether it breaks requests or responses that use the schema. */
  private record Detail(String text, boolean breaksRequests, boolean breaksResponses) {}

  /** The changes, in spec order, and how many parts differ in documentation only. */
  record Result(List<SpecChange> changes, int documentationOnly) {
    Result {
      changes = List.copyOf(changes);
    }
  }

  private record Op(String method, String path, JsonNode node, JsonNode pathItem) {
    String operationId() {
      return node.path("operationId").asText();
    }

    String label() {
      return method + " " + path + " (" + operationId() + ")";
    }
  }

  private record Param(String in, String name, boolean required, JsonNode schema, int index) {
    String describe() {
      return in + " parameter `" + name + "`";
    }
  }

  private final JsonNode oldSpec;
  private final JsonNode newSpec;
  private final JavaNames oldJava;
  private final JavaNames newJava;
  private final Map<String, Set<Direction>> usage = new HashMap<>();
  private final List<SpecChange> changes = new ArrayList<>();
  private int documentationOnly;

  private SpecDiff(ObjectNode baseline, ObjectNode current) {
    this.oldSpec = baseline;
    this.newSpec = current;
    this.oldJava = new JavaNames(CodegenView.transform(baseline));
    this.newJava = new JavaNames(CodegenView.transform(current));
    addUsage(baseline);
    addUsage(current);
  }

  /** Every change from {@code baseline} to {@code current}; neither argument is modified. */
  static Result compare(ObjectNode baseline, ObjectNode current) {
    SpecDiff diff = new SpecDiff(baseline, current);
    diff.compareOperations();
    diff.compareSchemas();
    return new Result(diff.changes, diff.documentationOnly);
  }

  // --- operations ----------------------------------------------------------------------------------------------

  private void compareOperations() {
    Map<String, Op> olds = operations(oldSpec);
    Map<String, Op> news = operations(newSpec);
    Set<String> keys = new TreeSet<>(olds.keySet());
    keys.addAll(news.keySet());
    for (String key : keys) {
      Op before = olds.get(key);
      Op after = news.get(key);
      if (after == null) {
        removedOperation(Objects.requireNonNull(before));
      } else if (before == null) {
        addedOperation(after);
      } else {
        compareOperation(before, after);
      }
    }
  }

  private void addedOperation(Op op) {
    JavaNames.Operation java = newJava.operation(op.method, op.path);
    String call = java == null ? "" : ": `" + java.call() + "`";
    add(Section.ADDED, "New operation `" + op.method + " " + op.path + "`" + call, op.label(), "operation added",
        SpecChange.NONE, java == null ? List.of() : List.of(java.symbol()));
  }

  private void removedOperation(Op op) {
    JavaNames.Operation java = oldJava.operation(op.method, op.path);
    String subject = java == null ? "`" + op.operationId() + "`" : "`" + java.call() + "`";
    add(Section.REMOVED, subject + " removed: the API no longer offers `" + op.method + " " + op.path + "`",
        op.label(), "operation removed", SpecChange.JAVA_AND_WIRE, java == null ? List.of() : List.of(java.symbol()));
  }

  private void compareOperation(Op before, Op after) {
    int reported = changes.size();
    JavaNames.Operation oldCall = oldJava.operation(before.method, before.path);
    JavaNames.Operation newCall = newJava.operation(after.method, after.path);
    String call = newCall == null ? "`" + after.operationId() + "`" : "`" + newCall.call() + "`";
    List<String> symbols = new ArrayList<>();
    if (oldCall != null) {
      symbols.add(oldCall.symbol());
    }
    if (newCall != null && !symbols.contains(newCall.symbol())) {
      symbols.add(newCall.symbol());
    }
    if (oldCall != null && newCall != null && !oldCall.equals(newCall)) {
      String detail = oldCall.method().equals(newCall.method())
          ? "tag moved: " + oldCall.apiClass() + " → " + newCall.apiClass()
          : "operationId " + before.operationId() + " → " + after.operationId();
      add(Section.CHANGED, "`" + oldCall.call() + "` is now `" + newCall.call() + "`", after.label(), detail,
          SpecChange.JAVA, symbols);
    }
    if (!before.path.equals(after.path)) {
      add(Section.CHANGED, call + ": path `" + before.path + "` is now `" + after.path
              + "` (path parameter names only; same URL)", after.label(), "path parameters renamed",
          SpecChange.NONE, symbols);
    }
    compareParameters(before, after, call, symbols);
    compareRequestBody(before, after, call, symbols);
    compareResponses(before, after, call, symbols);
    if (changes.size() == reported) {
      accountUnreported(after.label(), before.node, after.node, symbols);
    }
  }

  private void compareParameters(Op before, Op after, String call, List<String> symbols) {
    Map<String, Param> olds = parameters(oldSpec, before);
    Map<String, Param> news = parameters(newSpec, after);
    List<Param> removed = new ArrayList<>();
    List<Param> added = new ArrayList<>();
    for (Map.Entry<String, Param> entry : olds.entrySet()) {
      Param now = news.get(entry.getKey());
      if (now == null) {
        removed.add(entry.getValue());
      } else {
        compareParameter(before, after, entry.getValue(), now, call, symbols);
      }
    }
    news.forEach((key, param) -> {
      if (!olds.containsKey(key)) {
        added.add(param);
      }
    });
    for (Param gone : List.copyOf(removed)) {
      Param renamed = renamedTo(gone, removed, added);
      if (renamed != null) {
        removed.remove(gone);
        added.remove(renamed);
        add(Section.CHANGED, call + ": the argument that sent " + gone.describe() + " now sends `" + renamed.name
                + "`; existing calls still compile, but the server no longer reads `" + gone.name + "`",
            after.label(), gone.describe() + " renamed to `" + renamed.name + "`", SpecChange.WIRE_ONLY, symbols);
      }
    }
    for (Param gone : removed) {
      add(Section.REMOVED, call + " no longer takes `" + gone.name + "` (" + gone.describe() + " removed)",
          after.label(), gone.describe() + " removed", SpecChange.JAVA, symbols);
    }
    for (Param fresh : added) {
      String type = newJava.parameterType(after.method, after.path, fresh.in, fresh.name);
      String typed = type == null ? "" : " `" + type + "`";
      if (fresh.required) {
        add(Section.ADDED, call + " takes a new required argument" + typed + " `" + fresh.name + "` ("
                + fresh.describe() + "); calls without it are refused", after.label(),
            "required " + fresh.describe() + " added", SpecChange.JAVA_AND_WIRE, symbols);
      } else {
        add(Section.ADDED, call + " takes a new optional argument" + typed + " `" + fresh.name + "` ("
                + fresh.describe() + "; pass null to leave it out)", after.label(),
            "optional " + fresh.describe() + " added", SpecChange.JAVA, symbols);
      }
    }
  }

  /** A removed and an added parameter of the same kind, schema and position are one renamed parameter. */
  private static @Nullable Param renamedTo(Param gone, List<Param> removed, List<Param> added) {
    List<Param> candidates = added.stream()
        .filter(p -> p.in.equals(gone.in) && p.required == gone.required
            && SchemaShape.withoutAnnotations(p.schema).equals(SchemaShape.withoutAnnotations(gone.schema)))
        .collect(Collectors.toList());
    for (Param candidate : candidates) {
      if (candidate.index == gone.index) {
        return candidate;
      }
    }
    return removed.size() == 1 && candidates.size() == 1 ? candidates.get(0) : null;
  }

  private void compareParameter(
      Op beforeOp, Op op, Param before, Param after, String call, List<String> symbols) {
    List<Detail> details = compareValue(SchemaShape.of(before.schema), SchemaShape.of(after.schema));
    if (before.required != after.required) {
      details.add(after.required
          ? new Detail("now required", true, false)
          : new Detail("now optional", false, false));
    }
    String oldType = oldJava.parameterType(beforeOp.method, beforeOp.path, before.in, before.name);
    String newType = newJava.parameterType(op.method, op.path, after.in, after.name);
    boolean javaChanged = oldType != null && newType != null && !oldType.equals(newType);
    if (details.isEmpty() && !javaChanged) {
      return;
    }
    Set<Impact> breaks = wireBreaks(details, EnumSet.of(Direction.REQUEST));
    String headline;
    if (javaChanged) {
      breaks.addAll(SpecChange.JAVA);
      headline = call + ": argument `" + after.name + "` is now `" + newType + "` (was `" + oldType + "`)";
    } else {
      headline = call + ": " + after.describe() + " " + join(details);
    }
    add(Section.CHANGED, headline, op.label(), after.describe() + ": " + join(details), breaks, symbols);
  }

  private void compareRequestBody(Op before, Op after, String call, List<String> symbols) {
    JsonNode oldBody = resolve(oldSpec, before.node.path("requestBody"));
    JsonNode newBody = resolve(newSpec, after.node.path("requestBody"));
    String oldType = oldJava.requestType(before.method, before.path);
    String newType = newJava.requestType(after.method, after.path);
    if (oldBody.isMissingNode() && newBody.isMissingNode()) {
      return;
    }
    if (oldBody.isMissingNode()) {
      boolean required = newBody.path("required").asBoolean(false);
      add(Section.ADDED, call + " takes a " + (required ? "required" : "optional") + " request body `" + newType
          + "`", after.label(), "request body added", required ? SpecChange.JAVA_AND_WIRE : SpecChange.JAVA, symbols);
      return;
    }
    if (newBody.isMissingNode()) {
      add(Section.REMOVED, call + " no longer takes a request body (was `" + oldType + "`)", after.label(),
          "request body removed", SpecChange.JAVA, symbols);
      return;
    }
    List<Detail> details = new ArrayList<>();
    boolean oldRequired = oldBody.path("required").asBoolean(false);
    boolean newRequired = newBody.path("required").asBoolean(false);
    if (oldRequired != newRequired) {
      details.add(new Detail(newRequired ? "request body now required" : "request body now optional",
          newRequired, false));
    }
    compareContent(oldBody.path("content"), newBody.path("content"), "request", details, true);
    boolean javaChanged = oldType != null && newType != null && !oldType.equals(newType);
    if (details.isEmpty() && !javaChanged) {
      return;
    }
    Set<Impact> breaks = wireBreaks(details, EnumSet.of(Direction.REQUEST));
    String headline = call + ": " + join(details);
    if (javaChanged) {
      breaks.addAll(SpecChange.JAVA_AND_WIRE);
      headline = call + " now takes `" + newType + "` (was `" + oldType + "`)";
    }
    add(Section.CHANGED, headline, after.label(), details.isEmpty() ? "request schema changed" : join(details),
        breaks, symbols);
  }

  private void compareResponses(Op before, Op after, String call, List<String> symbols) {
    JsonNode olds = before.node.path("responses");
    JsonNode news = after.node.path("responses");
    String oldType = oldJava.successType(before.method, before.path);
    String newType = newJava.successType(after.method, after.path);
    boolean returnTypeChanged = oldType != null && newType != null && !oldType.equals(newType);
    if (returnTypeChanged) {
      add(Section.CHANGED, call + " now returns `Call<" + newType + ">` (was `Call<" + oldType + ">`)",
          after.label(), "success response schema changed", SpecChange.JAVA_AND_WIRE, symbols);
    }
    String success = null;
    for (String status : JavaNames.iterable(news)) {
      if (success == null && status.startsWith("2")) {
        success = status;
      }
    }
    for (String status : JavaNames.iterable(olds)) {
      if (!news.has(status)) {
        add(Section.REMOVED, call + ": status " + status + " is no longer documented", after.label(),
            "response " + status + " removed", SpecChange.NONE, symbols);
      }
    }
    for (String status : JavaNames.iterable(news)) {
      if (!olds.has(status)) {
        add(Section.ADDED, call + " may now answer " + status + " (newly documented)", after.label(),
            "response " + status + " added", SpecChange.NONE, symbols);
        continue;
      }
      List<Detail> details = new ArrayList<>();
      compareContent(resolve(oldSpec, olds.get(status)).path("content"),
          resolve(newSpec, news.get(status)).path("content"), "response " + status, details, false);
      if (returnTypeChanged && status.equals(success)) {
        // The new return type says it already.
        details.removeIf(detail -> detail.text.contains(" schema "));
      }
      if (!details.isEmpty()) {
        add(Section.CHANGED, call + ": " + join(details), after.label(), join(details),
            wireBreaks(details, EnumSet.of(Direction.RESPONSE)), symbols);
      }
    }
  }

  /**
   * Media types added or removed, and inline schemas compared; a {@code $ref} to a component is compared with the
   * component, and a changed reference shows in the Java type.
   */
  private void compareContent(JsonNode olds, JsonNode news, String what, List<Detail> details, boolean request) {
    for (String media : JavaNames.iterable(olds)) {
      if (!news.has(media)) {
        details.add(new Detail(what + " content type `" + media + "` removed", request, !request));
      }
    }
    for (String media : JavaNames.iterable(news)) {
      if (!olds.has(media)) {
        details.add(new Detail(what + " content type `" + media + "` added", false, false));
        continue;
      }
      SchemaShape oldShape = SchemaShape.of(olds.get(media).get("schema"));
      SchemaShape newShape = SchemaShape.of(news.get(media).get("schema"));
      if (oldShape.ref != null && newShape.ref != null) {
        if (!oldShape.ref.equals(newShape.ref)) {
          details.add(new Detail(what + " schema " + oldShape.ref + " → " + newShape.ref, true, true));
        }
        continue;
      }
      for (Detail detail : compareValue(oldShape, newShape)) {
        details.add(new Detail(what + " " + detail.text, detail.breaksRequests, detail.breaksResponses));
      }
    }
  }

  // --- component schemas ---------------------------------------------------------------------------------------

  private void compareSchemas() {
    JsonNode olds = oldSpec.path("components").path("schemas");
    JsonNode news = newSpec.path("components").path("schemas");
    Set<String> names = new TreeSet<>();
    olds.fieldNames().forEachRemaining(names::add);
    news.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode before = olds.get(name);
      JsonNode after = news.get(name);
      String where = "schema " + name;
      if (after == null) {
        if (oldJava.isModel(name)) {
          add(Section.REMOVED, "`" + JavaNames.modelClass(name) + "` removed", where, "schema removed",
              SpecChange.JAVA, List.of(JavaNames.modelSymbol(name)));
        } else {
          add(Section.REMOVED, "Schema `" + name + "` removed (it had no class of its own)", where,
              "schema removed", SpecChange.NONE, List.of());
        }
      } else if (before == null) {
        add(Section.ADDED, newJava.isModel(name) ? "New model `" + JavaNames.modelClass(name) + "`"
                : "New schema `" + name + "` (no class of its own)", where, "schema added", SpecChange.NONE,
            newJava.isModel(name) ? List.of(JavaNames.modelSymbol(name)) : List.of());
      } else {
        compareSchema(name, before, after);
      }
    }
  }

  private void compareSchema(String name, JsonNode before, JsonNode after) {
    int reported = changes.size();
    Set<Direction> directions = usage.getOrDefault(name, EnumSet.allOf(Direction.class));
    SchemaShape oldShape = SchemaShape.of(before);
    SchemaShape newShape = SchemaShape.of(after);
    Set<String> properties = new LinkedHashSet<>();
    oldShape.properties.fieldNames().forEachRemaining(properties::add);
    newShape.properties.fieldNames().forEachRemaining(properties::add);
    for (String property : properties) {
      JsonNode oldProperty = oldShape.properties.get(property);
      JsonNode newProperty = newShape.properties.get(property);
      String where = "schema " + name + ", property " + property;
      List<String> symbols = JavaNames.propertySymbols(name, property);
      if (newProperty == null) {
        Set<Impact> breaks = EnumSet.copyOf(SpecChange.JAVA);
        if (directions.contains(Direction.RESPONSE)) {
          breaks.add(Impact.WIRE);
        }
        add(Section.REMOVED, "`" + JavaNames.modelClass(name) + "." + JavaNames.getter(property) + "()` removed",
            where, "property removed", breaks, symbols);
      } else if (oldProperty == null) {
        addedProperty(name, property, newShape.required.contains(property), directions, where, symbols);
      } else {
        compareProperty(name, property, oldProperty, newProperty, oldShape.required.contains(property),
            newShape.required.contains(property), directions, where, symbols);
      }
    }
    compareSchemaItself(name, oldShape, newShape, directions);
    if (changes.size() == reported && !before.equals(after)) {
      // Every keyword was compared above, so what is left differs in documentation or in spelling only
      // (type: [string, "null"] versus anyOf [string, null], ...).
      documentationOnly++;
    }
  }

  private void addedProperty(
      String schema, String property, boolean required, Set<Direction> directions, String where,
      List<String> symbols) {
    String type = newJava.propertyType(schema, property);
    String owner = JavaNames.modelClass(schema);
    if (required && directions.contains(Direction.REQUEST)) {
      add(Section.ADDED, "`" + owner + "." + JavaNames.fluent(property) + "(" + type + ")` is new and required: "
              + "requests that do not set it are refused", where, "required request property added",
          SpecChange.WIRE_ONLY, symbols);
    } else if (directions.equals(EnumSet.of(Direction.REQUEST))) {
      add(Section.ADDED, "`" + owner + "." + JavaNames.fluent(property) + "(" + type + ")` added (optional)",
          where, "optional request property added", SpecChange.NONE, symbols);
    } else {
      add(Section.ADDED, "`" + owner + "." + JavaNames.getter(property) + "()` added (`" + type + "`"
              + (required ? "" : ", optional") + ")", where,
          (required ? "required" : "optional") + " property added", SpecChange.NONE, symbols);
    }
  }

  private void compareProperty(
      String schema, String property, JsonNode before, JsonNode after, boolean wasRequired, boolean isRequired,
      Set<Direction> directions, String where, List<String> symbols) {
    SchemaShape oldShape = SchemaShape.of(before);
    SchemaShape newShape = SchemaShape.of(after);
    List<Detail> details = compareValue(oldShape, newShape);
    if (wasRequired != isRequired) {
      details.add(isRequired
          ? new Detail("now required", true, false)
          : new Detail("now optional: may be absent from responses", false, true));
    }
    String oldType = oldJava.propertyType(schema, property);
    String newType = newJava.propertyType(schema, property);
    boolean javaChanged = oldType != null && newType != null && !oldType.equals(newType);
    if (details.isEmpty() && !javaChanged) {
      return;
    }
    String getter = "`" + JavaNames.modelClass(schema) + "." + JavaNames.getter(property) + "()`";
    Set<Impact> breaks = wireBreaks(details, directions);
    List<String> added = enumAdditions(oldShape, newShape);
    List<String> removed = enumAdditions(newShape, oldShape);
    String enumClass = JavaNames.inlineEnumClass(schema, property);
    boolean inlineEnum = enumClass.equals(newType) || enumClass.equals(oldType);
    Section section = Section.CHANGED;
    String headline;
    if (javaChanged) {
      breaks.addAll(SpecChange.JAVA);
      headline = getter + " now returns `" + newType + "` (was `" + oldType + "`)";
    } else if (!added.isEmpty() && details.size() == 1 && removed.isEmpty()) {
      section = Section.ADDED;
      headline = "New value" + plural(added) + " " + quoted(added) + " for " + getter
          + (inlineEnum ? ": `" + constants(enumClass, added) + "`" : "");
    } else if (!removed.isEmpty() && details.size() == 1 && added.isEmpty()) {
      section = Section.REMOVED;
      if (inlineEnum) {
        breaks.addAll(SpecChange.JAVA);
      }
      headline = getter + " no longer allows " + quoted(removed)
          + (inlineEnum ? ": `" + constants(enumClass, removed) + "` removed" : "");
    } else if (isRequired && !wasRequired && directions.contains(Direction.REQUEST) && details.size() == 1) {
      headline = "`" + JavaNames.modelClass(schema) + "." + JavaNames.fluent(property) + "(...)` is now required: "
          + "requests that do not set it are refused";
    } else {
      headline = getter + ": " + join(details) + " (Java type unchanged: `" + newType + "`)";
    }
    add(section, headline, where, details.isEmpty() ? "type changed" : join(details), breaks, symbols);
  }

  /** Changes to a schema other than its properties: a component enum, a type, a union. */
  private void compareSchemaItself(String name, SchemaShape oldShape, SchemaShape newShape, Set<Direction> dirs) {
    // Properties and their requiredness were compared one by one above.
    List<Detail> details = compareValue(oldShape, newShape, false);
    if (details.isEmpty()) {
      return;
    }
    List<String> added = enumAdditions(oldShape, newShape);
    List<String> removed = enumAdditions(newShape, oldShape);
    Set<Impact> breaks = wireBreaks(details, dirs);
    String model = JavaNames.modelClass(name);
    String headline;
    Section section = Section.CHANGED;
    if (!added.isEmpty() && removed.isEmpty() && details.size() == 1) {
      section = Section.ADDED;
      headline = "New value" + plural(added) + " " + quoted(added) + " for `" + model + "`: `"
          + constants(model, added) + "`";
    } else if (!removed.isEmpty() && added.isEmpty() && details.size() == 1) {
      section = Section.REMOVED;
      breaks.addAll(SpecChange.JAVA);
      headline = "`" + constants(model, removed) + "` removed: `" + model + "` no longer allows " + quoted(removed);
    } else {
      headline = "`" + model + "`: " + join(details);
    }
    add(section, headline, "schema " + name, join(details), breaks, List.of(JavaNames.modelSymbol(name)));
  }

  // --- schema values --------------------------------------------------------------------------------------------

  /** The differences between two schema shapes, each with what it breaks in requests and in responses. */
  private static List<Detail> compareValue(SchemaShape before, SchemaShape after) {
    return compareValue(before, after, true);
  }

  /** As {@link #compareValue(SchemaShape, SchemaShape)}; {@code inlineProperties} false skips {@code properties}. */
  private static List<Detail> compareValue(SchemaShape before, SchemaShape after, boolean inlineProperties) {
    List<Detail> details = new ArrayList<>();
    boolean kindChanged = !Objects.equals(before.ref, after.ref) || before.any != after.any
        || !before.types.equals(after.types) || before.branches.isEmpty() != after.branches.isEmpty();
    if (kindChanged) {
      boolean widened = after.any || accepts(after.types, before.types) && before.ref == null && after.ref == null;
      boolean narrowed = before.any || accepts(before.types, after.types) && before.ref == null && after.ref == null;
      details.add(new Detail("type " + before.describe() + " → " + after.describe(), !widened, !narrowed));
    }
    if (!Objects.equals(before.format, after.format) && !kindChanged) {
      details.add(new Detail("format " + show(before.format) + " → " + show(after.format),
          after.format != null, before.format != null));
    }
    List<String> addedValues = enumAdditions(before, after);
    List<String> removedValues = enumAdditions(after, before);
    if (before.enumValues != null && after.enumValues != null) {
      if (!addedValues.isEmpty()) {
        // Enums are open in this SDK: an unknown value decodes as UNRECOGNIZED with its raw value kept.
        details.add(new Detail("enum value" + plural(addedValues) + " " + quoted(addedValues) + " added",
            false, false));
      }
      if (!removedValues.isEmpty()) {
        details.add(new Detail("enum value" + plural(removedValues) + " " + quoted(removedValues) + " removed",
            true, false));
      }
    } else if (before.enumValues == null && after.enumValues != null) {
      details.add(new Detail("now restricted to " + quoted(texts(after.enumValues)), true, false));
    } else if (before.enumValues != null) {
      details.add(new Detail("no longer restricted to " + quoted(texts(before.enumValues)), false, false));
    }
    if (!Objects.equals(before.constValue, after.constValue)) {
      details.add(new Detail("const " + show(before.constValue) + " → " + show(after.constValue),
          after.constValue != null, before.constValue != null));
    }
    if (before.nullable != after.nullable && !kindChanged) {
      details.add(after.nullable
          ? new Detail("may now be null", false, true)
          : new Detail("no longer accepts null", true, false));
    }
    if (!kindChanged && (before.items != null || after.items != null)) {
      for (Detail item : compareValue(SchemaShape.of(before.items), SchemaShape.of(after.items))) {
        details.add(new Detail("items: " + item.text, item.breaksRequests, item.breaksResponses));
      }
    }
    compareAdditionalProperties(before, after, details);
    compareBranches(before, after, details);
    if (inlineProperties) {
      compareInlineProperties(before, after, details);
    }
    compareOtherKeywords(before, after, details);
    return details;
  }

  /** Keywords {@link SchemaShape} models; every other keyword is compared as a value. */
  private static final Set<String> MODELLED = Set.of("type", "anyOf", "oneOf", "enum", "const", "$ref", "format",
      "items", "properties", "required", "additionalProperties");
  /** Validation keywords: tightening them may make the server refuse what it accepted. */
  private static final Set<String> NON_VALIDATING = Set.of("default", "deprecated", "readOnly", "writeOnly", "xml");

  /**
   * {@code maxLength}, {@code pattern}, {@code minimum}, {@code discriminator}, {@code default}, ...: a change is
   * reported with both values; a validation keyword counts as breaking for requests (the server may now refuse
   * what it accepted), the rest break nothing.
   */
  private static void compareOtherKeywords(SchemaShape before, SchemaShape after, List<Detail> details) {
    Set<String> keys = new TreeSet<>();
    before.node.fieldNames().forEachRemaining(keys::add);
    after.node.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      if (MODELLED.contains(key) || SchemaShape.DOCUMENTATION.contains(key) || key.startsWith("x-")) {
        continue;
      }
      JsonNode oldValue = before.node.get(key);
      JsonNode newValue = after.node.get(key);
      if (!Objects.equals(oldValue, newValue)) {
        details.add(new Detail("`" + key + "` " + show(oldValue) + " → " + show(newValue),
            !NON_VALIDATING.contains(key), false));
      }
    }
  }

  private static void compareAdditionalProperties(SchemaShape before, SchemaShape after, List<Detail> details) {
    JsonNode oldValues = before.additionalProperties;
    JsonNode newValues = after.additionalProperties;
    if (oldValues != null && oldValues.isObject() && newValues != null && newValues.isObject()) {
      for (Detail value : compareValue(SchemaShape.of(oldValues), SchemaShape.of(newValues))) {
        details.add(new Detail("map values: " + value.text, value.breaksRequests, value.breaksResponses));
      }
    } else if (!Objects.equals(oldValues, newValues)) {
      boolean closed = newValues != null && newValues.isBoolean() && !newValues.booleanValue();
      details.add(new Detail("additionalProperties " + show(oldValues) + " → " + show(newValues), closed,
          !closed && newValues != null));
    }
  }

  private static void compareBranches(SchemaShape before, SchemaShape after, List<Detail> details) {
    if (before.branches.isEmpty() || after.branches.isEmpty()) {
      return;
    }
    List<String> olds = before.branches.stream().map(b -> SchemaShape.of(b).describe()).collect(Collectors.toList());
    List<String> news = after.branches.stream().map(b -> SchemaShape.of(b).describe()).collect(Collectors.toList());
    List<String> added = new ArrayList<>(news);
    added.removeAll(olds);
    List<String> removed = new ArrayList<>(olds);
    removed.removeAll(news);
    if (!added.isEmpty()) {
      details.add(new Detail(after.unionKeyword + " alternative" + plural(added) + " " + added + " added", false,
          true));
    }
    if (!removed.isEmpty()) {
      details.add(new Detail(before.unionKeyword + " alternative" + plural(removed) + " " + removed + " removed",
          true, false));
    }
  }

  /** Properties of an inline object (one without a component of its own), compared one level deep. */
  private static void compareInlineProperties(SchemaShape before, SchemaShape after, List<Detail> details) {
    if (before.ref != null || after.ref != null) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    before.properties.fieldNames().forEachRemaining(names::add);
    after.properties.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode oldProperty = before.properties.get(name);
      JsonNode newProperty = after.properties.get(name);
      if (newProperty == null) {
        details.add(new Detail("property `" + name + "` removed", false, true));
      } else if (oldProperty == null) {
        boolean required = after.required.contains(name);
        details.add(new Detail((required ? "required" : "optional") + " property `" + name + "` added", required,
            false));
      } else {
        for (Detail nested : compareValue(SchemaShape.of(oldProperty), SchemaShape.of(newProperty))) {
          details.add(new Detail("`" + name + "` " + nested.text, nested.breaksRequests, nested.breaksResponses));
        }
      }
    }
  }

  /** Whether every value of {@code narrower} types is also valid for {@code wider} ({@code integer ⊂ number}). */
  private static boolean accepts(Set<String> wider, Set<String> narrower) {
    if (wider.isEmpty()) {
      return true;
    }
    for (String type : narrower) {
      if (!wider.contains(type) && !(type.equals("integer") && wider.contains("number"))) {
        return false;
      }
    }
    return !narrower.isEmpty();
  }

  private static List<String> enumAdditions(SchemaShape before, SchemaShape after) {
    if (before.enumValues == null || after.enumValues == null) {
      return List.of();
    }
    List<String> added = texts(after.enumValues);
    added.removeAll(texts(before.enumValues));
    return added;
  }

  private static List<String> texts(List<JsonNode> values) {
    return values.stream().map(JsonNode::asText).collect(Collectors.toCollection(ArrayList::new));
  }

  // --- what is left ---------------------------------------------------------------------------------------------

  /**
   * A part with no reported change is either identical, or differs in documentation only (counted), or differs in
   * a way no rule above knows: that is reported with the first differing pointer rather than dropped.
   */
  private void accountUnreported(String where, JsonNode before, JsonNode after, List<String> symbols) {
    if (before.equals(after)) {
      return;
    }
    JsonNode oldMeaning = SchemaShape.withoutAnnotations(before);
    JsonNode newMeaning = SchemaShape.withoutAnnotations(after);
    if (oldMeaning.equals(newMeaning)) {
      documentationOnly++;
      return;
    }
    String pointer = firstDifference(oldMeaning, newMeaning, "");
    if (pointer.endsWith("/default") || pointer.contains("/default/")) {
      add(Section.CHANGED, where + ": default value changed at `" + pointer + "`", where,
          "default changed at " + pointer, SpecChange.NONE, symbols);
    } else {
      add(Section.CHANGED, where + ": changed at `" + pointer + "` (review by hand)", where,
          "changed at " + pointer, SpecChange.NONE, symbols);
    }
  }

  private static String firstDifference(JsonNode a, JsonNode b, String at) {
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        JsonNode x = a.path(key);
        JsonNode y = b.path(key);
        if (!x.equals(y)) {
          return x.isMissingNode() || y.isMissingNode()
              ? at + "/" + key : firstDifference(x, y, at + "/" + key.replace("~", "~0").replace("/", "~1"));
        }
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).equals(b.get(i))) {
          return firstDifference(a.get(i), b.get(i), at + "/" + i);
        }
      }
    }
    return at.isEmpty() ? "/" : at;
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  private void add(Section section, String headline, String where, String detail, Set<Impact> breaks,
      List<String> symbols) {
    changes.add(new SpecChange(section, headline, where, detail, breaks, symbols));
  }

  private static Set<Impact> wireBreaks(List<Detail> details, Set<Direction> directions) {
    Set<Impact> breaks = EnumSet.noneOf(Impact.class);
    for (Detail detail : details) {
      if (directions.contains(Direction.REQUEST) && detail.breaksRequests
          || directions.contains(Direction.RESPONSE) && detail.breaksResponses) {
        breaks.add(Impact.WIRE);
      }
    }
    return breaks;
  }

  private static String join(List<Detail> details) {
    return details.stream().map(Detail::text).collect(Collectors.joining("; "));
  }

  private static String plural(List<?> items) {
    return items.size() == 1 ? "" : "s";
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
  }

  private static String constants(String enumClass, List<String> values) {
    return values.stream().map(v -> enumClass + "." + JavaNames.enumConstant(
        com.fasterxml.jackson.databind.node.TextNode.valueOf(v))).collect(Collectors.joining("`, `"));
  }

  private static String show(@Nullable Object value) {
    return value == null ? "none" : value.toString();
  }

  private static Map<String, Op> operations(JsonNode spec) {
    Map<String, Op> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      for (String method : JavaNames.httpMethods()) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null) {
          String upper = method.toUpperCase(Locale.ROOT);
          // Path parameter names do not change the URL: /a/{id} and /a/{item_id} are one operation.
          byKey.put(path.getKey().replaceAll("\\{[^}]*}", "{}") + " " + upper,
              new Op(upper, path.getKey(), operation, path.getValue()));
        }
      }
    }
    return byKey;
  }

  /**
   * The parameters callers pass, keyed by location and name; a path parameter by its position in the path, so a
   * rename is seen as one. The credential headers are left out: the client sets them, callers never do.
   */
  private static Map<String, Param> parameters(JsonNode spec, Op op) {
    Map<String, Param> byKey = new LinkedHashMap<>();
    List<JsonNode> declared = new ArrayList<>();
    op.pathItem.path("parameters").forEach(declared::add);
    op.node.path("parameters").forEach(declared::add);
    List<String> pathNames = new ArrayList<>();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]*)}").matcher(op.path);
    while (matcher.find()) {
      pathNames.add(matcher.group(1));
    }
    int index = 0;
    for (JsonNode node : declared) {
      JsonNode parameter = resolve(spec, node);
      String in = parameter.path("in").asText();
      String name = parameter.path("name").asText();
      if (in.equals("header") && AUTH_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      String key = in.equals("path") && pathNames.contains(name)
          ? "path:#" + pathNames.indexOf(name)
          : in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name);
      byKey.put(key, new Param(in, name, parameter.path("required").asBoolean(false), parameter.path("schema"),
          index++));
    }
    return byKey;
  }

  private static final Set<String> AUTH_HEADERS = Set.of("x-api-key", "authorization", "x-workspace-id");

  private static JsonNode resolve(JsonNode spec, JsonNode node) {
    JsonNode current = node;
    for (int i = 0; i < 8 && current.path("$ref").isTextual(); i++) {
      String ref = current.get("$ref").textValue();
      current = ref.startsWith("#") ? spec.at(ref.substring(1)) : MissingNode.getInstance();
    }
    return current;
  }

  /** Which component schemas are sent and which are received, following references between schemas. */
  private void addUsage(JsonNode spec) {
    Map<String, Set<Direction>> direct = new HashMap<>();
    for (JsonNode pathItem : spec.path("paths")) {
      for (String method : JavaNames.httpMethods()) {
        JsonNode operation = pathItem.get(method);
        if (operation == null) {
          continue;
        }
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
          mark(direct, refs(resolve(spec, parameter).path("schema")), Direction.REQUEST);
        }
        mark(direct, refs(resolve(spec, operation.path("requestBody"))), Direction.REQUEST);
        for (JsonNode response : operation.path("responses")) {
          mark(direct, refs(resolve(spec, response)), Direction.RESPONSE);
        }
      }
    }
    JsonNode schemas = spec.path("components").path("schemas");
    for (Direction direction : Direction.values()) {
      Deque<String> queue = new ArrayDeque<>();
      direct.forEach((name, dirs) -> {
        if (dirs.contains(direction)) {
          queue.add(name);
        }
      });
      Set<String> seen = new LinkedHashSet<>();
      while (!queue.isEmpty()) {
        String name = queue.poll();
        if (seen.add(name)) {
          usage.computeIfAbsent(name, n -> EnumSet.noneOf(Direction.class)).add(direction);
          queue.addAll(refs(schemas.path(name)));
        }
      }
    }
  }

  private static void mark(Map<String, Set<Direction>> usage, Set<String> names, Direction direction) {
    names.forEach(name -> usage.computeIfAbsent(name, n -> EnumSet.noneOf(Direction.class)).add(direction));
  }

  /** The component schemas {@code node} references, skipping literal data (examples, enum, const, default). */
  private static Set<String> refs(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    collectRefs(node, names);
    return names;
  }

  private static final Set<String> DATA_KEYS = Set.of("examples", "example", "enum", "const", "default");

  private static void collectRefs(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equals("$ref") && field.getValue().isTextual()
            && field.getValue().textValue().startsWith("#/components/schemas/")) {
          names.add(SchemaShape.refName(field.getValue().textValue()));
        } else if (!DATA_KEYS.contains(field.getKey())) {
          collectRefs(field.getValue(), names);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectRefs(element, names));
    }
  }
}
