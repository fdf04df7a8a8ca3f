package ai.heymilo.sdk.webhooks;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The type of a webhook event, as an <em>open</em> enum: the three types HeyMilo documents are constants, and a
 * type this SDK version does not know is kept with its raw value instead of failing.
 *
 * <p>Register a webhook for a type with its {@link #value()}, and switch on {@link #known()} when handling events:
 * <pre>{@code
 * client.webhooks().create(new CreateWebhookRequest()
 *     .postingId(postingId)
 *     .webhookUrl("https://example.com/heymilo/webhooks?token=" + secret)
 *     .eventType(WebhookEventType.REPORT_AVAILABLE.value()));
 *
 * switch (event.type().known()) {
 *   case REPORT_AVAILABLE: fetchReport(event.interviewId()); break;
 *   case UNRECOGNIZED: log.info("new event type {}", event.type().value()); break;
 *   default: break;
 * }
 * }</pre>
 *
 * <p>Instances are immutable; equality is by value, so {@code fromValue("report_available")} equals
 * {@link #REPORT_AVAILABLE} and two unknown types with the same value are equal.
 */
public final class WebhookEventType {
  /** {@code "interview_started"}: a candidate began an interview session. */
  public static final WebhookEventType INTERVIEW_STARTED = new WebhookEventType("interview_started", Known.INTERVIEW_STARTED);
  /** {@code "interview_completed"}: a candidate finished all steps of an interview; the report may follow later. */
  public static final WebhookEventType INTERVIEW_COMPLETED =
      new WebhookEventType("interview_completed", Known.INTERVIEW_COMPLETED);
  /** {@code "report_available"}: the AI report of an interview is ready, seconds to minutes after completion. */
  public static final WebhookEventType REPORT_AVAILABLE = new WebhookEventType("report_available", Known.REPORT_AVAILABLE);

  private static final List<WebhookEventType> KNOWN =
      Collections.unmodifiableList(Arrays.asList(INTERVIEW_STARTED, INTERVIEW_COMPLETED, REPORT_AVAILABLE));

  /** The types this SDK version knows, for {@code switch} statements. */
  public enum Known {
    /** {@code "interview_started"}. */
    INTERVIEW_STARTED,
    /** {@code "interview_completed"}. */
    INTERVIEW_COMPLETED,
    /** {@code "report_available"}. */
    REPORT_AVAILABLE,
    /** A type newer than this SDK version; read it with {@link WebhookEventType#value()}. */
    UNRECOGNIZED
  }

  private final String value;
  private final Known known;

  private WebhookEventType(String value, Known known) {
    this.value = value;
    this.known = known;
  }

  /**
   * Returns the constant for {@code value}, or an unrecognized type that keeps it.
   *
   * @throws IllegalArgumentException if {@code value} is null or blank
   */
  public static WebhookEventType fromValue(String value) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException("event type must be a non-blank string such as \"report_available\", but was "
          + (value == null ? "null" : "\"" + value + "\""));
    }
    for (WebhookEventType type : KNOWN) {
      if (type.value.equals(value)) {
        return type;
      }
    }
    return new WebhookEventType(value, Known.UNRECOGNIZED);
  }

  /** Returns the types this SDK version knows, in the order HeyMilo documents them. */
  public static List<WebhookEventType> knownValues() {
    return KNOWN;
  }

  /** Returns the type as sent on the wire and as {@code CreateWebhookRequest.eventType} takes it. */
  public String value() {
    return value;
  }

  /** Returns which known type this is, or {@link Known#UNRECOGNIZED}. */
  public Known known() {
    return known;
  }

  /** Returns true if this SDK version declares this type. */
  public boolean isKnown() {
    return known != Known.UNRECOGNIZED;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof WebhookEventType && ((WebhookEventType) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns the wire value. */
  @Override
  public String toString() {
    return value;
  }
}
