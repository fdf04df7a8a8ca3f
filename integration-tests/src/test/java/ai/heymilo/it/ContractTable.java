package ai.heymilo.it;

import static ai.heymilo.it.ContractEntry.call;
import static ai.heymilo.sandbox.SandboxData.ATS_CANDIDATE_ID;
import static ai.heymilo.sandbox.SandboxData.ATS_INTEGRATION_ID;
import static ai.heymilo.sandbox.SandboxData.BULK_INGESTION_ID;
import static ai.heymilo.sandbox.SandboxData.CANDIDATE_ID;
import static ai.heymilo.sandbox.SandboxData.CLONED_POSTING_ID;
import static ai.heymilo.sandbox.SandboxData.DESIGN_TEMPLATE_GROUP_ID;
import static ai.heymilo.sandbox.SandboxData.DESIGN_TEMPLATE_ID;
import static ai.heymilo.sandbox.SandboxData.DOMAIN_ID;
import static ai.heymilo.sandbox.SandboxData.EMAIL_TEMPLATE_GROUP_ID;
import static ai.heymilo.sandbox.SandboxData.EMAIL_TEMPLATE_ID;
import static ai.heymilo.sandbox.SandboxData.FORM_QUESTION_ID;
import static ai.heymilo.sandbox.SandboxData.INGESTION_ID;
import static ai.heymilo.sandbox.SandboxData.INTERVIEW_ID;
import static ai.heymilo.sandbox.SandboxData.INTERVIEW_TEMPLATE_ID;
import static ai.heymilo.sandbox.SandboxData.KNOCKED_OUT_INTERVIEW_ID;
import static ai.heymilo.sandbox.SandboxData.NEW_QUESTION_ID;
import static ai.heymilo.sandbox.SandboxData.PENDING_INTERVIEW_ID;
import static ai.heymilo.sandbox.SandboxData.PHONE_NUMBER_ID;
import static ai.heymilo.sandbox.SandboxData.POSTING_ID;
import static ai.heymilo.sandbox.SandboxData.PUSH_ITEM_ID;
import static ai.heymilo.sandbox.SandboxData.QUESTION_2_ID;
import static ai.heymilo.sandbox.SandboxData.QUESTION_3_ID;
import static ai.heymilo.sandbox.SandboxData.QUESTION_4_ID;
import static ai.heymilo.sandbox.SandboxData.QUESTION_5_ID;
import static ai.heymilo.sandbox.SandboxData.QUESTION_ID;
import static ai.heymilo.sandbox.SandboxData.SENDER_EMAIL_ID;
import static ai.heymilo.sandbox.SandboxData.SPANISH_POSTING_ID;
import static ai.heymilo.sandbox.SandboxData.VOICE_ID;
import static ai.heymilo.sandbox.SandboxData.WEBHOOK_ID;
import static ai.heymilo.sandbox.SandboxData.WORKFLOW_STEP_ID;
import static ai.heymilo.sandbox.SandboxData.WORKSPACE_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.model.BulkCandidateIngestRequest;
import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CandidateResponse;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreateQuestion;
import ai.heymilo.model.CreateQuestionRequest;
import ai.heymilo.model.CreateWebhookRequest;
import ai.heymilo.model.FormConfig;
import ai.heymilo.model.FormStep;
import ai.heymilo.model.PushCandidatePayload;
import ai.heymilo.model.PushCandidateRequest;
import ai.heymilo.model.ReorderQuestionsRequest;
import ai.heymilo.model.ResolveCandidateRequest;
import ai.heymilo.model.ResumeConfig;
import ai.heymilo.model.ResumeStep;
import ai.heymilo.model.UpdatePostingRequest;
import ai.heymilo.model.UpdateQuestionRequest;
import ai.heymilo.model.UpdateWorkflowStepRequest;
import ai.heymilo.model.WebInterviewConfig;
import ai.heymilo.model.WebInterviewStep;
import ai.heymilo.sdk.ListParams;
import ai.heymilo.sdk.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hand-written half of the contract: for every operation of the spec, the SDK call that
 * performs it (with realistic requests built from the generated models) and what it must return
 * from the sandbox's success recording — the fixture's ids and fields from {@code SandboxData}, not
 * just "not null". The spec decides which operations and statuses there are; a new operation fails
 * {@link EveryOperationContractTest} and {@link CoverageGateTest} until a row is added here.
 */
