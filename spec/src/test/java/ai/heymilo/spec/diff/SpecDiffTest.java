package ai.heymilo.spec.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.heymilo.spec.diff.SpecChange.Impact;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The diff rules, case by case, on a small document: {@code GET /things/{id}} answers {@code Thing},
 * {@code POST /things} takes {@code ThingRequest}. Each test changes one schema or operation.
 */
class SpecDiffTest {
  private static final String THING = "{\"type\": \"object\", \"properties\": {"
      + "\"id\": {\"type\": \"string\"},"
      + "\"score\": {\"type\": [\"number\", \"null\"]},"
      + "\"count\": {\"type\": \"integer\"},"
      + "\"kind\": {\"type\": \"string\", \"const\": \"thing\"},"
      + "\"created\": {\"type\": \"string\"},"
      + "\"status\": {\"anyOf\": [{\"type\": \"string\", \"enum\": [\"open\", \"closed\"]}, {\"type\": \"null\"}]}"
      + "}, \"required\": [\"id\"]}";
  private static final String THING_REQUEST = "{\"type\": \"object\", \"properties\": {"
      + "\"name\": {\"type\": \"string\", \"maxLength\": 100},"
      + "\"mode\": {\"type\": \"string\", \"enum\": [\"fast\", \"slow\"]}"
      + "}, \"required\": [\"name\"]}";

  private static ObjectNode document(String thing, String thingRequest, String getExtra) {
    return SpecWorkspace.json("{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {"
        + "\"/things/{id}\": {\"get\": {\"operationId\": \"getThing\", \"tags\": [\"Things\"], \"parameters\": ["
        + "{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": {\"type\": \"string\"}},"
        + "{\"name\": \"expand\", \"in\": \"query\", \"schema\": {\"type\": \"boolean\"}}],"
        + "\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": "
        + "{\"$ref\": \"#/components/schemas/Thing\"}}}}" + getExtra + "}}},"
        + "\"/things\": {\"post\": {\"operationId\": \"createThing\", \"tags\": [\"Things\"], \"requestBody\": "
        + "{\"required\": true, \"content\": {\"application/json\": {\"schema\": {\"$ref\": "
        + "\"#/components/schemas/ThingRequest\"}}}}, \"responses\": {\"201\": {\"description\": \"ok\", \"content\":"
        + " {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Thing\"}}}}}}}},"
        + "\"components\": {\"schemas\": {\"Thing\": " + thing + ", \"ThingRequest\": " + thingRequest + "}}}");
  }

  private static final ObjectNode BASE = document(THING, THING_REQUEST, "");

  private static SpecDiff.Result diff(ObjectNode changed) {
    return SpecDiff.compare(BASE, changed);
  }

  private static List<String> lines(SpecDiff.Result result) {
    return result.changes().stream()
        .map(c -> c.headline() + (c.breaking() ? " [" + c.breaksText() + "]" : ""))
        .collect(Collectors.toList());
  }

  @Test
  void typeArrayRespelledAsAnyOfNull_isNoChange() {
    SpecDiff.Result result = diff(document(THING.replace("\"score\": {\"type\": [\"number\", \"null\"]}",
        "\"score\": {\"anyOf\": [{\"type\": \"number\"}, {\"type\": \"null\"}], \"title\": \"Score\"}"),
        THING_REQUEST, ""));

    assertEquals(List.of(), lines(result));
    assertEquals(1, result.documentationOnly());
  }

  @Test
  void responsePropertyBecomesNullable_breaksTheWireButNotJava() {
    SpecDiff.Result result = diff(document(THING.replace("\"count\": {\"type\": \"integer\"}",
        "\"count\": {\"type\": [\"integer\", \"null\"]}"), THING_REQUEST, ""));

    assertEquals(List.of("`Thing.getCount()`: may now be null (Java type unchanged: `Long`) [wire]"), lines(result));
  }

  @Test
  void constChanged_breaksTheWire() {
    SpecDiff.Result result = diff(document(THING.replace("\"const\": \"thing\"", "\"const\": \"item\""),
        THING_REQUEST, ""));

    assertEquals(List.of("`Thing.getKind()`: const \"thing\" → \"item\" (Java type unchanged: `String`) [wire]"),
        lines(result));
  }

  @Test
  void formatDateTimeAdded_changesTheJavaType() {
    SpecDiff.Result result = diff(document(THING.replace("\"created\": {\"type\": \"string\"}",
        "\"created\": {\"type\": \"string\", \"format\": \"date-time\"}"), THING_REQUEST, ""));

    assertEquals(List.of("`Thing.getCreated()` now returns `OffsetDateTime` (was `String`) "
        + "[Java source, Java binary]"), lines(result));
  }

  @Test
  void enumValueRemovedFromARequest_isBreaking_andAddedToAResponse_isNot() {
    SpecDiff.Result removed = diff(document(THING, THING_REQUEST.replace("[\"fast\", \"slow\"]", "[\"fast\"]"), ""));
    SpecDiff.Result added = diff(document(THING.replace("[\"open\", \"closed\"]", "[\"open\", \"closed\", \"held\"]"),
        THING_REQUEST, ""));

    assertEquals(List.of("`ThingRequest.getMode()` no longer allows `slow`: `ThingRequest.ModeEnum.SLOW` removed "
        + "[Java source, Java binary, wire]"), lines(removed));
    assertEquals(List.of("New value `held` for `Thing.getStatus()`: `Thing.StatusEnum.HELD`"), lines(added));
  }

  @Test
  void requestConstraintTightened_isBreakingOnTheWire() {
    SpecDiff.Result result = diff(document(THING, THING_REQUEST.replace("\"maxLength\": 100", "\"maxLength\": 50"),
        ""));

    assertEquals(List.of("`ThingRequest.getName()`: `maxLength` 100 → 50 (Java type unchanged: `String`) [wire]"),
        lines(result));
  }

  @Test
  void requiredResponsePropertyBecomesOptional_isBreakingOnTheWire() {
    SpecDiff.Result result = diff(document(THING.replace("\"required\": [\"id\"]", "\"required\": []"),
        THING_REQUEST, ""));

    assertEquals(List.of("`Thing.getId()`: now optional: may be absent from responses (Java type unchanged: "
        + "`String`) [wire]"), lines(result));
  }

  @Test
  void optionalQueryParameterAdded_changesTheRetrofitSignature() {
    ObjectNode changed = BASE.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) SpecWorkspace.operation(changed, "/things/{id}", "get")
        .withArray("parameters")).add(SpecWorkspace.json(
            "{\"name\": \"fields\", \"in\": \"query\", \"schema\": {\"type\": \"string\"}}"));

