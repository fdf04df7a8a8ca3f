package ai.heymilo.sdk.webhooks;

import ai.heymilo.sdk.errors.InvalidWebhookException;
import ai.heymilo.sdk.errors.InvalidWebhookException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/** The shared-secret check of {@link WebhookVerifier}: one secret in a query parameter or a header. */
final class SharedSecretVerifier implements WebhookVerifier {
  static final int MIN_SECRET_LENGTH = 16;

  enum Location {
    QUERY_PARAMETER("query parameter"),
    HEADER("header");

    final String label;

    Location(String label) {
      this.label = label;
    }
  }

  private final Location location;
  private final String name;
  /** Only the secret's hash is kept, so a heap dump or a debugger shows no secret. */
  private final byte[] secretHash;

  SharedSecretVerifier(Location location, String name, String secret) {
    if (name == null || name.trim().isEmpty()) {
      throw new IllegalArgumentException("the " + location.label + " name must not be " + (name == null ? "null" : "blank")
          + "; pass the name the secret travels in, such as \"token\"");
    }
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("the shared secret must have at least " + MIN_SECRET_LENGTH
          + " characters so that it cannot be guessed, but " + (secret == null ? "was null" : "has " + secret.length())
          + "; generate one with e.g. `openssl rand -hex 32`");
    }
    this.location = location;
    this.name = name;
    this.secretHash = sha256(secret);
  }

  @Override
  public void verify(WebhookRequest request) {
    String given = location == Location.HEADER ? request.header(name) : request.queryParameter(name);
    if (given == null) {
      throw new InvalidWebhookException(Reason.UNAUTHORIZED, "The webhook delivery has no " + name + " "
          + location.label + ", which must carry the shared secret; register the webhook URL "
          + (location == Location.HEADER ? "behind a proxy that adds the " + name + " header"
              : "with ?" + name + "=<your secret>") + ".");
    }
    // Comparing fixed-length hashes with MessageDigest.isEqual takes the same time wherever they differ and does not
    // reveal the secret's length.
    if (!MessageDigest.isEqual(secretHash, sha256(given))) {
      throw new InvalidWebhookException(Reason.UNAUTHORIZED, "The webhook delivery's " + name + " " + location.label
          + " does not match the shared secret; check the URL the webhook was registered with.");
    }
  }

  private static byte[] sha256(@Nullable String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
      throw new AssertionError(impossible);
    }
  }

  @Override
  public String toString() {
    return "SharedSecretVerifier{" + location.label + "=" + name + ", secret=***}";
  }
}
