package ai.heymilo.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.JsonLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SDK's event model against the AsyncAPI document in the spec module: a new event type or payload field there
 * fails this test until {@link WebhookEventType} and {@link WebhookEvent} have it.
 */
class WebhookEventSpecTest {
  private static final String RESOURCE = "/ai/heymilo/spec/heymilo-webhooks.asyncapi.yml";

  /** How each property of the document's WebhookEvent schema is read from the SDK's event. */
  private static final Map<String, Function<WebhookEvent, @Nullable String>> ACCESSORS = new LinkedHashMap<>();

  static {
    ACCESSORS.put("event_type", event -> event.type().value());
    ACCESSORS.put("posting_id", WebhookEvent::postingId);
    ACCESSORS.put("interview_id", WebhookEvent::interviewId);
  }

  private static JsonNode document;

  @BeforeAll
  static void readDocument() throws IOException {
    try (InputStream in = WebhookEventSpecTest.class.getResourceAsStream(RESOURCE)) {
      assertNotNull(in, RESOURCE + " is not on the test class path; build the spec module first");
      document = new ObjectMapper(new YAMLFactory()).readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void eventTypes_matchTheDocumentsChannelsMessagesAndEnum() {
    List<String> sdk = new ArrayList<>();
    for (WebhookEventType type : WebhookEventType.knownValues()) {
      sdk.add(type.value());
    }
    List<String> channels = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (Iterator<JsonNode> it = document.path("channels").elements(); it.hasNext(); ) {
      JsonNode channel = it.next();
      channels.add(channel.path("address").asText());
      for (Iterator<JsonNode> refs = channel.path("messages").elements(); refs.hasNext(); ) {
        String ref = refs.next().path("$ref").asText();
        messages.add(document.at(ref.substring(1)).path("name").asText());
      }
    }
    List<String> enumValues = new ArrayList<>();
    document.at("/components/schemas/WebhookEvent/properties/event_type/enum").forEach(v -> enumValues.add(v.asText()));

    assertEquals(sdk, channels, "channel addresses");
    assertEquals(sdk, messages, "message names");
    assertEquals(sdk, enumValues, "event_type enum");
  }

  @Test
  void everyMessage_carriesTheWebhookEventPayload() {
    for (Iterator<JsonNode> it = document.path("components").path("messages").elements(); it.hasNext(); ) {
      assertEquals("#/components/schemas/WebhookEvent", it.next().at("/payload/$ref").asText());
    }
  }

  @Test
  void payloadProperties_eachHaveAnAccessor() {
    List<String> properties = new ArrayList<>();
    document.at("/components/schemas/WebhookEvent/properties").fieldNames().forEachRemaining(properties::add);

    assertEquals(properties, new ArrayList<>(ACCESSORS.keySet()),
        "WebhookEvent must have a typed accessor for every property of the AsyncAPI WebhookEvent schema");
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void payloadBuiltFromTheSchema_readsBackThroughTheAccessors(JsonLibrary library) {
    JsonNode schema = document.at("/components/schemas/WebhookEvent");
    assertEquals("object", schema.path("type").asText());
    Map<String, String> values = new LinkedHashMap<>();
    StringBuilder body = new StringBuilder("{");
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      assertEquals("string", property.getValue().path("type").asText(), property.getKey());
      JsonNode allowed = property.getValue().path("enum");
      String value = allowed.isArray() ? allowed.get(allowed.size() - 1).asText() : "value_of_" + property.getKey();
      values.put(property.getKey(), value);
      body.append(body.length() > 1 ? "," : "").append('"').append(property.getKey()).append("\":\"").append(value).append('"');
    }
    body.append('}');

    WebhookEvent event = WebhookHandler.builder().jsonLibrary(library).build()
        .handle(body.toString().getBytes(StandardCharsets.UTF_8), name -> null);

    assertTrue(event.type().isKnown());
    for (Map.Entry<String, String> value : values.entrySet()) {
      assertEquals(value.getValue(), ACCESSORS.get(value.getKey()).apply(event), value.getKey());
      assertEquals(value.getValue(), event.field(value.getKey()), value.getKey());
    }
  }
}
