package ai.heymilo.sdk.webhooks;

import static ai.heymilo.sdk.webhooks.Json.bytes;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sdk.errors.InvalidWebhookException;
import ai.heymilo.sdk.errors.InvalidWebhookException.Reason;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
  private static final String SECRET = "s3cr3t-0123456789abcdef";

  private static WebhookRequest withQuery(String query) {
    return WebhookRequest.of(bytes(Json.REPORT), name -> null).withQuery(query);
  }

  private static WebhookRequest withHeader(String name, String value) {
    return WebhookRequest.of(bytes(Json.REPORT), header -> header.equalsIgnoreCase(name) ? value : null);
  }

  @Test
  void queryParameter_matchingSecret_accepted() {
    WebhookVerifier verifier = WebhookVerifier.sharedSecretQueryParameter("token", SECRET);

    assertDoesNotThrow(() -> verifier.verify(withQuery("a=1&token=" + SECRET)));
    assertDoesNotThrow(() -> verifier.verify(withQuery("token=s3cr3t%2D0123456789abcdef")));
  }

  @Test
  void queryParameter_wrongSecret_refusedWith401WithoutShowingEitherValue() {
    WebhookVerifier verifier = WebhookVerifier.sharedSecretQueryParameter("token", SECRET);

    InvalidWebhookException e = assertThrows(InvalidWebhookException.class,
        () -> verifier.verify(withQuery("token=guess-0123456789abcdef")));

    assertEquals(Reason.UNAUTHORIZED, e.reason());
    assertEquals(401, e.httpStatus());
    assertEquals("The webhook delivery's token query parameter does not match the shared secret; check the URL the "
        + "webhook was registered with.", e.getMessage());
    assertFalse(e.getMessage().contains("guess"));
  }

  @Test
  void queryParameter_missing_refusedSayingHowToRegister() {
    WebhookVerifier verifier = WebhookVerifier.sharedSecretQueryParameter("token", SECRET);

    for (String query : new String[] {null, "", "other=1"}) {
      InvalidWebhookException e = assertThrows(InvalidWebhookException.class, () -> verifier.verify(withQuery(query)));
      assertEquals("The webhook delivery has no token query parameter, which must carry the shared secret; register "
          + "the webhook URL with ?token=<your secret>.", e.getMessage());
    }
  }

  @Test
  void queryParameter_secretWithSameLengthOrAsPrefix_refused() {
    WebhookVerifier verifier = WebhookVerifier.sharedSecretQueryParameter("token", SECRET);

    assertThrows(InvalidWebhookException.class, () -> verifier.verify(withQuery("token=" + SECRET.substring(0, 20))));
    assertThrows(InvalidWebhookException.class, () -> verifier.verify(withQuery("token=" + SECRET + "x")));
    assertThrows(InvalidWebhookException.class, () -> verifier.verify(withQuery("token=")));
  }

  @Test
  void header_matchingSecret_acceptedAndWrongOneRefused() {
    WebhookVerifier verifier = WebhookVerifier.sharedSecretHeader("X-Webhook-Secret", SECRET);

    assertDoesNotThrow(() -> verifier.verify(withHeader("x-webhook-secret", SECRET)));
    InvalidWebhookException wrong = assertThrows(InvalidWebhookException.class,
        () -> verifier.verify(withHeader("X-Webhook-Secret", "nope-0123456789abcdef")));
    assertEquals("The webhook delivery's X-Webhook-Secret header does not match the shared secret; check the URL the "
        + "webhook was registered with.", wrong.getMessage());
    InvalidWebhookException missing = assertThrows(InvalidWebhookException.class,
        () -> verifier.verify(withHeader("Other", SECRET)));
    assertEquals("The webhook delivery has no X-Webhook-Secret header, which must carry the shared secret; register "
        + "the webhook URL behind a proxy that adds the X-Webhook-Secret header.", missing.getMessage());
  }

  @Test
  void shortSecret_refusedAsGuessable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WebhookVerifier.sharedSecretQueryParameter("token", "short"));

    assertEquals("the shared secret must have at least 16 characters so that it cannot be guessed, but has 5; "
        + "generate one with e.g. `openssl rand -hex 32`", e.getMessage());
    assertEquals("the header name must not be blank; pass the name the secret travels in, such as \"token\"",
        assertThrows(IllegalArgumentException.class, () -> WebhookVerifier.sharedSecretHeader(" ", SECRET)).getMessage());
  }

  @Test
  void toString_neverShowsTheSecret() {
    String text = WebhookVerifier.sharedSecretQueryParameter("token", SECRET).toString();

    assertEquals("SharedSecretVerifier{query parameter=token, secret=***}", text);
    assertFalse(WebhookHandler.builder().verifier(WebhookVerifier.sharedSecretHeader("X-S", SECRET)).build()
        .toString().contains(SECRET));
  }

  @Test
  void handler_verifierRefuses_bodyIsNeitherParsedNorDispatched() {
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    AtomicInteger calls = new AtomicInteger();
    dispatcher.onAny(e -> calls.incrementAndGet());
    WebhookHandler handler = WebhookHandler.builder()
        .verifier(WebhookVerifier.sharedSecretQueryParameter("token", SECRET))
        .dispatcher(dispatcher)
        .build();

    InvalidWebhookException e = assertThrows(InvalidWebhookException.class,
        () -> handler.handle(WebhookRequest.of(bytes("not json"), name -> null)));

    assertEquals(Reason.UNAUTHORIZED, e.reason());
    assertEquals(0, calls.get());
    assertTrue(handler.handle(WebhookRequest.of(bytes(Json.REPORT), name -> null).withQuery("token=" + SECRET))
        .type().isKnown());
    assertEquals(1, calls.get());
  }
}
