package ai.heymilo.sdk.webhooks;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One webhook event HeyMilo delivered, parsed leniently: the documented envelope fields are typed, everything else
 * is kept as plain Java values, and the body is kept verbatim.
 *
 * <pre>{@code
 * WebhookEvent event = handler.handle(body, headers::getFirst);
 * if (event.type().equals(WebhookEventType.REPORT_AVAILABLE) && event.interviewId() != null) {
 *   InterviewDataResponse data = client.interviews().getData(event.interviewId());
 * }
 * Object score = event.field("score");       // a field HeyMilo sends but does not publish
 * String stored = event.rawJson();           // for your audit log or a replay
 * }</pre>
 *
 * <p>HeyMilo publishes only {@code event_type}, {@code posting_id} and {@code interview_id}; the rest of the payload
 * is undocumented, so nothing else is required and nothing unknown fails: a new event type is kept with its raw value
 * ({@link WebhookEventType#isKnown()} is false), a new field is in {@link #fields()}. Free-form values are
 * {@code String}, {@code Long} (integral numbers), {@code Double}, {@code Boolean}, {@code null}, and unmodifiable
 * {@code List}s and {@code Map}s of them — the same with either JSON library.
 *
 * <p>Immutable and thread-safe. Created by {@link WebhookHandler}; to make one in a test, pass JSON through a
 * handler: {@code WebhookHandler.builder().build().handle(json.getBytes(UTF_8), name -> null)}.
 */
public final class WebhookEvent {
  private final WebhookEventType type;
  private final @Nullable String postingId;
  private final @Nullable String interviewId;
  private final Map<String, @Nullable Object> fields;
  private final Map<String, Instant> timestamps;
  private final String rawJson;
  private final String deliveryKey;

  WebhookEvent(WebhookEventType type, @Nullable String postingId, @Nullable String interviewId,
      Map<String, @Nullable Object> fields, Map<String, Instant> timestamps, String rawJson, String deliveryKey) {
    this.type = type;
    this.postingId = postingId;
    this.interviewId = interviewId;
    this.fields = fields;
    this.timestamps = timestamps;
    this.rawJson = rawJson;
    this.deliveryKey = deliveryKey;
  }

  /** Returns {@code event_type}: a known constant, or an unrecognized type keeping the raw value. */
  public WebhookEventType type() {
    return type;
  }

  /**
   * Returns {@code posting_id}, the posting the event belongs to, or null when the body has none.
   *
   * <p>A string is returned as sent (null if blank); an integral number as its decimal text; any other JSON type
   * gives null here and stays readable through {@link #field(String)}.
   */
  public @Nullable String postingId() {
    return postingId;
  }

  /** Returns {@code interview_id}, the interview the event concerns, or null; read like {@link #postingId()}. */
  public @Nullable String interviewId() {
    return interviewId;
  }

  /**
   * Returns the timestamps found in the body, keyed by their path ({@code "completed_at"},
   * {@code "interview.started_at"}), in document order; empty if there are none.
   *
   * <p>A field is a timestamp when its name is {@code timestamp} or {@code time}, or ends in {@code _at},
   * {@code _time}, {@code _timestamp} or a camel-case {@code At}/{@code Time}, and its value parses: an ISO-8601
   * date-time string (with an offset, or without one read as UTC — a {@code ' '} between date and time is accepted),
   * or a number of Unix seconds, fractions allowed (values of 100,000,000,000 and more are read as milliseconds).
   * Nested objects are searched, arrays are not. A value that does not parse is left out here and stays in
   * {@link #fields()}.
   */
  public Map<String, Instant> timestamps() {
    return timestamps;
  }

  /** Returns the value of the top-level field {@code name} as a plain Java value, or null if absent or JSON null. */
  public @Nullable Object field(String name) {
    return fields.get(name);
  }

  /**
   * Returns every top-level field, {@code event_type} and the ids included, as an unmodifiable map in document
   * order; nested objects and arrays are unmodifiable maps and lists.
   */
  public Map<String, @Nullable Object> fields() {
    return fields;
  }

  /** Returns the body exactly as delivered, decoded as text. */
  public String rawJson() {
    return rawJson;
  }

  /**
   * Returns the key that every delivery of this same event shares, which {@link WebhookDispatcher} de-duplicates
   * on: {@code "id:" + value} of the delivery-id header when {@link WebhookHandler.Builder#deliveryIdHeader} names
   * one and the delivery carries it, otherwise {@code "sha256:" + hex(SHA-256(event_type + "\n" + interview_id +
   * "\n" + body bytes))}.
   *
   * <p>Use it as the idempotency key when several instances of your service receive webhooks: a unique
   * constraint on it in your database makes processing happen once fleet-wide.
   */
  public String deliveryKey() {
    return deliveryKey;
  }

  /** Names the type, ids and delivery key; never the body, which may hold a candidate's personal data. */
  @Override
  public String toString() {
    return "WebhookEvent{type=" + type + ", postingId=" + postingId + ", interviewId=" + interviewId
        + ", deliveryKey=" + deliveryKey + "}";
  }
}
