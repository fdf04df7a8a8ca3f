package ai.heymilo.sdk.webhooks;

import static ai.heymilo.sdk.webhooks.Json.bytes;
import static ai.heymilo.sdk.webhooks.Json.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.JsonLibrary;
import ai.heymilo.sdk.errors.InvalidWebhookException;
import ai.heymilo.sdk.errors.InvalidWebhookException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parsing a delivered body into a WebhookEvent, with each JSON library: the same results from both. */
class WebhookEventParsingTest {

  private static WebhookEvent parse(JsonLibrary library, String body) {
    return WebhookHandler.builder().jsonLibrary(library).build().handle(bytes(body), name -> null);
  }

  private static InvalidWebhookException refused(JsonLibrary library, byte[] body, Map<String, String> headers) {
    WebhookHandler handler = WebhookHandler.builder().jsonLibrary(library).build();
    return assertThrows(InvalidWebhookException.class, () -> handler.handle(body, headers::get));
  }

  private static InvalidWebhookException refused(JsonLibrary library, String body) {
    return refused(library, bytes(body), Collections.<String, String>emptyMap());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_knownEvent_typesTheDocumentedFields(JsonLibrary library) {
    WebhookEvent event = parse(library, Json.REPORT);

    assertSame(WebhookEventType.REPORT_AVAILABLE, event.type());
    assertEquals(WebhookEventType.Known.REPORT_AVAILABLE, event.type().known());
    assertEquals("13D77095", event.postingId());
    assertEquals("iv_1", event.interviewId());
    assertEquals(Json.REPORT, event.rawJson());
    assertEquals("report_available", event.field("event_type"));
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_everyDocumentedType_isKnown(JsonLibrary library) {
    for (WebhookEventType type : WebhookEventType.knownValues()) {
      WebhookEvent event = parse(library, Json.event(type.value(), "iv_1"));
      assertSame(type, event.type());
      assertTrue(event.type().isKnown());
    }
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_unknownEventType_keptWithItsRawValue(JsonLibrary library) {
    WebhookEvent event = parse(library, Json.event("candidate_ingested", "iv_9"));

    assertEquals("candidate_ingested", event.type().value());
    assertEquals(WebhookEventType.Known.UNRECOGNIZED, event.type().known());
    assertFalse(event.type().isKnown());
    assertEquals(WebhookEventType.fromValue("candidate_ingested"), event.type());
    assertEquals("iv_9", event.interviewId());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_extraFields_reachableAsPlainValuesWithIntegralNumbersAsLong(JsonLibrary library) {
    WebhookEvent event = parse(library, json("{'event_type':'interview_completed','interview_id':'iv_1',"
        + "'score':78.5,'attempts':3,'big':12345678901234567890,'passed':true,'note':null,"
        + "'candidate':{'name':'Ada','tags':['a',1,2.0]},'scores':[{'q':1}]}"));

    assertEquals(78.5, event.field("score"));
    assertEquals(3L, event.field("attempts"));
    assertEquals(1.2345678901234567e19, event.field("big"));
    assertEquals(true, event.field("passed"));
    assertNull(event.field("note"));
    assertTrue(event.fields().containsKey("note"));
    Map<String, Object> candidate = map(event.field("candidate"));
    assertEquals("Ada", candidate.get("name"));
    assertEquals(Arrays.asList("a", 1L, 2.0), candidate.get("tags"));
    assertEquals(Collections.singletonList(Collections.singletonMap("q", 1L)), event.field("scores"));
    assertEquals(Arrays.asList("event_type", "interview_id", "score", "attempts", "big", "passed", "note", "candidate",
        "scores"), Arrays.asList(event.fields().keySet().toArray()));
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_fields_areUnmodifiableAllTheWayDown(JsonLibrary library) {
    WebhookEvent event = parse(library, json("{'event_type':'report_available','a':{'b':[1]}}"));

    assertThrows(UnsupportedOperationException.class, () -> event.fields().put("x", 1));
    Map<String, Object> a = map(event.field("a"));
    assertThrows(UnsupportedOperationException.class, () -> a.put("x", 1));
    @SuppressWarnings("unchecked")
    List<Object> b = (List<Object>) a.get("b");
    assertThrows(UnsupportedOperationException.class, () -> b.add(2));
  }

  @Test
  void parse_sameBody_bothLibrariesGiveEqualEvents() {
    String body = json("{'event_type':'report_available','interview_id':'iv_1','n':-0,'d':-0.0,'e':1e2,'f':1.0,"
        + "'s':'\\u00e9\\n','nested':{'list':[true,false,null,{'x':9007199254740993}]},'completed_at':1739612400.5}");
    WebhookEvent gson = parse(JsonLibrary.GSON, body);
    WebhookEvent moshi = parse(JsonLibrary.MOSHI, body);

    assertEquals(gson.fields(), moshi.fields());
    assertEquals(gson.timestamps(), moshi.timestamps());
    assertEquals(gson.deliveryKey(), moshi.deliveryKey());
    assertEquals(0L, gson.field("n"));
    assertEquals(100.0, gson.field("e"));
    assertEquals(1.0, gson.field("f"));
    assertEquals("\u00e9\n", gson.field("s"));
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_missingIds_giveNullAndDoNotThrow(JsonLibrary library) {
    WebhookEvent event = parse(library, json("{'event_type':'interview_started'}"));

    assertSame(WebhookEventType.INTERVIEW_STARTED, event.type());
    assertNull(event.postingId());
    assertNull(event.interviewId());
    assertTrue(event.timestamps().isEmpty());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_idsOfOtherTypes_integralNumbersAsTextOthersNullButKept(JsonLibrary library) {
    WebhookEvent event = parse(library, json("{'event_type':'report_available','posting_id':1234,"
        + "'interview_id':{'id':'iv_1'}}"));

    assertEquals("1234", event.postingId());
    assertNull(event.interviewId());
    assertEquals(Collections.singletonMap("id", "iv_1"), event.field("interview_id"));

    WebhookEvent blank = parse(library, json("{'event_type':'report_available','posting_id':' ','interview_id':true}"));
    assertNull(blank.postingId());
    assertNull(blank.interviewId());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_eventTypeNotAString_refusedNamingTheType(JsonLibrary library) {
    InvalidWebhookException e = refused(library, json("{'event_type':42,'interview_id':'iv_1'}"));

    assertEquals(Reason.INVALID_EVENT_TYPE, e.reason());
    assertEquals(400, e.httpStatus());
    assertEquals("The webhook's event_type must be a string such as \"report_available\", but was a number (42).",
        e.getMessage());
    assertEquals("The webhook's event_type must be a string such as \"report_available\", but was a JSON object.",
        refused(library, json("{'event_type':{'name':'x'}}")).getMessage());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_blankEventType_refused(JsonLibrary library) {
    InvalidWebhookException e = refused(library, json("{'event_type':'  '}"));

    assertEquals(Reason.INVALID_EVENT_TYPE, e.reason());
    assertEquals("The webhook's event_type must not be blank, but was \"  \"; known types are interview_started, "
        + "interview_completed and report_available.", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_noEventType_refusedListingTheFieldsFound(JsonLibrary library) {
    InvalidWebhookException e = refused(library, json("{'interview_id':'iv_1','status':'completed'}"));

    assertEquals(Reason.MISSING_EVENT_TYPE, e.reason());
    assertEquals("The webhook body has no event_type, so it is not a HeyMilo event; its fields are interview_id, "
        + "status. HeyMilo sends each event as a JSON object with event_type, posting_id and interview_id.",
        e.getMessage());
    assertEquals("The webhook body has no event_type (it is null), so it is not a HeyMilo event; its fields are "
        + "event_type. HeyMilo sends each event as a JSON object with event_type, posting_id and interview_id.",
        refused(library, json("{'event_type':null}")).getMessage());
    assertTrue(refused(library, "{}").getMessage().contains("its fields are none."));
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_notJson_refusedAsMalformed(JsonLibrary library) {
    for (String body : Arrays.asList("hello", "{event_type: 'report_available'}", "{\"event_type\":\"a\"} trailing",
        "{\"event_type\":\"a\"", "<xml/>", "{\"event_type\":\"a\",}")) {
      InvalidWebhookException e = refused(library, body);
      assertEquals(Reason.MALFORMED_JSON, e.reason(), body);
      assertTrue(e.getMessage().startsWith("The webhook body is not valid JSON ("), e.getMessage());
      assertTrue(e.getMessage().endsWith("); HeyMilo sends each event as a JSON object with event_type, posting_id and "
          + "interview_id."), e.getMessage());
      // The parsers' advice to their programmers (turn on leniency, a troubleshooting link) is not for this reader.
      assertFalse(e.getMessage().contains("enien"), e.getMessage());
      assertFalse(e.getMessage().contains("https://"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
    assertEquals("The webhook body is not valid JSON (malformed JSON at "
        + (library == JsonLibrary.GSON ? "line 1 column 1 path $" : "path $") + "); HeyMilo sends each event as a "
        + "JSON object with event_type, posting_id and interview_id.", refused(library, "hello").getMessage());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_emptyBody_refusedSayingSo(JsonLibrary library) {
    for (String body : Arrays.asList("", "  \n")) {
      InvalidWebhookException e = refused(library, body);
      assertEquals(Reason.MALFORMED_JSON, e.reason());
      assertEquals("The webhook body is empty; HeyMilo sends each event as a JSON object with event_type, posting_id "
          + "and interview_id.", e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_jsonThatIsNotAnObject_refusedNamingWhatItIs(JsonLibrary library) {
    assertEquals("The webhook body is a JSON array, not a JSON object; HeyMilo sends each event as a JSON object "
        + "with event_type, posting_id and interview_id.", refused(library, "[" + Json.REPORT + "]").getMessage());
    assertEquals(Reason.NOT_AN_OBJECT, refused(library, "\"report_available\"").reason());
    assertTrue(refused(library, "\"report_available\"").getMessage().startsWith("The webhook body is a JSON string,"));
    assertTrue(refused(library, "42").getMessage().startsWith("The webhook body is a number (42),"));
    assertTrue(refused(library, "null").getMessage().startsWith("The webhook body is null,"));
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_deeplyNestedBody_refusedAsMalformedNotAStackOverflow(JsonLibrary library) {
    StringBuilder deep = new StringBuilder("{\"event_type\":\"report_available\",\"x\":");
    for (int i = 0; i < 100_000; i++) {
      deep.append('[');
    }
    InvalidWebhookException e = refused(library, deep.toString());

    assertEquals(Reason.MALFORMED_JSON, e.reason());
    assertTrue(e.getMessage().length() < 400, "the message names the path shortened: " + e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_numberBeyondDouble_refusedByBothLibraries(JsonLibrary library) {
    InvalidWebhookException e = refused(library, json("{'event_type':'report_available','x':1e400}"));

    assertEquals(Reason.MALFORMED_JSON, e.reason());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_bodyOverTheLimit_refusedWith413BeforeParsing(JsonLibrary library) {
    WebhookHandler handler = WebhookHandler.builder().jsonLibrary(library).maxBodyBytes(1024).build();
    byte[] body = new byte[1025];
    Arrays.fill(body, (byte) '[');

    InvalidWebhookException e = assertThrows(InvalidWebhookException.class, () -> handler.handle(body, name -> null));

    assertEquals(Reason.BODY_TOO_LARGE, e.reason());
    assertEquals(413, e.httpStatus());
    assertEquals("The webhook body has 1025 bytes, more than the limit of 1024; if HeyMilo's events are this large, "
        + "raise it with WebhookHandler.builder().maxBodyBytes(...).", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_largeBodyWithinTheDefaultLimit_parses(JsonLibrary library) {
    char[] transcript = new char[WebhookHandler.DEFAULT_MAX_BODY_BYTES - 200];
    Arrays.fill(transcript, 'a');
    String body = json("{'event_type':'report_available','interview_id':'iv_1','transcript':'") + new String(transcript)
        + "\"}";

    WebhookEvent event = parse(library, body);

    assertEquals(transcript.length, ((String) event.field("transcript")).length());
    assertEquals(body, event.rawJson());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_timestamps_foundByNameAndParsedFromTextOrUnixTime(JsonLibrary library) {
    WebhookEvent event = parse(library, json("{'event_type':'interview_completed','completed_at':'2026-02-15T09:30:00Z',"
        + "'started_at':'2026-02-15T10:00:00.250+02:00','timestamp':1739612400,'created_at':1739612400.5,"
        + "'updated_at':1739612400123,'sent_at':'2026-02-15 09:30:00.123456','receivedAt':'2026-02-15T09:30:00',"
        + "'due_time':'soon','status':'2026-02-15T09:30:00Z','interview':{'finished_at':'2026-02-15T09:45:00Z',"
        + "'steps':[{'ended_at':'2026-02-15T09:40:00Z'}]}}"));

    Map<String, Instant> expected = new java.util.LinkedHashMap<>();
    expected.put("completed_at", Instant.parse("2026-02-15T09:30:00Z"));
    expected.put("started_at", Instant.parse("2026-02-15T08:00:00.250Z"));
    expected.put("timestamp", Instant.ofEpochSecond(1739612400));
    expected.put("created_at", Instant.ofEpochSecond(1739612400, 500_000_000));
    expected.put("updated_at", Instant.ofEpochMilli(1739612400123L));
    expected.put("sent_at", Instant.parse("2026-02-15T09:30:00.123456Z"));
    expected.put("receivedAt", Instant.parse("2026-02-15T09:30:00Z"));
    expected.put("interview.finished_at", Instant.parse("2026-02-15T09:45:00Z"));
    assertEquals(expected, event.timestamps());
    assertEquals(Arrays.asList(expected.keySet().toArray()), Arrays.asList(event.timestamps().keySet().toArray()));
    assertEquals("soon", event.field("due_time"));
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_timestampOutOfRange_leftOutNotThrown(JsonLibrary library) {
    WebhookEvent event = parse(library, json("{'event_type':'report_available','a_at':1e300,'b_at':'9999999-01-01T00:00:00Z',"
        + "'c_at':'2026-13-45T99:00:00Z'}"));

    assertTrue(event.timestamps().isEmpty());
    assertEquals(1e300, event.field("a_at"));
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_utf8ByteOrderMark_skippedButKeptInRawJson(JsonLibrary library) {
    WebhookEvent event = parse(library, "\uFEFF" + Json.REPORT);

    assertSame(WebhookEventType.REPORT_AVAILABLE, event.type());
    assertEquals("\uFEFF" + Json.REPORT, event.rawJson());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_bytesThatAreNotUtf8_refusedAsMalformed(JsonLibrary library) {
    byte[] latin1 = json("{'event_type':'report_available','name':'Jos\u00e9'}").getBytes(StandardCharsets.ISO_8859_1);

    InvalidWebhookException e = refused(library, latin1, Collections.<String, String>emptyMap());

    assertEquals(Reason.MALFORMED_JSON, e.reason());
    assertTrue(e.getMessage().startsWith("The webhook body is not valid UTF-8 text ("), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(JsonLibrary.class)
  void parse_declaredCharset_decodesWithIt(JsonLibrary library) {
    byte[] latin1 = json("{'event_type':'report_available','name':'Jos\u00e9'}").getBytes(StandardCharsets.ISO_8859_1);
    WebhookHandler handler = WebhookHandler.builder().jsonLibrary(library).build();

    WebhookEvent event = handler.handle(latin1, headers("content-type", "application/json; charset=\"ISO-8859-1\""));

    assertEquals("Jos\u00e9", event.field("name"));
  }

  @Test
  void handle_jsonContentTypes_accepted() {
    WebhookHandler handler = WebhookHandler.builder().build();
    for (String type : Arrays.asList("application/json", "Application/JSON; charset=utf-8", "application/cloudevents+json")) {
      assertSame(WebhookEventType.REPORT_AVAILABLE, handler.handle(bytes(Json.REPORT), headers("Content-Type", type)).type());
    }
  }

  @Test
  void handle_otherContentType_refusedWith415() {
    InvalidWebhookException e = refused(JsonLibrary.GSON, bytes(Json.REPORT),
        Collections.singletonMap("Content-Type", "text/plain; charset=utf-8"));

    assertEquals(Reason.UNSUPPORTED_MEDIA_TYPE, e.reason());
    assertEquals(415, e.httpStatus());
    assertEquals("The webhook's Content-Type is text/plain; HeyMilo events are JSON, sent as application/json.",
        e.getMessage());
  }

  @Test
  void handle_unknownCharset_refusedWith415NamingIt() {
    InvalidWebhookException e = refused(JsonLibrary.GSON, bytes(Json.REPORT),
        Collections.singletonMap("Content-Type", "application/json; charset=klingon"));

    assertEquals(Reason.UNSUPPORTED_MEDIA_TYPE, e.reason());
    assertEquals("The webhook's Content-Type names charset \"klingon\", which this Java runtime does not know; JSON "
        + "is sent as UTF-8.", e.getMessage());
  }

  @Test
  void deliveryKey_withoutDeliveryIdHeader_isTheDocumentedHash() throws Exception {
    WebhookEvent event = parse(JsonLibrary.GSON, Json.REPORT);

    java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
    byte[] hash = sha256.digest(bytes("report_available\niv_1\n" + Json.REPORT));
    StringBuilder hex = new StringBuilder();
    for (byte b : hash) {
      hex.append(String.format("%02x", b));
    }
    assertEquals("sha256:" + hex, event.deliveryKey());
    assertEquals(event.deliveryKey(), parse(JsonLibrary.GSON, Json.REPORT).deliveryKey());
    assertNotEquals(event.deliveryKey(), parse(JsonLibrary.GSON, Json.event("report_available", "iv_2")).deliveryKey());
    assertNotEquals(event.deliveryKey(), parse(JsonLibrary.GSON, Json.REPORT + " ").deliveryKey());
  }

  @Test
  void deliveryKey_withConfiguredHeaderPresent_isTheHeaderValue() {
    WebhookHandler handler = WebhookHandler.builder().deliveryIdHeader("Webhook-Id").build();

    assertEquals("id:msg_1", handler.handle(bytes(Json.REPORT), headers("Webhook-Id", " msg_1 ")).deliveryKey());
    assertEquals("id:msg_1", handler.handle(bytes(Json.REPORT + " "), headers("Webhook-Id", "msg_1")).deliveryKey());
    assertTrue(handler.handle(bytes(Json.REPORT), name -> null).deliveryKey().startsWith("sha256:"));
  }

  @Test
  void toString_namesTypeAndIdsButNotTheBody() {
    WebhookEvent event = parse(JsonLibrary.GSON, json("{'event_type':'report_available','interview_id':'iv_1',"
        + "'candidate_email':'ada@example.com'}"));

    assertTrue(event.toString().startsWith("WebhookEvent{type=report_available, postingId=null, interviewId=iv_1, "
        + "deliveryKey=sha256:"), event.toString());
    assertFalse(event.toString().contains("ada@example.com"));
  }

  @Test
  void handle_nullArguments_refusedWithClearMessages() {
    WebhookHandler handler = WebhookHandler.builder().build();

    assertEquals("body must not be null; pass the raw request body (an empty array if none)",
        assertThrows(IllegalArgumentException.class, () -> handler.handle(null, name -> null)).getMessage());
    assertEquals("headers must not be null; pass a lookup such as request::getHeader, or name -> null if there are none",
        assertThrows(IllegalArgumentException.class, () -> handler.handle(bytes(Json.REPORT), null)).getMessage());
  }

  @Test
  void builder_badLimit_refused() {
    assertEquals("maxBodyBytes must be between 1 and 2147483646, but was 0",
        assertThrows(IllegalArgumentException.class, () -> WebhookHandler.builder().maxBodyBytes(0)).getMessage());
  }

  /** A case-insensitive header lookup holding one header, as servlet containers and Spring give. */
  private static java.util.function.Function<String, @Nullable String> headers(String name, String value) {
    Map<String, String> map = new HashMap<>();
    map.put(name.toLowerCase(java.util.Locale.ROOT), value);
    return header -> map.get(header.toLowerCase(java.util.Locale.ROOT));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object value) {
    return (Map<String, Object>) value;
  }
}
