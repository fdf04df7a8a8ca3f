package ai.heymilo.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.heymilo.model.CreateWebhookRequest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebhookEventTypeTest {
  @Test
  void fromValue_knownName_returnsTheConstant() {
    assertSame(WebhookEventType.INTERVIEW_STARTED, WebhookEventType.fromValue("interview_started"));
    assertSame(WebhookEventType.INTERVIEW_COMPLETED, WebhookEventType.fromValue("interview_completed"));
    assertSame(WebhookEventType.REPORT_AVAILABLE, WebhookEventType.fromValue("report_available"));
  }

  @Test
  void fromValue_unknownName_equalByValue() {
    WebhookEventType one = WebhookEventType.fromValue("candidate_ingested");

    assertEquals(one, WebhookEventType.fromValue("candidate_ingested"));
    assertEquals(one.hashCode(), WebhookEventType.fromValue("candidate_ingested").hashCode());
    assertNotEquals(one, WebhookEventType.REPORT_AVAILABLE);
    assertEquals("candidate_ingested", one.toString());
    assertEquals(WebhookEventType.Known.UNRECOGNIZED, one.known());
  }

  @Test
  void fromValue_blank_refused() {
    assertEquals("event type must be a non-blank string such as \"report_available\", but was \" \"",
        assertThrows(IllegalArgumentException.class, () -> WebhookEventType.fromValue(" ")).getMessage());
    assertEquals("event type must be a non-blank string such as \"report_available\", but was null",
        assertThrows(IllegalArgumentException.class, () -> WebhookEventType.fromValue(null)).getMessage());
  }

  @Test
  void knownValues_inDocumentedOrder() {
    assertEquals(Arrays.asList(WebhookEventType.INTERVIEW_STARTED, WebhookEventType.INTERVIEW_COMPLETED,
        WebhookEventType.REPORT_AVAILABLE), WebhookEventType.knownValues());
    assertThrows(UnsupportedOperationException.class, () -> WebhookEventType.knownValues().clear());
  }

  @Test
  void value_isSentAsCreateWebhookRequestEventType() {
    CreateWebhookRequest request = new CreateWebhookRequest()
        .postingId("13D77095")
        .webhookUrl("https://hooks.example.com/heymilo")
        .eventType(WebhookEventType.REPORT_AVAILABLE.value());

    String json = ai.heymilo.client.HeyMiloGson.create().toJson(request);
    assertEquals("{\"posting_id\":\"13D77095\",\"webhook_url\":\"https://hooks.example.com/heymilo\","
        + "\"event_type\":\"report_available\"}", json);
  }
}
