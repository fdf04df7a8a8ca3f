package ai.heymilo.model;

import static ai.heymilo.model.JsonRoundTrip.assertSameJson;
import static ai.heymilo.model.JsonRoundTrip.decode;
import static ai.heymilo.model.JsonRoundTrip.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.JsonRoundTrip.Library;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Requests carry exactly what the caller set: no defaults, no empty strings, nulls only on purpose. */
class RequestEncodingTest {

  private static JsonNode json(String text) {
    try {
      return MergedSpec.MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void newRequest_sendsOnlyWhatWasSet(Library library) {
    CreatePostingRequest request = new CreatePostingRequest().title("Customer Service Rep");

    assertSameJson(json("{'title': 'Customer Service Rep'}"), encode(library, request), "create posting");
    assertSameJson(json("{}"), encode(library, new UpdatePostingRequest()), "empty update");
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void nullOnANullableProperty_sendsExplicitNull(Library library) {
    UpdatePostingRequest update = new UpdatePostingRequest().title("New title").instructions(null);

    assertSameJson(json("{'title': 'New title', 'instructions': null}"), encode(library, update), "update");
    assertTrue(update.isExplicitNull("instructions"));
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void settingAValueAfterNull_replacesTheNull(Library library) {
    UpdatePostingRequest update = new UpdatePostingRequest().instructions(null).instructions("Be brief");

    assertSameJson(json("{'instructions': 'Be brief'}"), encode(library, update), "update");
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void nullOnARequiredProperty_leavesItOut(Library library) {
    MetadataRequest request = new MetadataRequest().metadata(null);

    assertSameJson(json("{}"), encode(library, request), "metadata");
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void workflowSteps_keepEveryKindAndItsConfig(Library library) {
    CreatePostingRequest request = new CreatePostingRequest()
        .title("Customer Service Rep")
        .addStep(new WebInterviewStep()
            .config(new WebInterviewConfig().video(true).voiceId("voice_sarah").numQuestions(5))
            .addQuestion(new CreateQuestion().modality("voice").text("Tell me about a hard customer.").scoreWeight(3)))
        .addStep(new ConversationalSMSStep())
        .addStep(new ResumeStep())
        .addStep(new FormStep());

    String encoded = encode(library, request);

    assertSameJson(json("{'title': 'Customer Service Rep', 'workflow': ["
        + "{'type': 'web_interview', 'config': {'video': true, 'voice_id': 'voice_sarah', 'num_questions': 5},"
        + "  'questions': [{'modality': 'voice', 'text': 'Tell me about a hard customer.', 'score_weight': 3}]},"
        + "{'type': 'conversational_sms'}, {'type': 'resume'}, {'type': 'form'}]}"), encoded, "create posting");
    List<CreateWorkflowStep> steps = decode(library, encoded, CreatePostingRequest.class).getWorkflow();
    WebInterviewStep first = assertInstanceOf(WebInterviewStep.class, steps.get(0));
    assertEquals("voice_sarah", first.getConfig().getVoiceId());
    assertInstanceOf(ConversationalSMSStep.class, steps.get(1));
    assertInstanceOf(ResumeStep.class, steps.get(2));
    assertInstanceOf(FormStep.class, steps.get(3));
    assertEquals(request, decode(library, encoded, CreatePostingRequest.class));
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void unknownWorkflowStepType_failsListingTheKnownOnes(Library library) {
    JsonDecodingException error = assertThrows(JsonDecodingException.class,
        () -> decode(library, "{\"workflow\": [{\"config\": {}}, {\"type\": \"video_call\"}]}", CreatePostingRequest.class));

    assertEquals("Expected 'type' to name a CreateWorkflowStep variant, one of [conversational_sms, form, resume, web_interview]"
        + " but was missing at path $.workflow[0]", error.getMessage());

    error = assertThrows(JsonDecodingException.class,
        () -> decode(library, "{\"workflow\": [{\"type\": \"form\"}, {\"type\": \"video_call\"}]}", CreatePostingRequest.class));

    assertEquals("Expected 'type' to name a CreateWorkflowStep variant, one of [conversational_sms, form, resume, web_interview]"
        + " but was \"video_call\" at path $.workflow[1].type", error.getMessage());
    assertEquals("$.workflow[1].type", error.path());
  }

  @ParameterizedTest
  @EnumSource(Library.class)
  void additionalProperty_isSentAsIs(Library library) {
    CreateWebhookRequest request = new CreateWebhookRequest().postingId("13D77095").putAdditionalProperty("secret_rotation", null)
        .putAdditionalProperty("retries", 3);

    assertSameJson(json("{'posting_id': '13D77095', 'secret_rotation': null, 'retries': 3}"), encode(library, request), "webhook");
  }

  @Test
  void additionalProperty_withADeclaredName_isRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new CreateWebhookRequest().putAdditionalProperty("posting_id", "x"));

    assertEquals("'posting_id' is a declared property of CreateWebhookRequest; use its setter instead", error.getMessage());
  }

  @Test
  void equalsAndToString_coverSetPropertiesOnly() {
    CreateWebhookRequest a = new CreateWebhookRequest().postingId("p1").eventType("interview_completed");
    CreateWebhookRequest b = new CreateWebhookRequest().postingId("p1").eventType("interview_completed");

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals("CreateWebhookRequest{posting_id=p1, event_type=interview_completed}", a.toString());
  }
}
