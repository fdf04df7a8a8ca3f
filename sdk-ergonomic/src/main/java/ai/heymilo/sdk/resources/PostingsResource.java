package ai.heymilo.sdk.resources;

import ai.heymilo.api.InterviewersApi;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreatePostingResponse;
import ai.heymilo.model.ListResponsePostingResponse;
import ai.heymilo.model.ListResponsePostingSummary;
import ai.heymilo.model.PostingResponse;
import ai.heymilo.model.PostingStatsResponse;
import ai.heymilo.model.PostingSummary;
import ai.heymilo.model.UpdatePostingRequest;
import ai.heymilo.model.UpdateWorkflowStepRequest;
import ai.heymilo.sdk.ListParams;
import ai.heymilo.sdk.ListParams.Filter;
import ai.heymilo.sdk.PagedIterable;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.internal.ClientRuntime;
import ai.heymilo.sdk.internal.Envelopes;
import ai.heymilo.sdk.internal.Pager;
import ai.heymilo.sdk.internal.RequestValidator;
import ai.heymilo.sdk.internal.Transport;

/**
 * Interviewers — the API calls them postings: a job plus the AI agent and workflow that interviews
 * its candidates.
 *
 * <pre>{@code
 * CreatePostingResponse created = client.postings().create(new CreatePostingRequest()
 *     .title("Customer Service Representative")
 *     .addWorkflowItem(new WebInterviewStep().config(new WebInterviewConfig().video(true))));
 * for (PostingResponse posting : client.postings().list()) { ... }
 * }</pre>
 */
