package ai.heymilo.sdk.resources;

import ai.heymilo.api.QuestionsApi;
import ai.heymilo.model.CreateQuestionRequest;
import ai.heymilo.model.ListResponseQuestionResponse;
import ai.heymilo.model.QuestionResponse;
import ai.heymilo.model.ReorderQuestionsRequest;
import ai.heymilo.model.UpdateQuestionRequest;
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
 * Questions and criteria of a posting's workflow: voice and SMS questions, form fields, resume
 * eligibility and scoring criteria. The {@code modality} decides which kind a question is.
 *
 * <pre>{@code
 * QuestionResponse q = client.questions().create(postingId, new CreateQuestionRequest()
 *     .modality(CreateQuestionRequest.ModalityEnum.VOICE)
 *     .text("Tell me about a time you handled a difficult customer."));
 * for (QuestionResponse voice : client.questions().list(postingId, ListParams.builder().modality("voice").build())) { ... }
 * }</pre>
 */
public final class QuestionsResource {
  private final QuestionsApi api;
  private final Transport transport;
  private final WithRawResponse raw = new WithRawResponse();

  /** Created by {@code HeyMiloClient}. */
  public QuestionsResource(ClientRuntime runtime) {
    this.api = runtime.api(QuestionsApi.class);
    this.transport = runtime.transport();
  }

  /** Returns the same operations answering with {@link RawResponse} (status, headers, meta). */
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Every question and criterion of the posting, all pages, fetched lazily. {@code GET /api/v2/postings/{posting_id}/questions} */
  public PagedIterable<QuestionResponse> list(String postingId) {
    return list(postingId, ListParams.none());
  }

  /**
   * The posting's questions matching {@code params}, all pages, fetched lazily. Supports
   * {@code limit}, {@code startingAfter} and {@code modality} ({@code voice}, {@code sms},
   * {@code form}, {@code resume_eligibility}, {@code resume_scoring}, {@code voice_tags}).
   * {@code GET /api/v2/postings/{posting_id}/questions}
   */
  public PagedIterable<QuestionResponse> list(String postingId, ListParams params) {
    RequestValidator.id("postingId", postingId);
    RequestValidator.listParams("questions().list", params, Filter.LIMIT, Filter.STARTING_AFTER, Filter.MODALITY);
    return Pager.iterable(params, page -> raw.list(postingId, page), QuestionResponse::getId);
  }

  /**
   * Creates a question or criterion; its {@code modality} decides the kind.
   * {@code POST /api/v2/postings/{posting_id}/questions}
   */
  public QuestionResponse create(String postingId, CreateQuestionRequest request) {
    return raw.create(postingId, request).data();
  }

  /** Returns one question or criterion. {@code GET /api/v2/postings/{posting_id}/questions/{question_id}} */
  public QuestionResponse get(String postingId, String questionId) {
    return raw.get(postingId, questionId).data();
  }

  /**
   * Updates a question: only the fields the request sets are changed.
   * {@code PATCH /api/v2/postings/{posting_id}/questions/{question_id}}
   */
  public QuestionResponse update(String postingId, String questionId, UpdateQuestionRequest request) {
    return raw.update(postingId, questionId, request).data();
  }

  /**
   * Soft-deletes a question: it no longer appears in listings. Returns the deleted question.
   * {@code DELETE /api/v2/postings/{posting_id}/questions/{question_id}}
   */
  public QuestionResponse delete(String postingId, String questionId) {
    return raw.delete(postingId, questionId).data();
  }

  /**
   * Sets the display order of the questions of one modality; the request must list every active
   * question id of that modality. Returns the questions in their new order.
   * {@code POST /api/v2/postings/{posting_id}/questions/reorder}
   */
  public List<QuestionResponse> reorder(String postingId, ReorderQuestionsRequest request) {
    List<QuestionResponse> questions = raw.reorder(postingId, request).data().getData();
    return questions == null ? List.of() : questions;
  }

  /** The question operations answering with {@link RawResponse}. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** One page. {@code GET /api/v2/postings/{posting_id}/questions} */
    public RawResponse<ListResponseQuestionResponse> list(String postingId, ListParams params) {
      return transport.execute(api.listQuestions(RequestValidator.id("postingId", postingId), params.modality(),
          Pager.limit(params), params.startingAfter()), true);
    }

    /** {@code POST /api/v2/postings/{posting_id}/questions} — not retried once it may have reached the server. */
    public RawResponse<QuestionResponse> create(String postingId, CreateQuestionRequest request) {
      return Envelopes.unwrap(transport.execute(api.createQuestion(RequestValidator.id("postingId", postingId),
          RequestValidator.required("request", request)), false));
    }

    /** {@code GET /api/v2/postings/{posting_id}/questions/{question_id}} */
    public RawResponse<QuestionResponse> get(String postingId, String questionId) {
      return Envelopes.unwrap(transport.execute(api.getQuestion(RequestValidator.id("postingId", postingId),
          RequestValidator.id("questionId", questionId)), true));
    }

    /** {@code PATCH /api/v2/postings/{posting_id}/questions/{question_id}} — sets fields to given values, so safe to retry. */
    public RawResponse<QuestionResponse> update(String postingId, String questionId, UpdateQuestionRequest request) {
      return Envelopes.unwrap(transport.execute(api.updateQuestion(RequestValidator.id("postingId", postingId),
          RequestValidator.id("questionId", questionId), RequestValidator.required("request", request)), true));
    }

    /** {@code DELETE /api/v2/postings/{posting_id}/questions/{question_id}} */
    public RawResponse<QuestionResponse> delete(String postingId, String questionId) {
      return Envelopes.unwrap(transport.execute(api.deleteQuestion(RequestValidator.id("postingId", postingId),
          RequestValidator.id("questionId", questionId)), true));
    }

    /**
     * {@code POST /api/v2/postings/{posting_id}/questions/reorder} — sets an order, so safe to retry.
     * Answers the {@code {data, pagination}} list envelope as sent.
     */
    public RawResponse<ListResponseQuestionResponse> reorder(String postingId, ReorderQuestionsRequest request) {
      return transport.execute(api.reorderQuestions(RequestValidator.id("postingId", postingId),
          RequestValidator.required("request", request)), true);
    }
  }
}