    SpecDiff.Result result = diff(changed);

    assertEquals(List.of("`ThingsApi.getThing(...)` takes a new optional argument `String` `fields` (query parameter "
        + "`fields`; pass null to leave it out) [Java source, Java binary]"), lines(result));
  }

  @Test
  void pathParameterRenamed_isOneCompatibleChange() {
    String text = BASE.toString().replace("/things/{id}", "/things/{thing_id}")
        .replace("{\"name\":\"id\",\"in\":\"path\"", "{\"name\":\"thing_id\",\"in\":\"path\"");

    SpecDiff.Result result = diff(SpecWorkspace.json(text));

    assertEquals(List.of("`ThingsApi.getThing(...)`: path `/things/{id}` is now `/things/{thing_id}` (path parameter "
        + "names only; same URL)"), lines(result));
  }

  @Test
  void newErrorStatus_isCompatible_andDocumentationIsOnlyCounted() {
    ObjectNode changed = document(THING.replace("\"id\": {\"type\": \"string\"}",
        "\"id\": {\"type\": \"string\", \"description\": \"The id.\"}"), THING_REQUEST,
        ", \"404\": {\"description\": \"missing\"}");

    SpecDiff.Result result = diff(changed);

    assertEquals(List.of("`ThingsApi.getThing(...)` may now answer 404 (newly documented)"), lines(result));
    assertEquals(1, result.documentationOnly());
    assertEquals(Set.of(), result.changes().get(0).breaks());
  }

  @Test
  void successSchemaReplaced_changesTheReturnType() {
    String text = BASE.toString().replaceFirst("\"#/components/schemas/Thing\"", "\"#/components/schemas/Other\"")
        .replace("\"ThingRequest\":", "\"Other\": {\"type\": \"object\", \"properties\": {\"x\": {\"type\": "
            + "\"string\"}}}, \"ThingRequest\":");

    SpecDiff.Result result = diff(SpecWorkspace.json(text));

    assertEquals(List.of("`ThingsApi.getThing(...)` now returns `Call<Other>` (was `Call<Thing>`) "
        + "[Java source, Java binary, wire]", "New model `Other`"), lines(result));
    assertEquals(Set.of(Impact.JAVA_SOURCE, Impact.JAVA_BINARY, Impact.WIRE), result.changes().get(0).breaks());
  }
}