public final class PostingsResource {
  private final InterviewersApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public PostingsResource(ClientRuntime runtime) {
    this.api = runtime.api(InterviewersApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Creates a posting with its workflow (or from an interview template). {@code POST /api/v2/postings} */
  public CreatePostingResponse create(CreatePostingRequest request) {
    return raw.create(request).data();
  }

  /** Every posting, all pages, fetched lazily. {@code GET /api/v2/postings} */
  public PagedIterable<PostingResponse> list() {
    return list(ListParams.none());
  }

  /**
   * Postings matching {@code params}, all pages, fetched lazily. Supports {@code limit},
   * {@code startingAfter} and {@code search} (title). {@code GET /api/v2/postings}
   */
  public PagedIterable<PostingResponse> list(ListParams params) {
    RequestValidator.listParams("postings().list", params, Filter.LIMIT, Filter.STARTING_AFTER, Filter.SEARCH);
    return Pager.iterable(params, raw::list, PostingResponse::getId);
  }

  /** Lightweight summaries of every posting, all pages, fetched lazily. {@code GET /api/v2/postings/list} */
  public PagedIterable<PostingSummary> listSummaries() {
    return listSummaries(ListParams.none());
  }

  /** Summaries matching {@code params} ({@code limit}, {@code startingAfter}, {@code search}). {@code GET /api/v2/postings/list} */
  public PagedIterable<PostingSummary> listSummaries(ListParams params) {
    RequestValidator.listParams("postings().listSummaries", params, Filter.LIMIT, Filter.STARTING_AFTER, Filter.SEARCH);
    return Pager.iterable(params, raw::listSummaries, PostingSummary::getId);
  }

  /** Returns one posting. {@code GET /api/v2/postings/{posting_id}} */
  public PostingResponse get(String postingId) {
    return raw.get(postingId).data();
  }

  /**
   * Updates a posting: only what the request sets is sent; a nullable field set to {@code null} is
   * cleared. {@code PATCH /api/v2/postings/{posting_id}}
   */
  public PostingResponse update(String postingId, UpdatePostingRequest request) {
    return raw.update(postingId, request).data();
  }

  /** Updates the config of one workflow step (partial; nested objects are replaced whole). {@code PATCH /api/v2/postings/{posting_id}/workflow/{step_id}} */
  public PostingResponse updateWorkflowStep(String postingId, String stepId, UpdateWorkflowStepRequest request) {
    return raw.updateWorkflowStep(postingId, stepId, request).data();
  }

  /** Returns candidate counts and funnel statistics. {@code GET /api/v2/postings/{posting_id}/stats} */
  public PostingStatsResponse stats(String postingId) {
    return raw.stats(postingId).data();
  }

  /** Archives a posting: it stops accepting candidates. {@code POST /api/v2/postings/{posting_id}/archive} */
  public PostingResponse archive(String postingId) {
    return raw.archive(postingId).data();
  }

  /** Re-activates an archived posting. {@code POST /api/v2/postings/{posting_id}/activate} */
  public PostingResponse activate(String postingId) {
    return raw.activate(postingId).data();
  }

  /** Creates a copy of a posting with its workflow and questions. {@code POST /api/v2/postings/{posting_id}/clone} */
  public CreatePostingResponse clone(String postingId) {
    return raw.clone(postingId).data();
  }

  /** The posting operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** {@code POST /api/v2/postings} — not retried once it may have reached the server (it would create a second posting). */
    public RawResponse<CreatePostingResponse> create(CreatePostingRequest request) {
      return Envelopes.unwrap(transport.execute(api.createPosting(RequestValidator.required("request", request)), false));
    }

    /** One page. {@code GET /api/v2/postings} */
    public RawResponse<ListResponsePostingResponse> list(ListParams params) {
      return transport.execute(api.listPostings(Pager.limit(params), params.startingAfter(), params.search()), true);
    }

    /** One page of summaries. {@code GET /api/v2/postings/list} */
    public RawResponse<ListResponsePostingSummary> listSummaries(ListParams params) {
      return transport.execute(api.listPostingSummaries(Pager.limit(params), params.startingAfter(), params.search()), true);
    }

    /** {@code GET /api/v2/postings/{posting_id}} */
    public RawResponse<PostingResponse> get(String postingId) {
      return Envelopes.unwrap(transport.execute(api.getPosting(RequestValidator.id("postingId", postingId)), true));
    }

    /** {@code PATCH /api/v2/postings/{posting_id}} — sets fields to given values, so safe to retry. */
    public RawResponse<PostingResponse> update(String postingId, UpdatePostingRequest request) {
      return Envelopes.unwrap(transport.execute(
          api.updatePosting(RequestValidator.id("postingId", postingId), RequestValidator.required("request", request)), true));
    }

    /** {@code PATCH /api/v2/postings/{posting_id}/workflow/{step_id}} */
    public RawResponse<PostingResponse> updateWorkflowStep(String postingId, String stepId, UpdateWorkflowStepRequest request) {
      return Envelopes.unwrap(transport.execute(api.updateInterviewerWorkflowStep(RequestValidator.id("postingId", postingId),
          RequestValidator.id("stepId", stepId), RequestValidator.required("request", request)), true));
    }

    /** {@code GET /api/v2/postings/{posting_id}/stats} */
    public RawResponse<PostingStatsResponse> stats(String postingId) {
      return Envelopes.unwrap(transport.execute(api.getPostingStats(RequestValidator.id("postingId", postingId)), true));
    }

    /** {@code POST /api/v2/postings/{posting_id}/archive} — sets a state, so safe to retry. */
    public RawResponse<PostingResponse> archive(String postingId) {
      return Envelopes.unwrap(transport.execute(api.archivePosting(RequestValidator.id("postingId", postingId)), true));
    }

    /** {@code POST /api/v2/postings/{posting_id}/activate} — sets a state, so safe to retry. */
    public RawResponse<PostingResponse> activate(String postingId) {
      return Envelopes.unwrap(transport.execute(api.activatePosting(RequestValidator.id("postingId", postingId)), true));
    }

    /** {@code POST /api/v2/postings/{posting_id}/clone} — not retried once it may have reached the server. */
    public RawResponse<CreatePostingResponse> clone(String postingId) {
      return Envelopes.unwrap(transport.execute(api.clonePosting(RequestValidator.id("postingId", postingId)), false));
    }
  }
}
