package ai.heymilo.sdk.resources;

import ai.heymilo.api.CandidatesApi;
import ai.heymilo.model.AsyncIngestResponse;
import ai.heymilo.model.BulkCandidateIngestRequest;
import ai.heymilo.model.BulkIngestCandidateResponseItem;
import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CandidateResponse;
import ai.heymilo.model.IngestCandidateResponse;
import ai.heymilo.model.ListResponseCandidateResponse;
import ai.heymilo.sdk.ListParams;
import ai.heymilo.sdk.ListParams.Filter;
import ai.heymilo.sdk.PagedIterable;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.internal.ClientRuntime;
import ai.heymilo.sdk.internal.Envelopes;
import ai.heymilo.sdk.internal.Pager;
import ai.heymilo.sdk.internal.RequestValidator;
import ai.heymilo.sdk.internal.Transport;
import java.util.List;

/**
 * Candidates of a posting: ingest them one at a time or in bulk, synchronously or queued, and list
 * them with their workflow progress and scores.
 *
 * <pre>{@code
 * IngestCandidateResponse receipt = client.candidates().ingest(postingId, new CandidateIngestRequest()
 *     .name("Jane Doe").email("jane@example.com").putMetadataItem("external_id", "ats_12345"));
 * sendInvite(receipt.getInterviewUrl());
 * for (CandidateResponse candidate : client.candidates().list(postingId)) { ... }
 * }</pre>
 *
 * <p>Ingesting is not idempotent: a request that may have reached the server is never retried,
 * since a retry could create the candidate twice.
 */
public final class CandidatesResource {
  private final CandidatesApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public CandidatesResource(ClientRuntime runtime) {
    this.api = runtime.api(CandidatesApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /**
   * Submits a candidate to the posting's workflow and returns the interview id, the interview URL
   * and the full candidate receipt. {@code POST /api/v2/postings/{posting_id}/candidates}
   */
  public IngestCandidateResponse ingest(String postingId, CandidateIngestRequest request) {
    return raw.ingest(postingId, request).data();
  }

  /**
   * Submits several candidates at once; returns an interview id and URL per candidate, in request
   * order. {@code POST /api/v2/postings/{posting_id}/candidates/bulk}
   */
  public List<BulkIngestCandidateResponseItem> ingestBulk(String postingId, BulkCandidateIngestRequest request) {
    return raw.ingestBulk(postingId, request).data();
  }

  /**
   * Queues a candidate for processing; the server answers {@code 202} at once with an
   * {@code ingestion_id}. The API has no endpoint to poll an ingestion job: register a webhook for
   * the {@code candidate_ingested} event ({@link WebhooksResource#create}) to learn the outcome, or
   * use {@link #ingest} when you need the interview id right away.
   * {@code POST /api/v2/postings/{posting_id}/candidates/async}
   */
  public AsyncIngestResponse enqueue(String postingId, CandidateIngestRequest request) {
    return raw.enqueue(postingId, request).data();
  }

  /**
   * Queues several candidates for processing; the server answers {@code 202} with one
   * {@code ingestion_id} for the job. There is no endpoint to poll it: the {@code candidate_ingested}
   * webhook reports each candidate ({@link WebhooksResource#create}).
   * {@code POST /api/v2/postings/{posting_id}/candidates/bulk/async}
   */
  public AsyncIngestResponse enqueueBulk(String postingId, BulkCandidateIngestRequest request) {
    return raw.enqueueBulk(postingId, request).data();
  }

  /** Every candidate of the posting, all pages, fetched lazily. {@code GET /api/v2/postings/{posting_id}/candidates} */
  public PagedIterable<CandidateResponse> list(String postingId) {
    return list(postingId, ListParams.none());
  }

  /**
   * The posting's candidates matching {@code params}, all pages, fetched lazily. Supports
   * {@code limit}, {@code startingAfter} (an {@code interview_id}), {@code createdAfter} and
   * {@code createdBefore} (when the candidate was invited, inclusive).
   * {@code GET /api/v2/postings/{posting_id}/candidates}
   */
  public PagedIterable<CandidateResponse> list(String postingId, ListParams params) {
    RequestValidator.id("postingId", postingId);
    RequestValidator.listParams("candidates().list", params, Filter.LIMIT, Filter.STARTING_AFTER, Filter.CREATED_AFTER,
        Filter.CREATED_BEFORE);
    // The API's cursor for candidates is the interview id of the last candidate.
    return Pager.iterable(params, page -> raw.list(postingId, page), CandidateResponse::getInterviewId);
  }

  /** The candidate operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** {@code POST /api/v2/postings/{posting_id}/candidates} — not retried once it may have reached the server. */
    public RawResponse<IngestCandidateResponse> ingest(String postingId, CandidateIngestRequest request) {
      return Envelopes.unwrap(transport.execute(api.ingestCandidate(RequestValidator.id("postingId", postingId),
          RequestValidator.required("request", request)), false));
    }

    /** {@code POST /api/v2/postings/{posting_id}/candidates/bulk} — not retried once it may have reached the server. */
    public RawResponse<List<BulkIngestCandidateResponseItem>> ingestBulk(String postingId, BulkCandidateIngestRequest request) {
      return Envelopes.unwrap(transport.execute(api.ingestCandidatesBulk(RequestValidator.id("postingId", postingId),
          RequestValidator.required("request", request)), false));
    }

    /** {@code POST /api/v2/postings/{posting_id}/candidates/async} — not retried once it may have reached the server. */
    public RawResponse<AsyncIngestResponse> enqueue(String postingId, CandidateIngestRequest request) {
      return Envelopes.unwrap(transport.execute(api.ingestCandidateAsync(RequestValidator.id("postingId", postingId),
          RequestValidator.required("request", request)), false));
    }

    /** {@code POST /api/v2/postings/{posting_id}/candidates/bulk/async} — not retried once it may have reached the server. */
    public RawResponse<AsyncIngestResponse> enqueueBulk(String postingId, BulkCandidateIngestRequest request) {
      return Envelopes.unwrap(transport.execute(api.ingestCandidatesBulkAsync(RequestValidator.id("postingId", postingId),
          RequestValidator.required("request", request)), false));
    }

    /** One page. {@code GET /api/v2/postings/{posting_id}/candidates} */
    public RawResponse<ListResponseCandidateResponse> list(String postingId, ListParams params) {
      return transport.execute(api.listCandidates(RequestValidator.id("postingId", postingId), Pager.limit(params),
          params.startingAfter(), params.createdAfter(), params.createdBefore()), true);
    }
  }
}
