package ai.heymilo.sdk.webhooks;

import ai.heymilo.sdk.JsonLibrary;
import ai.heymilo.sdk.errors.InvalidWebhookException;
import ai.heymilo.sdk.errors.InvalidWebhookException.Reason;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Receives one webhook delivery in any web framework: give it the raw body and the headers, get the event back —
 * checked, parsed, de-duplicated and handed to the dispatcher's listeners.
 *
 * <p>Spring:
 * <pre>{@code
 * @PostMapping(path = "/heymilo/webhooks")
 * ResponseEntity<String> receive(@RequestBody byte[] body, @RequestHeader HttpHeaders headers, HttpServletRequest request) {
 *   try {
 *     handler.handle(WebhookRequest.of(body, headers::getFirst).withQuery(request.getQueryString()));
 *     return ResponseEntity.noContent().build();
 *   } catch (InvalidWebhookException e) {
 *     return ResponseEntity.status(e.httpStatus()).body(e.getMessage());
 *   }
 * }
 * }</pre>
 *
 * <p>A servlet:
 * <pre>{@code
 * protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
 *   byte[] body = request.getInputStream().readNBytes(handler.maxBodyBytes() + 1);
 *   try {
 *     handler.handle(WebhookRequest.of(body, request::getHeader).withQuery(request.getQueryString()));
 *     response.setStatus(204);
 *   } catch (InvalidWebhookException e) {
 *     response.sendError(e.httpStatus(), e.getMessage());
 *   }
 * }
 * }</pre>
 *
 * <p>Set up once and share (immutable and thread-safe):
 * <pre>{@code
 * WebhookDispatcher dispatcher = WebhookDispatcher.create();
 * dispatcher.on(WebhookEventType.REPORT_AVAILABLE, event -> fetchReport(event.interviewId()));
 * WebhookHandler handler = WebhookHandler.builder()
 *     .verifier(WebhookVerifier.sharedSecretQueryParameter("token", System.getenv("HEYMILO_WEBHOOK_SECRET")))
 *     .dispatcher(dispatcher)
 *     .build();
 * }</pre>
 *
 * <p>Each delivery goes through, in this order: the size limit (413), the {@link WebhookVerifier} (401), the content
 * type — absent or JSON ({@code application/json}, {@code application/*+json}) — (415), parsing into a
 * {@link WebhookEvent} (400 when the body is not an event), and the dispatcher, which passes a repeated delivery over.
 * Answer every delivery that returns normally with a 2xx, repeats included, so that HeyMilo stops sending them; a
 * refused one throws {@link InvalidWebhookException} naming the reason and the status to answer. With no framework,
 * {@link WebhookReceiver} serves a handler on the JDK's own HTTP server.
 */
public final class WebhookHandler {
  /** The default body size limit: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  private final EventParser parser;
  private final JsonLibrary jsonLibrary;
  private final int maxBodyBytes;
  private final @Nullable WebhookVerifier verifier;
  private final @Nullable WebhookDispatcher dispatcher;
  private final @Nullable String deliveryIdHeader;

  private WebhookHandler(Builder builder) {
    this.jsonLibrary = builder.jsonLibrary;
    this.parser = new EventParser(JsonTreeReader.of(builder.jsonLibrary));
    this.maxBodyBytes = builder.maxBodyBytes;
    this.verifier = builder.verifier;
    this.dispatcher = builder.dispatcher;
    this.deliveryIdHeader = builder.deliveryIdHeader;
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Handles a delivery given as its raw body and a header lookup; the same as
   * {@code handle(WebhookRequest.of(body, headers))}.
   *
   * @param headers the first value of a header by case-insensitive name, or null: {@code request::getHeader},
   *     {@code headers::getFirst}
   * @throws InvalidWebhookException if the delivery is refused; {@link InvalidWebhookException#httpStatus()} is the
   *     status to answer
   * @throws IllegalArgumentException if an argument is null
   */
  public WebhookEvent handle(byte[] body, Function<String, @Nullable String> headers) {
    return handle(WebhookRequest.of(body, headers));
  }

  /**
   * Handles a delivery: checks it, parses it and, if a dispatcher is set and this is the event's first delivery,
   * hands it to the listeners before returning.
   *
   * @return the event, also for a repeated delivery (whose listeners were not called again)
   * @throws InvalidWebhookException if the delivery is refused; {@link InvalidWebhookException#httpStatus()} is the
   *     status to answer
   * @throws IllegalArgumentException if {@code request} is null
   */
  public WebhookEvent handle(WebhookRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("request must not be null; use WebhookRequest.of(body, headers)");
    }
    byte[] body = request.bodyBytes();
    if (body.length > maxBodyBytes) {
      throw tooLarge(body.length + " bytes");
    }
    if (verifier != null) {
      verifier.verify(request);
    }
    Charset charset = charset(request.header("Content-Type"));
    String deliveryId = deliveryIdHeader == null ? null : request.header(deliveryIdHeader);
    WebhookEvent event = parser.parse(body, charset, deliveryId);
    if (dispatcher != null) {
      dispatcher.dispatch(event);
    }
    return event;
  }

  /** Returns the largest body accepted, in bytes. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The 413 refusal; {@code size} is what is known of the body's size. */
  InvalidWebhookException tooLarge(String size) {
    return new InvalidWebhookException(Reason.BODY_TOO_LARGE, "The webhook body has " + size + ", more than the limit of "
        + maxBodyBytes + "; if HeyMilo's events are this large, raise it with WebhookHandler.builder().maxBodyBytes(...).");
  }

  /**
   * Checks the content type and returns the charset to decode with: the one named, else UTF-8 (RFC 8259). A
   * missing content type is accepted, so that a sender that omits it loses no events.
   */
  private static Charset charset(@Nullable String contentType) {
    if (contentType == null || contentType.trim().isEmpty()) {
      return StandardCharsets.UTF_8;
    }
    String[] parts = contentType.split(";");
    String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
      throw new InvalidWebhookException(Reason.UNSUPPORTED_MEDIA_TYPE, "The webhook's Content-Type is " + mediaType
          + "; HeyMilo events are JSON, sent as application/json.");
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      if (parameter.regionMatches(true, 0, "charset=", 0, "charset=".length())) {
        String name = parameter.substring("charset=".length()).replace("\"", "").trim();
        try {
          return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
          throw new InvalidWebhookException(Reason.UNSUPPORTED_MEDIA_TYPE, "The webhook's Content-Type names charset \""
              + name + "\", which this Java runtime does not know; JSON is sent as UTF-8.", unknown);
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  @Override
  public String toString() {
    return "WebhookHandler{jsonLibrary=" + jsonLibrary + ", maxBodyBytes=" + maxBodyBytes + ", verifier=" + verifier
        + ", dispatcher=" + (dispatcher != null) + ", deliveryIdHeader=" + deliveryIdHeader + "}";
  }

  /** Configures a {@link WebhookHandler}; not thread-safe, build once and share the handler. */
  public static final class Builder {
    private JsonLibrary jsonLibrary = JsonLibrary.GSON;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private @Nullable WebhookVerifier verifier;
    private @Nullable WebhookDispatcher dispatcher;
    private @Nullable String deliveryIdHeader;

    private Builder() {}

    /**
     * Sets the JSON library that parses bodies; both give the same events. Default: {@link JsonLibrary#GSON}.
     * {@link JsonLibrary#MOSHI} needs {@code com.squareup.moshi:moshi} on the class path.
     *
     * @throws IllegalArgumentException if {@code library} is null
     */
    public Builder jsonLibrary(JsonLibrary library) {
      if (library == null) {
        throw new IllegalArgumentException("jsonLibrary must not be null; use JsonLibrary.GSON or JsonLibrary.MOSHI");
      }
      this.jsonLibrary = library;
      return this;
    }

    /**
     * Sets the largest body accepted; a larger one is refused with 413. Default: {@value #DEFAULT_MAX_BODY_BYTES}
     * bytes (1 MiB).
     *
     * @throws IllegalArgumentException if {@code maxBodyBytes} is not positive or is {@code Integer.MAX_VALUE}
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + (Integer.MAX_VALUE - 1)
            + ", but was " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Sets the check every delivery must pass before it is parsed, such as
     * {@link WebhookVerifier#sharedSecretQueryParameter}. Default: none — then keep the endpoint's URL secret.
     *
     * @throws IllegalArgumentException if {@code verifier} is null
     */
    public Builder verifier(WebhookVerifier verifier) {
      if (verifier == null) {
        throw new IllegalArgumentException("verifier must not be null; leave it unset for no check");
      }
      this.verifier = verifier;
      return this;
    }

    /**
     * Sets the dispatcher that de-duplicates events and calls listeners. Default: none — {@code handle} only
     * returns the event.
     *
     * @throws IllegalArgumentException if {@code dispatcher} is null
     */
    public Builder dispatcher(WebhookDispatcher dispatcher) {
      if (dispatcher == null) {
        throw new IllegalArgumentException("dispatcher must not be null; leave it unset to only parse events");
      }
      this.dispatcher = dispatcher;
      return this;
    }

    /**
     * Names the header that carries a delivery id, the same on every retry of one event, to de-duplicate on (see
     * {@link WebhookEvent#deliveryKey()}). Default: none, because HeyMilo documents no such header — and guessing one
     * is dangerous: a header carrying the webhook registration's id would make every event look like a repeat of the
     * first. Without it, deliveries are told apart by a hash of their type, interview id and body.
     *
     * @throws IllegalArgumentException if {@code header} is null or blank
     */
    public Builder deliveryIdHeader(String header) {
      if (header == null || header.trim().isEmpty()) {
        throw new IllegalArgumentException("deliveryIdHeader must be a header name such as \"Webhook-Id\", but was "
            + (header == null ? "null" : "blank"));
      }
      this.deliveryIdHeader = header;
      return this;
    }

    /**
     * Returns the handler.
     *
     * @throws ai.heymilo.sdk.errors.ConfigurationException if {@link JsonLibrary#MOSHI} is chosen and Moshi is not
     *     on the class path
     */
    public WebhookHandler build() {
      return new WebhookHandler(this);
    }
  }
}
