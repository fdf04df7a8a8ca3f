package ai.heymilo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.heymilo.sdk.webhooks.WebhookDispatcher;
import ai.heymilo.sdk.webhooks.WebhookEvent;
import ai.heymilo.sdk.webhooks.WebhookHandler;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client's entry points for webhook events refuse bad input with a clear message. */
final class HeyMiloClientEventsTest {
  private static WebhookEvent event(String type) {
    String body = "{\"event_type\":\"" + type + "\",\"posting_id\":\"AB12CD34\",\"interview_id\":\"iv_1\"}";
    return WebhookHandler.builder().build().handle(body.getBytes(StandardCharsets.UTF_8), name -> null);
  }

  @Test
  void handleWebhookEvent_null_isRefused_andAnEventWithNoPendingWaitWakesNone() {
    try (HeyMiloClient client = HeyMiloClient.builder().apiKey("hm_test_key").build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.handleWebhookEvent(null));
      assertEquals("event must not be null; pass the WebhookEvent your WebhookHandler returned", e.getMessage());
      assertEquals(0, client.handleWebhookEvent(event("report_available")));
      assertEquals(0, client.handleWebhookEvent(event("interview_started")));
    }
  }

  @Test
  void completeWaits_nullArguments_areRefused() {
    try (HeyMiloClient client = HeyMiloClient.builder().apiKey("hm_test_key").build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.completeWaitsFrom(null));
      assertEquals("dispatcher must not be null; pass the WebhookDispatcher your receiver or handler uses", e.getMessage());
      WebhookDispatcher dispatcher = WebhookDispatcher.create();
      assertEquals("client must not be null", assertThrows(IllegalArgumentException.class,
          () -> dispatcher.completeWaitsOf(null)).getMessage());
      try (WebhookDispatcher.Subscription wired = dispatcher.completeWaitsOf(client)) {
        assertEquals(true, dispatcher.dispatch(event("report_available")));
      }
    }
  }
}