final class ContractTable {
  private static final String POSTING_TITLE = "Customer Service Representative";
  private static final Map<String, String> METADATA = Map.of("external_id", "ats_12345", "source", "workday");

  private static final List<ContractEntry<?>> ENTRIES = List.of(
      // Postings
      call("createPosting", c -> c.postings().create(customerServicePosting()))
          .returns(201, created -> {
            assertEquals(POSTING_ID, created.getId());
            assertEquals("active", created.getStatus());
            assertEquals(POSTING_TITLE, created.getPosting().getTitle());
            assertTrue(created.getUrls().getCandidateUrl().startsWith("https://"), created.getUrls().getCandidateUrl());
          }),
      call("listPostings", c -> c.postings().list(ListParams.builder().limit(20).search("service").build()).firstPage())
          .returns(200, page -> {
            assertEquals(List.of(POSTING_ID, SPANISH_POSTING_ID), ids(page, p -> p.getId()));
            assertEquals(POSTING_TITLE, page.items().get(0).getTitle());
            assertFalse(page.hasMore());
          }),
      call("listPostingSummaries", c -> c.postings().listSummaries().firstPage())
          .returns(200, page -> {
            assertEquals(List.of(POSTING_ID, SPANISH_POSTING_ID), ids(page, p -> p.getId()));
            assertEquals(POSTING_TITLE, page.items().get(0).getTitle());
          }),
      call("getPosting", c -> c.postings().get(POSTING_ID))
          .returns(200, posting -> {
            assertEquals(POSTING_ID, posting.getId());
            assertEquals(WORKSPACE_ID, posting.getCompanyId());
            assertEquals(POSTING_TITLE, posting.getTitle());
            assertEquals("active", posting.getStatus());
          }),
      call("updatePosting", c -> c.postings().update(POSTING_ID,
              new UpdatePostingRequest().title("Senior Customer Service Representative").maxRetakes(1L)))
          .returns(200, posting -> {
            assertEquals(POSTING_ID, posting.getId());
            assertEquals("Senior Customer Service Representative", posting.getTitle());
          }),
      call("updateInterviewerWorkflowStep", c -> c.postings().updateWorkflowStep(POSTING_ID, WORKFLOW_STEP_ID,
              new UpdateWorkflowStepRequest().config(Map.of("instructions", "Keep the interview under 15 minutes.",
                  "company_overview_delivery_mode", "summarized_delivery"))))
          .returns(200, posting -> assertEquals(POSTING_ID, posting.getId())),
      call("getPostingStats", c -> c.postings().stats(POSTING_ID))
          .returns(200, stats -> {
            assertEquals(POSTING_ID, stats.getPostingId());
            assertEquals(3L, stats.getTotalCandidates());
            assertEquals(1L, stats.getCompletedInterviews());
            assertEquals(82.0, stats.getAverageInterviewScore());
          }),
      call("archivePosting", c -> c.postings().archive(POSTING_ID))
          .returns(200, posting -> {
            assertEquals(POSTING_ID, posting.getId());
            assertEquals("archived", posting.getStatus());
            assertEquals(Boolean.TRUE, posting.getArchived());
          }),
      call("activatePosting", c -> c.postings().activate(POSTING_ID))
          .returns(200, posting -> {
            assertEquals(POSTING_ID, posting.getId());
            assertEquals("active", posting.getStatus());
          }),
      call("clonePosting", c -> c.postings().clone(POSTING_ID))
          .returns(201, created -> {
            assertEquals(CLONED_POSTING_ID, created.getId());
            assertEquals(CLONED_POSTING_ID, created.getPosting().getId());
          }),

      // Candidates
      call("listCandidates", c -> c.candidates().list(POSTING_ID).stream().collect(Collectors.toList()))
          .returns(200, candidates -> {
            // Two pages: the SDK follows has_more with starting_after = the last interview id.
            assertEquals(List.of(INTERVIEW_ID, KNOCKED_OUT_INTERVIEW_ID, PENDING_INTERVIEW_ID),
                candidates.stream().map(CandidateResponse::getInterviewId).collect(Collectors.toList()));
            assertEquals("Jane Smith", candidates.get(0).getName());
            assertEquals(CANDIDATE_ID, candidates.get(0).getCandidateId());
          }),
      call("ingestCandidate", c -> c.candidates().ingest(POSTING_ID, jane()))
          .returns(201, receipt -> {
            assertEquals(INTERVIEW_ID, receipt.getInterviewId());
            assertEquals(POSTING_ID, receipt.getPostingId());
            assertEquals("https://candidates.heymilo.io/acme/i/" + INTERVIEW_ID, receipt.getInterviewUrl());
            assertEquals("Jane Smith", receipt.getCandidate().getName());
          }),
      call("ingestCandidateAsync", c -> c.candidates().enqueue(POSTING_ID, jane()))
          .returns(202, job -> {
            assertEquals(INGESTION_ID, job.getIngestionId());
            assertEquals("queued", job.getStatus());
          }),
      call("ingestCandidatesBulk", c -> c.candidates().ingestBulk(POSTING_ID, threeCandidates()))
          .returns(201, items -> {
            assertEquals(3, items.size());
            assertEquals(INTERVIEW_ID, items.get(0).getInterviewId());
            assertEquals(METADATA, items.get(0).getMetadata());
          }),
      call("ingestCandidatesBulkAsync", c -> c.candidates().enqueueBulk(POSTING_ID, threeCandidates()))
          .returns(202, job -> {
            assertEquals(BULK_INGESTION_ID, job.getIngestionId());
            assertEquals("queued", job.getStatus());
          }),

      // Questions
      call("listQuestions", c -> c.questions().list(POSTING_ID, ListParams.builder().modality("voice").limit(50).build())
              .firstPage())
          .returns(200, page -> assertEquals(List.of(QUESTION_ID, QUESTION_2_ID, QUESTION_3_ID, QUESTION_4_ID, QUESTION_5_ID,
              FORM_QUESTION_ID), ids(page, q -> q.getId()))),
      call("createQuestion", c -> c.questions().create(POSTING_ID, new CreateQuestionRequest()
              .modality(CreateQuestionRequest.ModalityEnum.VOICE)
              .text("Tell me about a time you had to say no to a customer. How did you handle it?")
              .evaluationCriteria("Delivers bad news clearly and kindly and offers an alternative.")
              .scoreWeight(3L)))
          .returns(201, question -> {
            assertEquals(NEW_QUESTION_ID, question.getId());
            assertEquals("voice", question.getModality());
            assertEquals(6L, question.getRank());
          }),
      call("getQuestion", c -> c.questions().get(POSTING_ID, QUESTION_ID))
          .returns(200, question -> {
            assertEquals(QUESTION_ID, question.getId());
            assertEquals(POSTING_ID, question.getPostingId());
            assertEquals(1L, question.getRank());
          }),
      call("updateQuestion", c -> c.questions().update(POSTING_ID, QUESTION_ID, new UpdateQuestionRequest()
              .evaluationCriteria("Listens first, acknowledges the frustration, owns a concrete fix, follows up.")))
          .returns(200, question -> {
            assertEquals(QUESTION_ID, question.getId());
            assertTrue(question.getEvaluationCriteria().startsWith("Listens first, acknowledges the frustration"));
          }),
      call("deleteQuestion", c -> c.questions().delete(POSTING_ID, QUESTION_ID))
          .returns(200, question -> assertEquals(QUESTION_ID, question.getId())),
      call("reorderQuestions", c -> c.questions().reorder(POSTING_ID, new ReorderQuestionsRequest()
              .modality(ReorderQuestionsRequest.ModalityEnum.VOICE)
              .order(List.of(QUESTION_5_ID, QUESTION_ID, QUESTION_2_ID, QUESTION_3_ID, QUESTION_4_ID))))
          .returns(200, questions -> {
            assertEquals(5, questions.size());
            assertEquals(QUESTION_5_ID, questions.get(0).getId());
            assertEquals(1L, questions.get(0).getRank());
          }),

      // Interviews
      call("getInterviewData", c -> c.interviews().getData(INTERVIEW_ID))
          .returns(200, data -> {
            // Jane's interview is a polling scenario; a fresh sandbox answers its first state.
            assertEquals(INTERVIEW_ID, data.getInterviewId());
            assertEquals(CANDIDATE_ID, data.getCandidateId());
            assertEquals("not_ready", data.getStatus());
          }),
      call("getInterviewMetadata", c -> c.interviews().getMetadata(INTERVIEW_ID))
          .returns(200, metadata -> assertEquals(METADATA, metadata)),
      call("setInterviewMetadata", c -> c.interviews().setMetadata(INTERVIEW_ID, METADATA))
          .returns(200, metadata -> assertEquals(METADATA, metadata)),
      call("deleteInterviewMetadata", c -> c.interviews().deleteMetadata(INTERVIEW_ID))
          .returns(200, metadata -> assertEquals(Map.of(), metadata)),

      // Webhooks
      call("createWebhook", c -> c.webhooks().create(new CreateWebhookRequest().postingId(POSTING_ID)
              .webhookUrl("https://hooks.acme.com/heymilo/interview-completed").eventType("interview_completed")))
          .returns(201, hook -> {
            assertEquals(WEBHOOK_ID, hook.getWebhookId());
            assertEquals("interview_completed", hook.getEventType());
            assertEquals(Boolean.TRUE, hook.getIsActive());
          }),
      call("listWebhooks", c -> c.webhooks().list().firstPage())
          .returns(200, page -> {
            assertEquals(2, page.items().size());
            assertEquals(WEBHOOK_ID, page.items().get(0).getWebhookId());
          }),
      call("getWebhook", c -> c.webhooks().get(WEBHOOK_ID))
          .returns(200, hook -> {
            assertEquals(WEBHOOK_ID, hook.getWebhookId());
            assertEquals(POSTING_ID, hook.getPostingId());
          }),
      call("deleteWebhook", c -> c.webhooks().delete(WEBHOOK_ID))
          .returns(200, hook -> {
            assertEquals(WEBHOOK_ID, hook.getWebhookId());
            assertEquals(Boolean.FALSE, hook.getIsActive());
          }),

      // Voices
      call("listVoices", c -> c.voices().list(ListParams.builder().search("a").build()).firstPage())
          .returns(200, page -> {
            assertEquals(VOICE_ID, page.items().get(0).getId());
            assertEquals("Sarah", page.items().get(0).getName());
          }),
      call("getVoice", c -> c.voices().get(VOICE_ID))
          .returns(200, voice -> {
            assertEquals(VOICE_ID, voice.getId());
            assertEquals("Sarah", voice.getName());
          }),
      call("getVoicePreview", c -> c.voices().getPreview(VOICE_ID))
          .returns(200, audio -> assertArrayEquals(recordedPreviewAudio(), audio))
          // The SDK follows the redirect to the audio and returns its bytes, not the 302.
          .returns(302, audio -> assertArrayEquals(recordedPreviewAudio(), audio)),

      // Workspace configuration
      call("listPhoneNumbers", c -> c.phoneNumbers().list().firstPage())
          .returns(200, page -> assertEquals(List.of(PHONE_NUMBER_ID), ids(page, p -> p.getId()))),
      call("getPhoneNumber", c -> c.phoneNumbers().get(PHONE_NUMBER_ID))
          .returns(200, number -> {
            assertEquals(PHONE_NUMBER_ID, number.getId());
            assertEquals("+12062088075", number.getPhoneNumber());
          }),
      call("listSenderEmails", c -> c.senderEmails().list().firstPage())
          .returns(200, page -> assertEquals(List.of(SENDER_EMAIL_ID), ids(page, s -> s.getId()))),
      call("getSenderEmail", c -> c.senderEmails().get(SENDER_EMAIL_ID))
          .returns(200, sender -> {
            assertEquals(SENDER_EMAIL_ID, sender.getId());
            assertEquals("hiring@acme.com", sender.getFullEmail());
          }),
      call("listEmailTemplates", c -> c.emailTemplates().list().firstPage())
          .returns(200, page -> assertEquals(EMAIL_TEMPLATE_ID, page.items().get(0).getId())),
      call("getEmailTemplate", c -> c.emailTemplates().get(EMAIL_TEMPLATE_ID))
          .returns(200, template -> {
            assertEquals(EMAIL_TEMPLATE_ID, template.getId());
            assertEquals("WEB_INTERVIEW_INVITATION", template.getTemplateKey());
          }),
      call("listEmailTemplateGroups", c -> c.emailTemplateGroups().list().firstPage())
          .returns(200, page -> assertEquals(List.of(EMAIL_TEMPLATE_GROUP_ID), ids(page, g -> g.getId()))),
      call("getEmailTemplateGroup", c -> c.emailTemplateGroups().get(EMAIL_TEMPLATE_GROUP_ID))
          .returns(200, group -> {
            assertEquals(EMAIL_TEMPLATE_GROUP_ID, group.getId());
            assertEquals(EMAIL_TEMPLATE_ID, group.getTemplateMappings().get("WEB_INTERVIEW_INVITATION"));
            assertEquals(SENDER_EMAIL_ID, group.getSenderEmailId());
          }),
      call("listDesignTemplates", c -> c.designTemplates().list().firstPage())
          .returns(200, page -> assertEquals(DESIGN_TEMPLATE_ID, page.items().get(0).getId())),
      call("getDesignTemplate", c -> c.designTemplates().get(DESIGN_TEMPLATE_ID))
          .returns(200, template -> {
            assertEquals(DESIGN_TEMPLATE_ID, template.getId());
            assertEquals("welcome_page", template.getTemplateType());
            assertEquals("#ffffff", template.getDesignConfig().get("background_color"));
          }),
      call("listDesignTemplateGroups", c -> c.designTemplateGroups().list().firstPage())
          .returns(200, page -> assertEquals(List.of(DESIGN_TEMPLATE_GROUP_ID), ids(page, g -> g.getId()))),
      call("getDesignTemplateGroup", c -> c.designTemplateGroups().get(DESIGN_TEMPLATE_GROUP_ID))
          .returns(200, group -> {
            assertEquals(DESIGN_TEMPLATE_GROUP_ID, group.getId());
            assertEquals(DESIGN_TEMPLATE_ID, group.getTemplateMappings().get("welcome_page"));
          }),
      call("listInterviewTemplates", c -> c.interviewTemplates().list().firstPage())
          .returns(200, page -> assertEquals(List.of(INTERVIEW_TEMPLATE_ID), ids(page, t -> t.getId()))),
      call("getInterviewTemplate", c -> c.interviewTemplates().get(INTERVIEW_TEMPLATE_ID))
          .returns(200, template -> {
            assertEquals(INTERVIEW_TEMPLATE_ID, template.getId());
            assertEquals(POSTING_ID, template.getPostingId());
          }),
      call("listDomains", c -> c.domains().list().firstPage())
          .returns(200, page -> assertEquals(List.of(DOMAIN_ID), ids(page, d -> d.getId()))),
      call("getDomain", c -> c.domains().get(DOMAIN_ID))
          .returns(200, domain -> {
            assertEquals(DOMAIN_ID, domain.getId());
            assertEquals("interviews.acme.com", domain.getDomain());
          }),
      call("listWorkspaces", c -> c.workspaces().list())
          .returns(200, workspaces -> {
            assertEquals(1, workspaces.size());
            assertEquals(WORKSPACE_ID, workspaces.get(0).get("id"));
            assertEquals("Acme Support", workspaces.get(0).get("name"));
          }),

      // ATS
      call("resolveAtsCandidate", c -> c.ats().resolveCandidate(new ResolveCandidateRequest().atsName("bullhorn")
              .email("jane.smith@example.com").limit(5L)))
          .returns(200, resolved -> {
            assertEquals("found", resolved.getStatus());
            assertEquals(ATS_CANDIDATE_ID, resolved.getAtsCandidateId());
            assertEquals("Jane", resolved.getMatches().get(0).getFirstName());
          }),
      call("pushAtsCandidate", c -> c.ats().pushCandidate(new PushCandidateRequest().atsName("bullhorn").postingId(POSTING_ID)
              .interviewId(INTERVIEW_ID).createSubmission(true)
              .candidate(new PushCandidatePayload().atsCandidateId(ATS_CANDIDATE_ID).firstName("Jane").lastName("Smith")
                  .email("jane.smith@example.com"))))
          .returns(200, queued -> {
            assertEquals(PUSH_ITEM_ID, queued.getItemId());
            assertEquals("queued", queued.getStatus());
          }),
      call("getAtsPushStatus", c -> c.ats().getPushStatus(PUSH_ITEM_ID))
          .returns(200, status -> {
            // A polling scenario too: a fresh sandbox answers "queued".
            assertEquals(PUSH_ITEM_ID, status.getItemId());
            assertEquals("queued", status.getStatus());
          }),
      call("listAtsConnections", c -> c.ats().listConnections())
          .returns(200, connections -> {
            assertEquals(ATS_INTEGRATION_ID, connections.get(0).getIntegrationId());
            assertEquals("bullhorn", connections.get(0).getAtsProvider());
          }),

      // Schemas and health
      call("list_agent_types_api_v2_schemas_agents_get", c -> c.schemas().agentTypes())
          .returns(200, registry -> assertFalse(registry.isEmpty(), "an empty agent type registry")),
      call("list_question_types_api_v2_schemas_question_types_get", c -> c.schemas().questionTypes())
          .returns(200, registry -> assertFalse(registry.isEmpty(), "an empty question type registry")),
      call("health_check_health_get", c -> c.health().check())
          .returns(200, health -> assertEquals("ok", health.get("status"))));

