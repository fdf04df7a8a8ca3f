package ai.heymilo.sdk.resources;

import ai.heymilo.api.InterviewsApi;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.MetadataRequest;
import ai.heymilo.model.MetadataResponse;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.WaitTimeoutException;
import ai.heymilo.sdk.internal.ClientRuntime;
import ai.heymilo.sdk.internal.Envelopes;
import ai.heymilo.sdk.internal.Futures;
import ai.heymilo.sdk.internal.RequestValidator;
import ai.heymilo.sdk.internal.Transport;
import ai.heymilo.sdk.internal.Waiter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Interview results and per-interview metadata.
 *
 * <pre>{@code
 * InterviewDataResponse result = client.interviews().awaitData(interviewId,
 *     WaitOptions.builder().timeout(Duration.ofMinutes(30)).build());
 * client.interviews().setMetadata(interviewId, Map.of("external_id", "ats_12345"));
 * }</pre>
 */
public final class InterviewsResource {
  /** Statuses that mean "results not final yet": keep waiting. */
  public static final Set<String> PENDING_STATUSES = Set.of("not_ready", "evaluating");

  private final InterviewsApi api;
  private final Transport transport;
  private final Waiter waiter;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public InterviewsResource(ClientRuntime runtime) {
    this.api = runtime.api(InterviewsApi.class);
    this.transport = runtime.transport();
    this.waiter = runtime.waiter();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /**
   * Returns the full results of an interview across all workflow steps (scorecard, transcript,
   * resume, SMS, form). Its {@code status} is {@code not_ready} until the candidate finishes and
   * {@code evaluating} while the score is computed; {@link #awaitData} waits for a final status.
   * {@code GET /api/v2/interviews/{interview_id}/data}
   */
  public InterviewDataResponse getData(String interviewId) {
    return raw.getData(interviewId).data();
  }

  /** {@link #getData} asynchronously; cancelling the future cancels the request. */
  public CompletableFuture<InterviewDataResponse> getDataAsync(String interviewId) {
    return Futures.map(raw.getDataAsync(interviewId), RawResponse::data);
  }

  /** {@link #awaitData(String, WaitOptions)} with {@link WaitOptions#defaults()} (up to 10 minutes). */
  public InterviewDataResponse awaitData(String interviewId) {
    return awaitData(interviewId, WaitOptions.defaults());
  }

  /**
   * Polls {@link #getData} until the status leaves {@link #PENDING_STATUSES} (or the options'
   * pending set) and returns that result — whatever the final status is ({@code completed},
   * {@code knocked_out}, …). Delays grow from the options' initial to maximum delay; the timeout is
   * the only limit.
   *
   * @throws WaitTimeoutException if the status is still pending when the timeout elapses
   */
  public InterviewDataResponse awaitData(String interviewId, WaitOptions options) {
    RequestValidator.id("interviewId", interviewId);
    return waiter.await("interview " + interviewId + " data", () -> raw.getData(interviewId), InterviewDataResponse::getStatus,
        options, PENDING_STATUSES);
  }

  /**
   * {@link #awaitData(String, WaitOptions)} without holding a thread: polls run on the client's
   * scheduler. Cancelling the future stops polling and cancels the request in flight.
   */
  public CompletableFuture<InterviewDataResponse> awaitDataAsync(String interviewId, WaitOptions options) {
    RequestValidator.id("interviewId", interviewId);
    return waiter.awaitAsync("interview " + interviewId + " data", () -> raw.getDataAsync(interviewId),
        InterviewDataResponse::getStatus, options, PENDING_STATUSES);
  }

  /** Returns the interview's metadata (empty if none). {@code GET /api/v2/interviews/{interview_id}/metadata} */
  public Map<String, String> getMetadata(String interviewId) {
    return metadataOf(raw.getMetadata(interviewId).data());
  }

  /** {@link #getMetadata} asynchronously. */
  public CompletableFuture<Map<String, String>> getMetadataAsync(String interviewId) {
    return Futures.map(raw.getMetadataAsync(interviewId), response -> metadataOf(response.data()));
  }

  /**
   * Sets the interview's metadata: up to 50 keys, keys up to 40 characters, values up to 500, all
   * strings (checked before sending). Returns the metadata as stored.
   * {@code POST /api/v2/interviews/{interview_id}/metadata}
   */
  public Map<String, String> setMetadata(String interviewId, Map<String, String> metadata) {
    return metadataOf(raw.setMetadata(interviewId, metadata).data());
  }

  /** {@link #setMetadata} asynchronously. */
  public CompletableFuture<Map<String, String>> setMetadataAsync(String interviewId, Map<String, String> metadata) {
    return Futures.map(raw.setMetadataAsync(interviewId, metadata), response -> metadataOf(response.data()));
  }

  /** Removes all metadata from the interview; returns what remains (normally nothing). {@code DELETE /api/v2/interviews/{interview_id}/metadata} */
  public Map<String, String> deleteMetadata(String interviewId) {
    return metadataOf(raw.deleteMetadata(interviewId).data());
  }

  /** {@link #deleteMetadata} asynchronously. */
  public CompletableFuture<Map<String, String>> deleteMetadataAsync(String interviewId) {
    return Futures.map(raw.deleteMetadataAsync(interviewId), response -> metadataOf(response.data()));
  }

  private static Map<String, String> metadataOf(MetadataResponse response) {
    Map<String, String> metadata = response.getMetadata();
    return metadata == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** The interview operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** {@code GET /api/v2/interviews/{interview_id}/data} */
    public RawResponse<InterviewDataResponse> getData(String interviewId) {
      return Envelopes.unwrap(transport.execute(api.getInterviewData(RequestValidator.id("interviewId", interviewId)), true));
    }

    /** {@code GET /api/v2/interviews/{interview_id}/data}, asynchronously. */
    public CompletableFuture<RawResponse<InterviewDataResponse>> getDataAsync(String interviewId) {
      return Futures.map(transport.executeAsync(api.getInterviewData(RequestValidator.id("interviewId", interviewId)), true),
          Envelopes::unwrap);
    }

    /** {@code GET /api/v2/interviews/{interview_id}/metadata} */
    public RawResponse<MetadataResponse> getMetadata(String interviewId) {
      return Envelopes.unwrap(transport.execute(api.getInterviewMetadata(RequestValidator.id("interviewId", interviewId)), true));
    }

    /** {@code GET /api/v2/interviews/{interview_id}/metadata}, asynchronously. */
    public CompletableFuture<RawResponse<MetadataResponse>> getMetadataAsync(String interviewId) {
      return Futures.map(transport.executeAsync(api.getInterviewMetadata(RequestValidator.id("interviewId", interviewId)), true),
          Envelopes::unwrap);
    }

    /** {@code POST /api/v2/interviews/{interview_id}/metadata} — a replace, so retried like a GET. */
    public RawResponse<MetadataResponse> setMetadata(String interviewId, Map<String, String> metadata) {
      return Envelopes.unwrap(transport.execute(api.setInterviewMetadata(RequestValidator.id("interviewId", interviewId),
          new MetadataRequest().metadata(new LinkedHashMap<>(RequestValidator.metadata(metadata)))), true));
    }

    /** {@code POST /api/v2/interviews/{interview_id}/metadata}, asynchronously. */
    public CompletableFuture<RawResponse<MetadataResponse>> setMetadataAsync(String interviewId, Map<String, String> metadata) {
      return Futures.map(transport.executeAsync(api.setInterviewMetadata(RequestValidator.id("interviewId", interviewId),
          new MetadataRequest().metadata(new LinkedHashMap<>(RequestValidator.metadata(metadata)))), true), Envelopes::unwrap);
    }

    /** {@code DELETE /api/v2/interviews/{interview_id}/metadata} */
    public RawResponse<MetadataResponse> deleteMetadata(String interviewId) {
      return Envelopes.unwrap(transport.execute(api.deleteInterviewMetadata(RequestValidator.id("interviewId", interviewId)), true));
    }

    /** {@code DELETE /api/v2/interviews/{interview_id}/metadata}, asynchronously. */
    public CompletableFuture<RawResponse<MetadataResponse>> deleteMetadataAsync(String interviewId) {
      return Futures.map(transport.executeAsync(api.deleteInterviewMetadata(RequestValidator.id("interviewId", interviewId)), true),
          Envelopes::unwrap);
    }
  }
}
