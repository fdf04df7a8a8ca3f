package ai.heymilo.sdk.webhooks;

/**
 * Decides whether a delivery really comes from HeyMilo, before its body is parsed; throws to refuse it.
 *
 * <p>HeyMilo publishes no signature scheme today, so the SDK invents none. What protects an endpoint until then:
 * <ul>
 *   <li>an unguessable URL — a long random path segment or query parameter, sent only over HTTPS, registered
 *       with {@code webhooks().create(...)} and never logged;</li>
 *   <li>the shared-secret check below, which refuses any delivery without that secret, compared in constant time.</li>
 * </ul>
 * HeyMilo's registration takes only a URL, so the secret has to travel in it: use
 * {@link #sharedSecretQueryParameter}. {@link #sharedSecretHeader} is for a proxy or gateway in front of you that
 * adds a header. When HeyMilo publishes a signature, a verifier computing it over {@link WebhookRequest#body()}
 * plugs in here unchanged.
 *
 * <pre>{@code
 * String secret = System.getenv("HEYMILO_WEBHOOK_SECRET");        // e.g. openssl rand -hex 32
 * WebhookHandler handler = WebhookHandler.builder()
 *     .verifier(WebhookVerifier.sharedSecretQueryParameter("token", secret))
 *     .build();
 * client.webhooks().create(new CreateWebhookRequest()
 *     .postingId(postingId)
 *     .webhookUrl("https://hooks.example.com/heymilo?token=" + secret)
 *     .eventType(WebhookEventType.REPORT_AVAILABLE.value()));
 * }</pre>
 *
 * <p>Implementations must be thread-safe; deliveries are verified concurrently.
 */
@FunctionalInterface
public interface WebhookVerifier {
  /**
   * Returns normally to accept {@code request}.
   *
   * @throws ai.heymilo.sdk.errors.InvalidWebhookException with reason {@code UNAUTHORIZED} to refuse it (answered
   *     with 401); the message must not contain the secret or the value received
   */
  void verify(WebhookRequest request);

  /**
   * Returns a verifier that accepts a delivery only if query parameter {@code parameter} equals {@code secret}.
   *
   * @throws IllegalArgumentException if {@code parameter} is blank or {@code secret} is shorter than 16 characters
   *     (too easy to guess)
   */
  static WebhookVerifier sharedSecretQueryParameter(String parameter, String secret) {
    return new SharedSecretVerifier(SharedSecretVerifier.Location.QUERY_PARAMETER, parameter, secret);
  }

  /**
   * Returns a verifier that accepts a delivery only if header {@code header} equals {@code secret}.
   *
   * @throws IllegalArgumentException if {@code header} is blank or {@code secret} is shorter than 16 characters
   *     (too easy to guess)
   */
  static WebhookVerifier sharedSecretHeader(String header, String secret) {
    return new SharedSecretVerifier(SharedSecretVerifier.Location.HEADER, header, secret);
  }
}
