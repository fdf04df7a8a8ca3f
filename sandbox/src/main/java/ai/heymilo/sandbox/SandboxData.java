package ai.heymilo.sandbox;

/**
 * The ids the sandbox's recordings use, consistent across operations: the workspace has one active
 * interviewer ({@link #POSTING_ID}, a customer service role) with five voice questions and a form
 * question, a webhook, and three candidates whose interviews have data and metadata.
 *
 * <pre>{@code
 * PostingResponse posting = client.postings().get(SandboxData.POSTING_ID);
 * InterviewDataResponse result = client.interviews().awaitData(SandboxData.INTERVIEW_ID);   // completed on the 3rd poll
 * client.postings().get(SandboxData.MISSING_ID);                                             // NotFoundException
 * }</pre>
 *
 * <p>Operations answer with the fixture's body for any id except those starting with
 * {@value #MISSING_ID} (404) and the special interview ids below; the body then names the fixture,
 * not the id asked for. See the sandbox README for how statuses are selected.
 */
public final class SandboxData {
  /** The workspace (company) of the API key; {@code company_id} of every posting. */
  public static final String WORKSPACE_ID = "comp_abc123";

  /** The active interviewer "Customer Service Representative": resume, video interview and form steps. */
  public static final String POSTING_ID = "13D77095";
  /** A second, draft interviewer created from an ATS job ("Bilingual Customer Support Specialist"). */
  public static final String SPANISH_POSTING_ID = "5B9E0D13";
  /** The copy that {@code clonePosting} creates. */
  public static final String CLONED_POSTING_ID = "2F4A6C8E";
  /** A workflow step of {@link #POSTING_ID} ({@code step_id} is the step's type or its 1-based order). */
  public static final String WORKFLOW_STEP_ID = "web_interview";

  /** The first voice question of {@link #POSTING_ID} (the de-escalation question). */
  public static final String QUESTION_ID = "A1B2C3D4";
  /** The second voice question. */
  public static final String QUESTION_2_ID = "B7E2C9F1";
  /** The third voice question. */
  public static final String QUESTION_3_ID = "C3D8A5E2";
  /** The fourth voice question. */
  public static final String QUESTION_4_ID = "D9F4B1A7";
  /** The fifth voice question. */
  public static final String QUESTION_5_ID = "E5A0C6B3";
  /** The knockout form question ("Are you authorized to work in the United States?"). */
  public static final String FORM_QUESTION_ID = "F1A2B3C4";
  /** The question that {@code createQuestion} creates. */
  public static final String NEW_QUESTION_ID = "F2B8D4C6";

  /** Jane Smith's candidate id. */
  public static final String CANDIDATE_ID = "cand_def456";
  /**
   * Jane Smith's interview. Its data polls {@code not_ready} → {@code evaluating} →
   * {@code completed} (and stays completed until {@link HeyMiloSandbox#reset()}); it is also the
   * interview that {@code ingestCandidate} creates.
   */
  public static final String INTERVIEW_ID = "D536A69A4090E13F";
  /** Marcus Lee's interview: polls {@code not_ready} → {@code knocked_out} (failed the resume screen). */
  public static final String KNOCKED_OUT_INTERVIEW_ID = "7F3B9C21E4A05D88";
  /** Priya Patel's interview: invited, never started; its data stays {@code not_ready} (a wait times out). */
  public static final String PENDING_INTERVIEW_ID = "A90C4E7B2D61F385";
  /** The job id that {@code ingestCandidateAsync} answers. */
  public static final String INGESTION_ID = "intake_abc123";
  /** The job id that {@code ingestCandidatesBulkAsync} answers. */
  public static final String BULK_INGESTION_ID = "intake_bulk_def789";

  /** The {@code interview_completed} webhook of {@link #POSTING_ID}. */
  public static final String WEBHOOK_ID = "42AE4CFA720B1C35D499E9E39C14F321";

  /** The voice "Sarah", the posting's interviewer voice; its preview answers audio directly. */
  public static final String VOICE_ID = "wrv-abc123";
  /** The voice "Daniel", whose preview answers {@code 302} to {@code /cdn/voice-previews/<id>.mp3} on the sandbox. */
  public static final String REDIRECTING_VOICE_ID = "wrv-def456";
  /** The workspace's phone number. */
  public static final String PHONE_NUMBER_ID = "666A24C3";
  /** The sender email {@code hiring@acme.com}. */
  public static final String SENDER_EMAIL_ID = "A72B528BDEDF";
  /** The interview invitation email template. */
  public static final String EMAIL_TEMPLATE_ID = "B31EB9E73BEE";
  /** The email template group of {@link #POSTING_ID}. */
  public static final String EMAIL_TEMPLATE_GROUP_ID = "E629E33BC4AD";
  /** The welcome page design template. */
  public static final String DESIGN_TEMPLATE_ID = "E00CF3AFCF58";
  /** The design template group (brand kit) of {@link #POSTING_ID}. */
  public static final String DESIGN_TEMPLATE_GROUP_ID = "00231A58EB85";
  /** The interview template made from {@link #POSTING_ID}. */
  public static final String INTERVIEW_TEMPLATE_ID = "IT_abc123";
  /** The custom domain {@code interviews.acme.com}. */
  public static final String DOMAIN_ID = "BCE1C810";

  /** The Bullhorn integration of the workspace. */
  public static final String ATS_INTEGRATION_ID = "int_bh_7f3a";
  /** Jane Smith's candidate id in Bullhorn. */
  public static final String ATS_CANDIDATE_ID = "48213";
  /** The queued ATS push: its status polls {@code queued} → {@code processing} → {@code completed}. */
  public static final String PUSH_ITEM_ID = "pq_8f14e45f";

  /**
   * An id that exists nowhere: any path id starting with {@code missing} answers 404 on the
   * operations that document a 404.
   */
  public static final String MISSING_ID = "missing";

  private SandboxData() {}

  /**
   * Returns an interview id whose data answers {@code not_ready} for the first {@code polls - 1}
   * polls and {@code completed} from the {@code polls}-th on, counted per id until
   * {@link HeyMiloSandbox#reset()}: {@code interviewCompletingAfter(3, "a")} is {@code "iv_after3_a"}.
   *
   * @param polls the poll that first answers {@code completed}; 1 or less completes at once
   * @param tag any text without {@code /} that makes the id unique, so each id counts on its own
   * @throws IllegalArgumentException if {@code tag} is empty or contains {@code /}, {@code ?} or {@code #}
   */
  public static String interviewCompletingAfter(int polls, String tag) {
    if (tag.isEmpty() || tag.indexOf('/') >= 0 || tag.indexOf('?') >= 0 || tag.indexOf('#') >= 0) {
      throw new IllegalArgumentException("tag must be non-empty text without '/', '?' or '#', but was '" + tag + "'");
    }
    return "iv_after" + Math.max(polls, 1) + "_" + tag;
  }
}
