package ai.heymilo.sdk.webhooks;

import ai.heymilo.sdk.errors.InvalidWebhookException;
import ai.heymilo.sdk.errors.InvalidWebhookException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a delivered body into a {@link WebhookEvent}: the parsing rules, written once for both JSON libraries.
 * Lenient about everything HeyMilo does not publish; strict only about what makes a body an event at all.
 */
final class EventParser {
  private static final String EXPECTED = "HeyMilo sends each event as a JSON object with event_type, posting_id and "
      + "interview_id";
  private static final int NAMES_SHOWN = 10;
  private static final int DETAIL_LIMIT = 160;

  private final JsonTreeReader reader;

  EventParser(JsonTreeReader reader) {
    this.reader = reader;
  }

  /**
   * Parses {@code body}, decoded with {@code charset}.
   *
   * @param deliveryId the delivery-id header's value, if one is configured and was sent
   * @throws InvalidWebhookException if the body is not an event, naming why
   */
  WebhookEvent parse(byte[] body, Charset charset, @Nullable String deliveryId) {
    String text = decode(body, charset);
    String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (json.trim().isEmpty()) {
      throw new InvalidWebhookException(Reason.MALFORMED_JSON, "The webhook body is empty; " + EXPECTED + ".");
    }
    Object tree;
    try {
      tree = reader.read(json);
    } catch (JsonTreeReader.MalformedJson e) {
      throw new InvalidWebhookException(Reason.MALFORMED_JSON,
          "The webhook body is not valid JSON (" + shortened(String.valueOf(e.getMessage())) + "); " + EXPECTED + ".", e);
    }
    Object copy = immutableCopy(tree, "$");
    if (!(copy instanceof Map)) {
      throw new InvalidWebhookException(Reason.NOT_AN_OBJECT,
          "The webhook body is " + describe(copy) + ", not a JSON object; " + EXPECTED + ".");
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> fields = (Map<String, @Nullable Object>) copy;
    WebhookEventType type = eventType(fields);
    String interviewId = id(fields.get("interview_id"));
    return new WebhookEvent(type, id(fields.get("posting_id")), interviewId, fields, Timestamps.find(fields), text,
        deliveryKey(deliveryId, type, interviewId, body));
  }

  private static String decode(byte[] body, Charset charset) {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidWebhookException(Reason.MALFORMED_JSON, "The webhook body is not valid " + charset.name()
          + " text (" + e + "); " + EXPECTED + ", encoded as UTF-8.", e);
    }
  }

  private static WebhookEventType eventType(Map<String, @Nullable Object> fields) {
    Object value = fields.get("event_type");
    if (value == null) {
      throw new InvalidWebhookException(Reason.MISSING_EVENT_TYPE, "The webhook body has no event_type"
          + (fields.containsKey("event_type") ? " (it is null)" : "") + ", so it is not a HeyMilo event; its fields are "
          + names(fields) + ". " + EXPECTED + ".");
    }
    if (!(value instanceof String)) {
      throw new InvalidWebhookException(Reason.INVALID_EVENT_TYPE, "The webhook's event_type must be a string such as "
          + "\"report_available\", but was " + describe(value) + ".");
    }
    String text = (String) value;
    if (text.trim().isEmpty()) {
      throw new InvalidWebhookException(Reason.INVALID_EVENT_TYPE, "The webhook's event_type must not be blank, but was \""
          + text + "\"; known types are interview_started, interview_completed and report_available.");
    }
    return WebhookEventType.fromValue(text);
  }

  /** Ids are strings; an integral number is taken as its decimal text; anything else is no id. */
  private static @Nullable String id(@Nullable Object value) {
    if (value instanceof String) {
      return ((String) value).trim().isEmpty() ? null : (String) value;
    }
    if (value instanceof Long) {
      return value.toString();
    }
    return null;
  }

  /**
   * The documented de-duplication key (see {@link WebhookEvent#deliveryKey()}). The type and interview id are
   * hashed in although the body holds them too, so that the key's meaning does not depend on the body's shape.
   */
  static String deliveryKey(@Nullable String deliveryId, WebhookEventType type, @Nullable String interviewId, byte[] body) {
    if (deliveryId != null && !deliveryId.trim().isEmpty()) {
      return "id:" + deliveryId.trim();
    }
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
      throw new AssertionError(impossible);
    }
    sha256.update(type.value().getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) '\n');
    sha256.update((interviewId == null ? "" : interviewId).getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) '\n');
    byte[] hash = sha256.digest(body);
    StringBuilder key = new StringBuilder("sha256:");
    for (byte b : hash) {
      key.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return key.toString();
  }

  /** Copies a JSON library's tree into unmodifiable maps and lists, so events are immutable whichever library ran. */
  @SuppressWarnings("unchecked")
  private static @Nullable Object immutableCopy(@Nullable Object value, String path) {
    if (value instanceof Map) {
      Map<String, @Nullable Object> copy = new LinkedHashMap<>();
      for (Map.Entry<String, @Nullable Object> entry : ((Map<String, @Nullable Object>) value).entrySet()) {
        copy.put(entry.getKey(), immutableCopy(entry.getValue(), path + "." + entry.getKey()));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      List<@Nullable Object> source = (List<@Nullable Object>) value;
      List<@Nullable Object> copy = new ArrayList<>(source.size());
      for (int i = 0; i < source.size(); i++) {
        copy.add(immutableCopy(source.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Double && (((Double) value).isInfinite() || ((Double) value).isNaN())) {
      // Gson refuses such numbers while parsing; Moshi reads them as Infinity. Refusing here makes both agree.
      throw new InvalidWebhookException(Reason.MALFORMED_JSON, "The webhook body is not valid JSON (a number out of "
          + "the range of a double at path " + path + "); " + EXPECTED + ".");
    }
    return value;
  }

  /** Keeps a parser's message to one readable line: a path into a deeply nested body can run to kilobytes. */
  private static String shortened(String detail) {
    String line = detail.replace('\n', ' ');
    return line.length() <= DETAIL_LIMIT ? line : line.substring(0, DETAIL_LIMIT) + "…";
  }

  private static String names(Map<String, @Nullable Object> fields) {
    if (fields.isEmpty()) {
      return "none";
    }
    StringBuilder names = new StringBuilder();
    Iterator<String> keys = fields.keySet().iterator();
    for (int i = 0; keys.hasNext() && i < NAMES_SHOWN; i++) {
      names.append(i == 0 ? "" : ", ").append(keys.next());
    }
    return keys.hasNext() ? names + " and " + (fields.size() - NAMES_SHOWN) + " more" : names.toString();
  }

  /** Names a JSON value's type, showing short scalars (never strings, which may be personal data). */
  private static String describe(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "a JSON object";
    }
    if (value instanceof List) {
      return "a JSON array";
    }
    if (value instanceof String) {
      return "a JSON string";
    }
    if (value instanceof Number) {
      return "a number (" + value + ")";
    }
    if (value instanceof Boolean) {
      return "a boolean (" + value + ")";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
