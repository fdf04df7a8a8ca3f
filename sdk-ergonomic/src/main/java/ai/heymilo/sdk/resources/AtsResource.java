package ai.heymilo.sdk.resources;

import ai.heymilo.api.AtsApi;
import ai.heymilo.model.AtsConnection;
import ai.heymilo.model.EnqueuePushResponse;
import ai.heymilo.model.ListResponseAtsConnection;
import ai.heymilo.model.PushCandidateRequest;
import ai.heymilo.model.QueueItemStatus;
import ai.heymilo.model.ResolveCandidateRequest;
import ai.heymilo.model.ResolveCandidateResponse;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.WaitTimeoutException;
import ai.heymilo.sdk.internal.ClientRuntime;
import ai.heymilo.sdk.internal.Envelopes;
import ai.heymilo.sdk.internal.Futures;
import ai.heymilo.sdk.internal.RequestValidator;
import ai.heymilo.sdk.internal.Transport;
import ai.heymilo.sdk.internal.Waiter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The ATS integration (Bullhorn and Avionte today): look candidates up in the connected ATS, push
 * candidates to it through a queue, follow a push to its end, and list the connections.
 *
 * <pre>{@code
 * ResolveCandidateResponse found = client.ats().resolveCandidate(new ResolveCandidateRequest()
 *     .atsName("bullhorn").email("jane@example.com"));
 * EnqueuePushResponse queued = client.ats().pushCandidate(new PushCandidateRequest()
 *     .atsName("bullhorn").interviewId(interviewId)
 *     .candidate(new PushCandidatePayload().firstName("Jane").lastName("Doe").email("jane@example.com")));
 * QueueItemStatus done = client.ats().awaitPushStatus(queued.getItemId());
 * }</pre>
 */
public final class AtsResource {
  /**
   * Push statuses that mean "not finished yet": keep waiting. Any other status (such as
   * {@code completed} or {@code failed}) ends a wait. Override per call with
   * {@link WaitOptions.Builder#pendingStatuses}.
   */
  public static final Set<String> PENDING_STATUSES = Set.of("pending", "queued", "processing", "in_progress", "retrying");

  private final AtsApi api;
  private final Transport transport;
  private final Waiter waiter;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public AtsResource(ClientRuntime runtime) {
    this.api = runtime.api(AtsApi.class);
    this.transport = runtime.transport();
    this.waiter = runtime.waiter();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /**
   * Searches the connected ATS for a candidate by email or ATS candidate id, so the caller can
   * decide whether to push to an existing record or create a new one. A lookup: safe to retry.
   * {@code POST /api/v2/ats/candidates/resolve}
   */
  public ResolveCandidateResponse resolveCandidate(ResolveCandidateRequest request) {
    return raw.resolveCandidate(request).data();
  }

  /**
   * Queues a push of a candidate to the connected ATS; without {@code candidate.ats_candidate_id}
   * a new ATS candidate is created. Returns the queue {@code item_id} to follow with
   * {@link #getPushStatus} or {@link #awaitPushStatus}. Not retried once it may have reached the
   * server (it could push twice). {@code POST /api/v2/ats/candidates/push}
   */
  public EnqueuePushResponse pushCandidate(PushCandidateRequest request) {
    return raw.pushCandidate(request).data();
  }

  /** Returns the current status of a queued push. {@code GET /api/v2/ats/candidates/push/{item_id}} */
  public QueueItemStatus getPushStatus(String itemId) {
    return raw.getPushStatus(itemId).data();
  }

  /** {@link #getPushStatus} asynchronously; cancelling the future cancels the request. */
  public CompletableFuture<QueueItemStatus> getPushStatusAsync(String itemId) {
    return Futures.map(raw.getPushStatusAsync(itemId), RawResponse::data);
  }

  /** {@link #awaitPushStatus(String, WaitOptions)} with {@link WaitOptions#defaults()} (up to 10 minutes). */
  public QueueItemStatus awaitPushStatus(String itemId) {
    return awaitPushStatus(itemId, WaitOptions.defaults());
  }

  /**
   * Polls {@link #getPushStatus} until the status leaves {@link #PENDING_STATUSES} (or the
   * options' {@link WaitOptions.Builder#pendingStatuses pending set}) and returns that status —
   * whatever it is, so check {@code getStatus()} and {@code getFailureInstances()} for a failed push.
   * Delays grow from the options' initial to maximum delay; the timeout is the only limit.
   * {@code GET /api/v2/ats/candidates/push/{item_id}}
   *
   * @throws WaitTimeoutException if the status is still pending when the timeout elapses
   */
  public QueueItemStatus awaitPushStatus(String itemId, WaitOptions options) {
    RequestValidator.id("itemId", itemId);
    return waiter.await("ATS push " + itemId, () -> raw.getPushStatus(itemId), QueueItemStatus::getStatus, options,
        PENDING_STATUSES);
  }

  /**
   * {@link #awaitPushStatus(String, WaitOptions)} without holding a thread: polls run on the
   * client's scheduler. Cancelling the future stops polling and cancels the request in flight.
   */
  public CompletableFuture<QueueItemStatus> awaitPushStatusAsync(String itemId, WaitOptions options) {
    RequestValidator.id("itemId", itemId);
    return waiter.awaitAsync("ATS push " + itemId, () -> raw.getPushStatusAsync(itemId), QueueItemStatus::getStatus,
        options, PENDING_STATUSES);
  }

  /**
   * Returns every ATS integration configured for the workspace. The operation takes no paging
   * parameters; the list is the single response's data. {@code GET /api/v2/ats/connections}
   */
  public List<AtsConnection> listConnections() {
    List<AtsConnection> connections = raw.listConnections().data().getData();
    return connections == null ? List.of() : connections;
  }

  /** The ATS operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** {@code POST /api/v2/ats/candidates/resolve} — a lookup, so safe to retry. */
    public RawResponse<ResolveCandidateResponse> resolveCandidate(ResolveCandidateRequest request) {
      return Envelopes.unwrap(transport.execute(api.resolveAtsCandidate(RequestValidator.required("request", request)), true));
    }

    /** {@code POST /api/v2/ats/candidates/push} — not retried once it may have reached the server. */
    public RawResponse<EnqueuePushResponse> pushCandidate(PushCandidateRequest request) {
      return Envelopes.unwrap(transport.execute(api.pushAtsCandidate(RequestValidator.required("request", request)), false));
    }

    /** {@code GET /api/v2/ats/candidates/push/{item_id}} */
    public RawResponse<QueueItemStatus> getPushStatus(String itemId) {
      return Envelopes.unwrap(transport.execute(api.getAtsPushStatus(RequestValidator.id("itemId", itemId)), true));
    }

    /** {@code GET /api/v2/ats/candidates/push/{item_id}}, asynchronously. */
    public CompletableFuture<RawResponse<QueueItemStatus>> getPushStatusAsync(String itemId) {
      return Futures.map(transport.executeAsync(api.getAtsPushStatus(RequestValidator.id("itemId", itemId)), true),
          Envelopes::unwrap);
    }

    /** {@code GET /api/v2/ats/connections} — the {@code {data, pagination}} envelope as sent. */
    public RawResponse<ListResponseAtsConnection> listConnections() {
      return transport.execute(api.listAtsConnections(), true);
    }
  }
}
