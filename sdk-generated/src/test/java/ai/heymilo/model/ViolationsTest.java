package ai.heymilo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ApiObject#violations()}: the spec's rules, checked through every nested model. */
class ViolationsTest {
  private static final OffsetDateTime NOON = OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  private static List<String> violations(ApiObject model) {
    List<String> result = new ArrayList<>();
    for (ConstraintViolation violation : model.violations()) {
      result.add(violation.toString());
    }
    return result;
  }

  private static EventRequest validEvent() {
    return new EventRequest().title("Kick-off").starts(NOON).addAttendee(new Attendee().email("ada@example.com"));
  }

  @Test
  void validRequest_hasNoViolations() {
    assertEquals(List.of(), violations(validEvent()));
    assertEquals(List.of(), violations(new CreatePostingRequest().title("Customer Service Rep")
        .addStep(new WebInterviewStep().addQuestion(new CreateQuestion().modality("voice").text("Why us?").scoreWeight(3)))));
  }

  @Test
  void missingRequiredProperties_areReportedInPropertyOrder() {
    assertEquals(List.of("title is required but was not set", "starts is required but was not set",
        "attendees is required but was not set"), violations(new EventRequest()));
  }

  @Test
  void nestedModels_areCheckedWithTheirPath() {
    CreatePostingRequest request = new CreatePostingRequest().title("Customer Service Rep")
        .addStep(new FormStep())
        .addStep(new WebInterviewStep().type(null)
            .addQuestion(new CreateQuestion().modality("voice").text("Why us?"))
            .addQuestion(new CreateQuestion().text("And?").scoreWeight(7)));

    assertEquals(List.of("workflow[1].type is required but was not set",
        "workflow[1].questions[1].modality is required but was not set",
        "workflow[1].questions[1].score_weight must be at most 5 but was 7"), violations(request));
  }

  @Test
  void lengths_countCodePoints() {
    assertEquals(List.of("title must be at least 3 characters long but was 2"), violations(validEvent().title("ab")));
    assertEquals(List.of("title must be at most 20 characters long but was 21"), violations(validEvent().title("x".repeat(21))));
    assertEquals(List.of(), violations(validEvent().title("\uD83D\uDE00".repeat(20))), "20 emoji are 20 characters (40 UTF-16 units)");
  }

  @Test
  void numberRanges_andFiniteness() {
    assertEquals(List.of("seats must be at least 1 but was 0"), violations(validEvent().seats(0)));
    assertEquals(List.of("seats must be at most 500 but was 501"), violations(validEvent().seats(501)));
    assertEquals(List.of("price must be greater than 0 but was 0.0"), violations(validEvent().price(0)));
    assertEquals(List.of("price must be a finite number but was NaN"), violations(validEvent().price(Double.NaN)));
    assertEquals(List.of(), violations(validEvent().seats(null)), "an explicit null on an optional nullable property is fine");
  }

  @Test
  void listSizes_andItemsInLists() {
    assertEquals(List.of("attendees must have at least 1 item but had 0"), violations(validEvent().attendees(List.of())));
    assertEquals(List.of("attendees[1].email is required but was not set"),
        violations(validEvent().addAttendee(new Attendee())));
  }

  @Test
  void mapLimits_fromXHeymiloLimits() {
    assertEquals(List.of(), violations(validEvent().putLabels("team", "sales").putLabels("tier", "gold")));
    assertEquals(List.of("labels must have at most 2 entries but had 3"),
        violations(validEvent().labels(Map.of("a", "1", "b", "2", "c", "3"))));
    assertEquals(List.of("labels.region key must be at most 5 characters long but was 6"),
        violations(validEvent().putLabels("region", "emea")));
    assertEquals(List.of("labels.team must be at most 8 characters long but was 9"),
        violations(validEvent().putLabels("team", "marketing")));
  }

  @Test
  void requiredNonNullable_decodedAsNull_isReported() {
    EventRequest decoded = new com.google.gson.GsonBuilder().registerTypeAdapterFactory(new ModelTypeAdapterFactory(FormatsTestSchemas.INSTANCE))
        .create().fromJson("{\"title\": null, \"starts\": \"2025-03-01T12:00:00Z\", \"attendees\": [{\"email\": \"a@b.c\"}]}",
            EventRequest.class);

    assertEquals(List.of("title is required and must not be null"), violations(decoded));
  }

  @Test
  void violations_areAnUnmodifiableSnapshot() {
    List<ConstraintViolation> list = new EventRequest().violations();

    assertThrows(UnsupportedOperationException.class, () -> list.add(list.get(0)));
    assertEquals("title", list.get(0).path());
    assertEquals("is required but was not set", list.get(0).message());
    assertEquals(list.get(0), new EventRequest().violations().get(0));
  }
}
