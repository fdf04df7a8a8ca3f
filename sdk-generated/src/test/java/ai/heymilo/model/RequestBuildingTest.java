package ai.heymilo.model;

import static ai.heymilo.model.JsonRoundTrip.assertSameJson;
import static ai.heymilo.model.JsonRoundTrip.decode;
import static ai.heymilo.model.JsonRoundTrip.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.JsonRoundTrip.Library;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Building requests as a new user would, straight from the guide, with no look at generated source. */
class RequestBuildingTest {

  private static JsonNode json(String text) {
    try {
      return MergedSpec.MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void primitives_areAccepted_andNullStillClears(Library library) {
    CreateQuestion question = new CreateQuestion().modality("voice").text("Why us?").scoreWeight(3).sliderMin(1).sliderMax(2.5);
    UpdateQuestionRequest update = new UpdateQuestionRequest().scoreWeight(null);

    assertEquals(3L, question.getScoreWeight());
    assertEquals(1.0, question.getSliderMin());
    assertSameJson(json("{'modality': 'voice', 'text': 'Why us?', 'score_weight': 3, 'slider_min': 1, 'slider_max': 2.5}"),
        encode(library, question), "question");
    assertSameJson(json("{'score_weight': null}"), encode(library, update), "update");
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void listAdders_areNamedAfterTheElement(Library library) {
    CreatePostingRequest request = new CreatePostingRequest().title("Customer Service Rep")
        .addStep(new WebInterviewStep()
            .addQuestion(new CreateQuestion().modality("voice").text("Tell me about a hard customer.")))
        .putMetadata("requisition", "REQ-2291");
    CandidateIngestRequest candidate = new CandidateIngestRequest().name("Jane Doe").email("jane@example.com")
        .putMetadata("external_id", "ats_1");

    assertSameJson(json("{'title': 'Customer Service Rep', 'metadata': {'requisition': 'REQ-2291'}, 'workflow': [{'type': 'web_interview',"
        + " 'questions': [{'modality': 'voice', 'text': 'Tell me about a hard customer.'}]}]}"), encode(library, request), "posting");
    assertEquals(Map.of("external_id", "ats_1"), candidate.getMetadata());
    assertEquals(List.of("ok"), new SMSCriterionResult().addReason("ok").getReasons());
    assertEquals(1, new SMSResult().addCriterion(new SMSCriterionResult()).getCriteria().size());
  }

  @Test
  void adders_copyAListOrMapTheCallerSet_beforeChangingIt() {
    List<String> fixed = List.of("a");
    Map<String, String> fixedMap = Map.of("k", "v");

    CreateQuestion question = new CreateQuestion().options(fixed).addOption("b");
    CandidateIngestRequest candidate = new CandidateIngestRequest().metadata(fixedMap).putMetadata("k2", "v2");

    assertEquals(List.of("a", "b"), question.getOptions());
    assertEquals(List.of("a"), fixed);
    assertEquals(Map.of("k", "v", "k2", "v2"), candidate.getMetadata());
  }

  @Test
  void adder_refusesNull_sayingHowToSendOne() {
    NullPointerException error = assertThrows(NullPointerException.class, () -> new CreateQuestion().addOption(null));

    assertEquals("item == null; to send a JSON null in the list, use setOptions(…)", error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void unixTimestamps_readAsInstants(Library library) {
    CreatePostingResponse created = decode(library, "{'id': 'p1', 'created_at': 1739612400.5}".replace('\'', '"'), CreatePostingResponse.class);
    PostingResponse posting = decode(library, "{'id': 'p1', 'deadline': 1.7396124E9, 'created_at': null}".replace('\'', '"'),
        PostingResponse.class);

    assertEquals(Instant.parse("2025-02-15T09:40:00.500Z"), created.getCreatedAtInstant());
    assertEquals(Instant.parse("2025-02-15T09:40:00Z"), posting.getDeadlineInstant());
    assertNull(posting.getCreatedAtInstant());
    assertEquals(1739612400.0, posting.getDeadline(), "the raw number stays");
  }

  @Test
  void instantSetter_writesUnixSeconds() {
    PostingResponse posting = new PostingResponse().updatedAtInstant(Instant.parse("2025-02-15T09:40:00.250Z"));

    assertEquals(1739612400.25, posting.getUpdatedAt());
  }

  /** Every generated model class, found through the spec's schema names. */
  private static List<Class<?>> modelClasses() {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : MergedSpec.schemaNames()) {
      Class<?> type = MergedSpec.javaClass(name);
      if (ApiObject.class.isAssignableFrom(type)) {
        classes.add(type);
      }
    }
    return classes;
  }

  @Test
  void everyIntegerAndNumberSetter_hasItsPrimitiveTwin_andNoItemNamedHelpersRemain() throws NoSuchMethodException {
    int twins = 0;
    for (Class<?> type : modelClasses()) {
      for (Method method : type.getMethods()) {
        assertTrue(!method.getName().matches("(add|put)\\w*Item"), type.getSimpleName() + "." + method.getName());
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1 || method.getReturnType() != type) {
          continue;
        }
        Class<?> parameter = method.getParameterTypes()[0];
        if (parameter == Long.class || parameter == Double.class) {
          Class<?> primitive = parameter == Long.class ? long.class : double.class;
          assertEquals(type, type.getMethod(method.getName(), primitive).getReturnType(), type.getSimpleName() + "." + method.getName());
          twins++;
        }
      }
    }
    assertTrue(twins > 100, "found " + twins);
  }
}
