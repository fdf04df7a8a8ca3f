package ai.heymilo.sdk.resources;

import ai.heymilo.api.VoicesApi;
import ai.heymilo.model.ListResponseVoiceResponse;
import ai.heymilo.model.VoiceResponse;
import ai.heymilo.sdk.ListParams;
import ai.heymilo.sdk.ListParams.Filter;
import ai.heymilo.sdk.PagedIterable;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.errors.ApiConnectionException;
import ai.heymilo.sdk.errors.InvalidResponseException;
import ai.heymilo.sdk.internal.ClientRuntime;
import ai.heymilo.sdk.internal.Envelopes;
import ai.heymilo.sdk.internal.Pager;
import ai.heymilo.sdk.internal.RequestValidator;
import ai.heymilo.sdk.internal.Transport;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The workspace's AI interviewer voices, including their audio previews.
 *
 * <pre>{@code
 * for (VoiceResponse voice : client.voices().list(ListParams.builder().search("sarah").build())) {
 *   Files.write(Path.of(voice.getId() + ".mp3"), client.voices().getPreview(voice.getId()));
 * }
 * }</pre>
 *
 * <p>The preview endpoint answers audio ({@code audio/mpeg}), not JSON, or a {@code 302} redirect to
 * the audio on another host. The redirect is followed; the API key is sent only to the API's own
 * origin, never to the redirect target.
 */
public final class VoicesResource {
  /** The largest preview {@link #getPreview} reads into memory: 20 MiB. Use {@link #openPreview} to stream one of any size. */
  public static final long MAX_PREVIEW_BYTES = 20L * 1024 * 1024;

  private final VoicesApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public VoicesResource(ClientRuntime runtime) {
    this.api = runtime.api(VoicesApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Every voice in the workspace's registry, all pages, fetched lazily. {@code GET /api/v2/voices} */
  public PagedIterable<VoiceResponse> list() {
    return list(ListParams.none());
  }

  /**
   * Voices matching {@code params}, all pages, fetched lazily. Supports {@code limit},
   * {@code startingAfter} and {@code search} (case-insensitive, on the voice name).
   * {@code GET /api/v2/voices}
   */
  public PagedIterable<VoiceResponse> list(ListParams params) {
    RequestValidator.listParams("voices().list", params, Filter.LIMIT, Filter.STARTING_AFTER, Filter.SEARCH);
    return Pager.iterable(params, raw::list, VoiceResponse::getId);
  }

  /** Returns one voice. {@code GET /api/v2/voices/{voice_id}} */
  public VoiceResponse get(String voiceId) {
    return raw.get(voiceId).data();
  }

  /**
   * Downloads the voice's audio preview (usually MP3) into memory, following a redirect to the
   * audio's host. {@code GET /api/v2/voices/{voice_id}/preview}
   *
   * @throws InvalidResponseException if the audio is larger than {@link #MAX_PREVIEW_BYTES}
   * @throws ApiConnectionException if the connection fails while the audio is read
   */
  public byte[] getPreview(String voiceId) {
    return raw.getPreview(voiceId).data();
  }

  /**
   * Opens the voice's audio preview as a stream, following a redirect to the audio's host; no size
   * limit applies. The caller must close the stream, which releases the connection:
   *
   * <pre>{@code
   * try (InputStream audio = client.voices().openPreview(voiceId)) {
   *   Files.copy(audio, target);
   * }
   * }</pre>
   *
   * {@code GET /api/v2/voices/{voice_id}/preview}
   */
  public InputStream openPreview(String voiceId) {
    return raw.openPreview(voiceId).data();
  }

  /** Reads a preview body completely, refusing one over the limit; always closes it. */
  private static byte[] readPreview(String voiceId, int statusCode, ResponseBody body) {
    try (ResponseBody closing = body) {
      long declared = closing.contentLength();
      if (declared > MAX_PREVIEW_BYTES) {
        throw tooLarge(voiceId, statusCode, "declares " + declared + " bytes");
      }
      BufferedSource source = closing.source();
      if (source.request(MAX_PREVIEW_BYTES + 1)) {
        throw tooLarge(voiceId, statusCode, "is longer than that");
      }
      return source.readByteArray();
    } catch (IOException e) {
      throw Transport.connectionFailure("while reading the preview audio of voice " + voiceId, e);
    }
  }

  private static InvalidResponseException tooLarge(String voiceId, int statusCode, String detail) {
    return new InvalidResponseException("The preview audio of voice " + voiceId + " " + detail + "; getPreview reads at most "
        + MAX_PREVIEW_BYTES + " bytes (20 MiB) into memory: use openPreview(voiceId) to stream it", statusCode, null, null);
  }

  /** The voice operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** One page. {@code GET /api/v2/voices} */
    public RawResponse<ListResponseVoiceResponse> list(ListParams params) {
      return transport.execute(api.listVoices(Pager.limit(params), params.startingAfter(), params.search()), true);
    }

    /** {@code GET /api/v2/voices/{voice_id}} */
    public RawResponse<VoiceResponse> get(String voiceId) {
      return Envelopes.unwrap(transport.execute(api.getVoice(RequestValidator.id("voiceId", voiceId)), true));
    }

    /**
     * {@code GET /api/v2/voices/{voice_id}/preview} — the audio read into memory (at most
     * {@link VoicesResource#MAX_PREVIEW_BYTES}); the headers say its {@code Content-Type}.
     */
    public RawResponse<byte[]> getPreview(String voiceId) {
      RawResponse<ResponseBody> response = transport.execute(api.getVoicePreview(RequestValidator.id("voiceId", voiceId)), true);
      return response.map(body -> readPreview(voiceId, response.statusCode(), body));
    }

    /** {@code GET /api/v2/voices/{voice_id}/preview} — the audio as an open stream; the caller closes it. */
    public RawResponse<InputStream> openPreview(String voiceId) {
      return transport.execute(api.getVoicePreview(RequestValidator.id("voiceId", voiceId)), true).map(ResponseBody::byteStream);
    }
  }
}