  private ContractTable() {}

  /** Every row. */
  static List<ContractEntry<?>> entries() {
    return ENTRIES;
  }

  /** The row for {@code operationId}, if there is one. */
  static Optional<ContractEntry<?>> entry(String operationId) {
    return ENTRIES.stream().filter(e -> e.operationId().equals(operationId)).findFirst();
  }

  /** The posting of the sandbox's fixture: resume screen → video interview with Sarah → knockout form. */
  private static CreatePostingRequest customerServicePosting() {
    return new CreatePostingRequest()
        .title(POSTING_TITLE)
        .description("Acme Support is hiring customer service representatives to help customers by phone and chat.")
        .language("en")
        .interviewerName("Sarah")
        .phoneNumberId(PHONE_NUMBER_ID)
        .senderEmailId(SENDER_EMAIL_ID)
        .emailTemplateGroupId(EMAIL_TEMPLATE_GROUP_ID)
        .designTemplateGroupId(DESIGN_TEMPLATE_GROUP_ID)
        .putMetadata("requisition", "REQ-2291")
        .workflow(List.of(
            new ResumeStep().config(new ResumeConfig().mandatory(true)),
            new WebInterviewStep()
                .config(new WebInterviewConfig().video(true).voiceId(VOICE_ID).numQuestions(5L))
                .questions(List.of(new CreateQuestion().modality("voice")
                    .text("Tell me about a time you turned an upset customer into a satisfied one.")
                    .evaluationCriteria("Listens first, acknowledges the customer's frustration, owns a concrete fix.")
                    .scoreWeight(3L))),
            new FormStep()
                .config(new FormConfig().instructions("A few quick eligibility questions."))
                .questions(List.of(new CreateQuestion().modality("form")
                    .text("Are you authorized to work in the United States?")))));
  }

  private static CandidateIngestRequest jane() {
    return new CandidateIngestRequest().name("Jane Smith").email("jane.smith@example.com").phoneNumber("+12065551234")
        .metadata(METADATA);
  }

  private static BulkCandidateIngestRequest threeCandidates() {
    return new BulkCandidateIngestRequest().data(List.of(
        jane(),
        new CandidateIngestRequest().name("Marcus Lee").email("marcus.lee@example.com"),
        new CandidateIngestRequest().name("Priya Patel").email("priya.patel@example.com").putData("years_experience", 4)));
  }

  private static <T> List<String> ids(Page<T> page, Function<T, String> id) {
    return page.items().stream().map(id).collect(Collectors.toList());
  }

  /** The audio of the voice preview's success recording, which the redirect target serves too. */
  private static byte[] recordedPreviewAudio() {
    SandboxRecordings recordings = SandboxRecordings.load();
    SandboxRecordings.Recording recording = recordings.primary(new OperationStatus("getVoicePreview", 200)).orElseThrow();
    return recordings.file(recording.response().path("bodyFileName").asText()).orElseThrow();
  }
}
