package ai.heymilo.sdk.internal;

import ai.heymilo.model.SingleEnvelope;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.errors.InvalidResponseException;

/** Unwraps the {@code {data, meta}} envelope every single-object response shares. */
public final class Envelopes {
  private Envelopes() {}

  /**
   * Returns the response with its {@code data} as the data and {@code meta} kept.
   *
   * @throws InvalidResponseException if the response has no {@code data}
   */
  public static <T> RawResponse<T> unwrap(RawResponse<? extends SingleEnvelope<T>> raw) {
    SingleEnvelope<T> envelope = raw.data();
    T data = envelope.getData();
    if (data == null) {
      throw new InvalidResponseException("The " + raw.statusCode() + " response has no 'data'", raw.statusCode(), "$.data", null);
    }
    return raw.withData(data, envelope.getMeta());
  }
}
