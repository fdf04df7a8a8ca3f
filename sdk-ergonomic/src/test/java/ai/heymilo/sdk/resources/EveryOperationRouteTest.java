package ai.heymilo.sdk.resources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.heymilo.model.AsyncIngestResponse;
import ai.heymilo.model.AtsConnection;
import ai.heymilo.model.BulkCandidateIngestRequest;
import ai.heymilo.model.BulkIngestCandidateResponseItem;
import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CandidateResponse;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreatePostingResponse;
import ai.heymilo.model.CreateQuestionRequest;
import ai.heymilo.model.CreateWebhookRequest;
import ai.heymilo.model.CustomDomainResponse;
import ai.heymilo.model.DesignTemplateGroupResponse;
import ai.heymilo.model.DesignTemplateResponse;
import ai.heymilo.model.EmailTemplateGroupResponse;
import ai.heymilo.model.EmailTemplateResponse;
import ai.heymilo.model.EnqueuePushResponse;
import ai.heymilo.model.IngestCandidateResponse;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.InterviewTemplateResponse;
import ai.heymilo.model.ListEnvelope;
import ai.heymilo.model.ListResponse;
import ai.heymilo.model.ListResponseAtsConnection;
import ai.heymilo.model.ListResponseCandidateResponse;
import ai.heymilo.model.ListResponseCustomDomainResponse;
import ai.heymilo.model.ListResponseDesignTemplateGroupResponse;
import ai.heymilo.model.ListResponseDesignTemplateResponse;
import ai.heymilo.model.ListResponseEmailTemplateGroupResponse;
import ai.heymilo.model.ListResponseEmailTemplateResponse;
import ai.heymilo.model.ListResponseInterviewTemplateResponse;
import ai.heymilo.model.ListResponsePhoneNumberResponse;
import ai.heymilo.model.ListResponsePostingResponse;
import ai.heymilo.model.ListResponsePostingSummary;
import ai.heymilo.model.ListResponseQuestionResponse;
import ai.heymilo.model.ListResponseSenderEmailResponse;
import ai.heymilo.model.ListResponseVoiceResponse;
import ai.heymilo.model.ListResponseWebhookResponse;
import ai.heymilo.model.MetadataResponse;
import ai.heymilo.model.PhoneNumberResponse;
import ai.heymilo.model.PostingResponse;
import ai.heymilo.model.PostingStatsResponse;
import ai.heymilo.model.PostingSummary;
import ai.heymilo.model.PushCandidatePayload;
import ai.heymilo.model.PushCandidateRequest;
import ai.heymilo.model.QuestionResponse;
import ai.heymilo.model.QueueItemStatus;
import ai.heymilo.model.ReorderQuestionsRequest;
import ai.heymilo.model.ResolveCandidateRequest;
import ai.heymilo.model.ResolveCandidateResponse;
import ai.heymilo.model.SenderEmailResponse;
import ai.heymilo.model.SingleEnvelope;
import ai.heymilo.model.UpdatePostingRequest;
import ai.heymilo.model.UpdateQuestionRequest;
import ai.heymilo.model.UpdateWorkflowStepRequest;
import ai.heymilo.model.VoiceResponse;
import ai.heymilo.model.WebInterviewConfig;
import ai.heymilo.model.WebInterviewStep;
import ai.heymilo.model.WebhookResponse;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.ListParams;
import ai.heymilo.sdk.PagedIterable;
import ai.heymilo.sdk.RawResponse;
import ai.heymilo.sdk.WaitOptions;
import ai.heymilo.sdk.errors.InternalServerException;
import ai.heymilo.sdk.errors.InvalidRequestException;
import ai.heymilo.sdk.errors.InvalidResponseException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public method of every resource (and of its {@code withRawResponse()} view) against a
 * mock server: the request's method, path, query, body and headers, and the decoded result.
 * {@link #everyPublicResourceMethod_hasACase()} fails when a method is added without a case here.
 */
class EveryOperationRouteTest {
  private static final String POSTING_ID = "13D77095";
  private static final String REQUEST_ID = "req_7f3a9c";
  /** Waits that poll again almost at once (asynchronous waits run on the real scheduler). */
  private static final WaitOptions FAST = WaitOptions.builder().initialDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(5))
      .timeout(Duration.ofSeconds(10)).build();
  private static final byte[] MP3 = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0x00, 0x0F, (byte) 0xF0, 0x00, 0x00, 0x69};

  private MockWebServer server;
  private HeyMiloClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = HeyMiloClient.builder()
        .apiKey("test-key")
        .baseUrl(server.url("/").toString())
        .sleeper(duration -> { }) // retries and synchronous waits go on at once instead of sleeping
        .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  // ---------------------------------------------------------------------------------------------
  // Fixtures: realistic minimal bodies, values taken from the spec's examples.

  /** JSON written with single quotes, for readability. */
  private static String j(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A {@code {data, meta}} envelope. */
  private static String single(String data) {
    return j("{'data':" + data + ",'meta':{'request_id':'" + REQUEST_ID + "'}}");
  }

  /** A {@code {data, pagination}} envelope. */
  private static String page(boolean hasMore, String... items) {
    return j("{'data':[" + String.join(",", items) + "],'pagination':{'has_more':" + hasMore + ",'total_count':2}}");
  }

  private static String posting(String id) {
    return j("{'object':'posting','id':'" + id + "','company_id':'acme','title':'Customer Service Representative',"
        + "'language':'en','interviewer_name':'Sarah','status':'active','finalized':true,'archived':false,'max_retakes':1,"
        + "'metadata':{'req':'R-1'},'created_at':1739612400.0,'updated_at':1739617200.0}");
  }

  private static String createdPosting(String id) {
    return j("{'object':'posting','id':'" + id + "','status':'active','created_at':1739612400.0,'posting':" + posting(id) + "}");
  }

  private static String interviewData(String status) {
    return j("{'object':'interview_data','interview_id':'iv_1','candidate_id':'cand_1','posting_id':'" + POSTING_ID
        + "','name':'Jane Doe','email':'jane@example.com','score':" + ("completed".equals(status) ? "4.5" : "null")
        + ",'status':'" + status + "','metadata':{'external_id':'ats_12345'}}");
  }

  private static final String METADATA = j("{'object':'metadata','metadata':{'external_id':'ats_12345','source':'referral'}}");

  private static String candidate(String interviewId) {
    return j("{'object':'candidate','interview_id':'" + interviewId + "','candidate_id':'cand_" + interviewId + "','posting_id':'"
        + POSTING_ID + "','name':'Jane Doe','email':'jane@example.com','score':4.2,'status':'completed',"
        + "'interview_url':'https://app.heymilo.ai/interview/" + interviewId + "','shortlisted':false,'dismissed':false,"
        + "'metadata':{'external_id':'ats_12345'},'created_at':1739612400.0}");
  }

  private static final String INGESTED = j("{'object':'candidate_ingest','interview_id':'iv_1',"
      + "'interview_url':'https://app.heymilo.ai/interview/iv_1','posting_id':'" + POSTING_ID + "','candidate':")
      + candidate("iv_1") + "}";
  private static final String BULK_INGESTED = j("[{'object':'candidate_ingest','interview_id':'iv_1',"
      + "'interview_url':'https://app.heymilo.ai/interview/iv_1','metadata':{'external_id':'ats_1'}},"
      + "{'object':'candidate_ingest','interview_id':'iv_2','interview_url':'https://app.heymilo.ai/interview/iv_2',"
      + "'metadata':{'external_id':'ats_2'}}]");
  private static final String QUEUED = j("{'object':'ingestion','ingestion_id':'intake_abc123','status':'queued'}");

  private static String question(String id, int rank) {
    return j("{'object':'question','id':'" + id + "','posting_id':'" + POSTING_ID + "','modality':'voice',"
        + "'text':'Tell me about a time you handled a difficult customer.','rank':" + rank + ",'score_weight':1,"
        + "'question_type':'open_ended','created_at':1739612400.0}");
  }

  private static String webhook(String id, boolean active) {
    return j("{'object':'webhook','webhook_id':'" + id + "','posting_id':'" + POSTING_ID
        + "','webhook_url':'https://example.com/hooks/heymilo','event_type':'interview_completed','is_active':" + active
        + ",'created_at':1739612400.0,'updated_at':1739617200.0}");
  }

  private static String voice(String id) {
    return j("{'object':'voice','id':'" + id + "','provider':'elevenlabs','provider_voice_id':'EXAVITQu4vr4xnSDxMaL',"
        + "'name':'Sarah','language':'en','gender':'female','preview_url':'https://cdn.example.com/" + id + ".mp3'}");
  }

  private static String phoneNumber(String id) {
    return j("{'object':'phone_number','id':'" + id + "','phone_number':'+15551234567','country_code':'US','active':true}");
  }

  private static String senderEmail(String id) {
    return j("{'object':'sender_email','id':'" + id + "','email_prefix':'hiring','domain':'acme.example',"
        + "'full_email':'hiring@acme.example','domain_id':'dom_1','created_at':1739612400.0}");
  }

  private static String emailTemplate(String id) {
    return j("{'object':'email_template','id':'" + id + "','template_key':'interview_invite','name':'Invite',"
        + "'subject':'Your interview with Acme','content':'<p>Hello {{name}}</p>','created_at':1739612400.0}");
  }

  private static String emailTemplateGroup(String id) {
    return j("{'object':'email_template_group','id':'" + id + "','name':'Default outreach',"
        + "'template_mappings':{'interview_invite':'et_1'},'sender_email_id':'se_1'}");
  }

  private static String designTemplate(String id) {
    return j("{'object':'design_template','id':'" + id + "','name':'Acme blue','template_type':'interview',"
        + "'design_config':{'primary_color':'#0044CC'}}");
  }

  private static String designTemplateGroup(String id) {
    return j("{'object':'design_template_group','id':'" + id + "','name':'Acme brand',"
        + "'template_mappings':{'interview':'dt_1'},'is_default':true}");
  }

  private static String interviewTemplate(String id) {
    return j("{'object':'interview_template','id':'" + id + "','template_code':'CSR-V1','name':'Customer service screen',"
        + "'description':'Voice screen for support roles','posting_id':'" + POSTING_ID + "','is_default':false}");
  }

  private static String domain(String id) {
    return j("{'object':'custom_domain','id':'" + id + "','domain':'interviews.acme.example',"
        + "'cname_target':'custom.heymilo.ai','status':'verified','active':true}");
  }

  private static String pushStatus(String status) {
    return j("{'item_id':'qi_1','status':'" + status + "','event_type':'candidate_push','retry_count':0,'failure_instances':[],"
        + "'success_details':" + ("completed".equals(status) ? "{'ats_candidate_id':'BH-1001'}" : "null")
        + ",'created_at':1739612400.0,'updated_at':1739612460.0}");
  }

  private static final String RESOLVED = j("{'success':true,'status':'found','email':'jane@example.com','matches':"
      + "[{'ats_candidate_id':'BH-1001','first_name':'Jane','last_name':'Doe','email':'jane@example.com',"
      + "'status':'Active','match_reason':'email'}]}");
  private static final String PUSHED = j("{'status':'queued','item_id':'qi_1','error':null}");
  private static final String CONNECTIONS = page(false, j("{'integration_id':'int_1','ats_provider':'bullhorn',"
      + "'source':'native','display_name':'Bullhorn (production)','is_active':true,'created_at':1739612400.0}"));
  private static final String WORKSPACES = page(false, j("{'workspace_id':'ws_1','name':'Acme Hiring','role':'owner','seats':12}"));
  private static final String AGENT_TYPES = j("{'web_interview':{'label':'Web interview','modalities':['voice','video']},"
      + "'resume':{'label':'Resume screen'},'version':3}");
  private static final String QUESTION_TYPES = j("{'voice':['open_ended','yes_no'],'form':['text','dropdown','file_upload']}");
  private static final String HEALTH = j("{'status':'ok','version':'2.14.0'}");

  private static CandidateIngestRequest jane() {
    return new CandidateIngestRequest().name("Jane Doe").email("jane@example.com").phoneNumber("+15551234567")
        .putMetadata("external_id", "ats_1");
  }

  private static final String JANE = j("{'name':'Jane Doe','email':'jane@example.com','phone_number':'+15551234567',"
      + "'metadata':{'external_id':'ats_1'}}");

  private static BulkCandidateIngestRequest janeAndJohn() {
    return new BulkCandidateIngestRequest().addCandidateIngest(jane())
        .addCandidateIngest(new CandidateIngestRequest().name("John Roe").email("john@example.com").putMetadata("external_id", "ats_2"));
  }

  private static final String JANE_AND_JOHN = j("{'data':[" + JANE + ",{'name':'John Roe','email':'john@example.com',"
      + "'metadata':{'external_id':'ats_2'}}]}");

  private static ListParams limitOne() {
    return ListParams.builder().limit(1).build();
  }

  // ---------------------------------------------------------------------------------------------
  // The cases.

  static Stream<Operation> operations() {
    List<Operation> all = new ArrayList<>();
    all.addAll(postings());
    all.addAll(interviews());
    all.addAll(candidates());
    all.addAll(questions());
    all.addAll(webhooks());
    all.addAll(voices());
    all.addAll(directories());
    all.addAll(workspacesSchemasHealth());
    all.addAll(ats());
    return all.stream();
  }

  private static List<Operation> postings() {
    String one = "/api/v2/postings/" + POSTING_ID;
    return List.of(
        op("PostingsResource#create/1", c -> c.postings().create(new CreatePostingRequest().title("Customer Service Representative")
            .addWorkflowStep(new WebInterviewStep().config(new WebInterviewConfig().video(true)))))
            .responds(201, single(createdPosting(POSTING_ID)))
            .expects("POST", "/api/v2/postings")
            .withBody(j("{'title':'Customer Service Representative','workflow':[{'type':'web_interview','config':{'video':true}}]}"))
            .returns(CreatePostingResponse.class, r -> {
              assertEquals(POSTING_ID, r.getId());
              assertEquals("Customer Service Representative", r.getPosting().getTitle());
            }),
        op("PostingsResource#list/0", c -> c.postings().list())
            .pages("/api/v2/postings", "", POSTING_ID, posting(POSTING_ID), posting("A1B2C3D4"))
            .returnsItems(PostingResponse::getId, POSTING_ID, "A1B2C3D4"),
        op("PostingsResource#list/1", c -> c.postings().list(ListParams.builder().limit(1).search("service").build()))
            .pages("/api/v2/postings", "limit=1&search=service", POSTING_ID, posting(POSTING_ID), posting("A1B2C3D4"))
            .returnsItems(PostingResponse::getId, POSTING_ID, "A1B2C3D4"),
        op("PostingsResource#listSummaries/0", c -> c.postings().listSummaries())
            .pages("/api/v2/postings/list", "", POSTING_ID, summary(POSTING_ID), summary("A1B2C3D4"))
            .returnsItems(PostingSummary::getId, POSTING_ID, "A1B2C3D4"),
        op("PostingsResource#listSummaries/1", c -> c.postings().listSummaries(ListParams.builder().limit(1).search("rep").build()))
            .pages("/api/v2/postings/list", "limit=1&search=rep", POSTING_ID, summary(POSTING_ID), summary("A1B2C3D4"))
            .returnsItems(PostingSummary::getId, POSTING_ID, "A1B2C3D4"),
        op("PostingsResource#get/1", c -> c.postings().get(POSTING_ID))
            .responds(200, single(posting(POSTING_ID))).expects("GET", one)
            .returns(PostingResponse.class, r -> assertEquals("Customer Service Representative", r.getTitle())),
        op("PostingsResource#update/2", c -> c.postings().update(POSTING_ID, new UpdatePostingRequest().title("Senior CSR")))
            .responds(200, single(posting(POSTING_ID))).expects("PATCH", one).withBody(j("{'title':'Senior CSR'}"))
            .returns(PostingResponse.class, r -> assertEquals(POSTING_ID, r.getId())),
        op("PostingsResource#updateWorkflowStep/3", c -> c.postings().updateWorkflowStep(POSTING_ID, "step_1",
            new UpdateWorkflowStepRequest().putConfig("video", false)))
            .responds(200, single(posting(POSTING_ID))).expects("PATCH", one + "/workflow/step_1")
            .withBody(j("{'config':{'video':false}}"))
            .returns(PostingResponse.class, r -> assertEquals(POSTING_ID, r.getId())),
        op("PostingsResource#stats/1", c -> c.postings().stats(POSTING_ID))
            .responds(200, single(j("{'object':'posting_stats','posting_id':'" + POSTING_ID + "','title':'CSR',"
                + "'total_candidates':42,'completed_interviews':30,'average_interview_score':3.8}")))
            .expects("GET", one + "/stats")
            .returns(PostingStatsResponse.class, r -> {
              assertEquals(42L, r.getTotalCandidates());
              assertEquals(3.8, r.getAverageInterviewScore());
            }),
        op("PostingsResource#archive/1", c -> c.postings().archive(POSTING_ID))
            .responds(200, single(posting(POSTING_ID).replace("\"archived\":false", "\"archived\":true")))
            .expects("POST", one + "/archive")
            .returns(PostingResponse.class, r -> assertEquals(true, r.getArchived())),
        op("PostingsResource#activate/1", c -> c.postings().activate(POSTING_ID))
            .responds(200, single(posting(POSTING_ID))).expects("POST", one + "/activate")
            .returns(PostingResponse.class, r -> assertEquals(false, r.getArchived())),
        op("PostingsResource#clone/1", c -> c.postings().clone(POSTING_ID))
            .responds(201, single(createdPosting("A1B2C3D4"))).expects("POST", one + "/clone")
            .returns(CreatePostingResponse.class, r -> assertEquals("A1B2C3D4", r.getId())),

        op("PostingsResource.WithRawResponse#create/1", c -> c.postings().withRawResponse()
            .create(new CreatePostingRequest().interviewTemplateId("it_1")))
            .responds(201, single(createdPosting(POSTING_ID))).expects("POST", "/api/v2/postings")
            .withBody(j("{'interview_template_id':'it_1'}")).returnsUnwrapped(201, CreatePostingResponse.class),
        op("PostingsResource.WithRawResponse#list/1", c -> c.postings().withRawResponse().list(limitOne()))
            .responds(200, page(true, posting(POSTING_ID))).expects("GET", "/api/v2/postings?limit=1")
            .returnsRaw(200, ListResponsePostingResponse.class),
        op("PostingsResource.WithRawResponse#listSummaries/1", c -> c.postings().withRawResponse().listSummaries(limitOne()))
            .responds(200, page(false, summary(POSTING_ID))).expects("GET", "/api/v2/postings/list?limit=1")
            .returnsRaw(200, ListResponsePostingSummary.class),
        op("PostingsResource.WithRawResponse#get/1", c -> c.postings().withRawResponse().get(POSTING_ID))
            .responds(200, single(posting(POSTING_ID))).expects("GET", one).returnsUnwrapped(200, PostingResponse.class),
        op("PostingsResource.WithRawResponse#update/2", c -> c.postings().withRawResponse()
            .update(POSTING_ID, new UpdatePostingRequest().maxRetakes(2L)))
            .responds(200, single(posting(POSTING_ID))).expects("PATCH", one).withBody(j("{'max_retakes':2}"))
            .returnsUnwrapped(200, PostingResponse.class),
        op("PostingsResource.WithRawResponse#updateWorkflowStep/3", c -> c.postings().withRawResponse()
            .updateWorkflowStep(POSTING_ID, "step_2", new UpdateWorkflowStepRequest().putConfig("num_questions", 5)))
            .responds(200, single(posting(POSTING_ID))).expects("PATCH", one + "/workflow/step_2")
            .withBody(j("{'config':{'num_questions':5}}")).returnsUnwrapped(200, PostingResponse.class),
        op("PostingsResource.WithRawResponse#stats/1", c -> c.postings().withRawResponse().stats(POSTING_ID))
            .responds(200, single(j("{'object':'posting_stats','posting_id':'" + POSTING_ID + "','total_candidates':0}")))
            .expects("GET", one + "/stats").returnsUnwrapped(200, PostingStatsResponse.class),
        op("PostingsResource.WithRawResponse#archive/1", c -> c.postings().withRawResponse().archive(POSTING_ID))
            .responds(200, single(posting(POSTING_ID))).expects("POST", one + "/archive").returnsUnwrapped(200, PostingResponse.class),
        op("PostingsResource.WithRawResponse#activate/1", c -> c.postings().withRawResponse().activate(POSTING_ID))
            .responds(200, single(posting(POSTING_ID))).expects("POST", one + "/activate").returnsUnwrapped(200, PostingResponse.class),
        op("PostingsResource.WithRawResponse#clone/1", c -> c.postings().withRawResponse().clone(POSTING_ID))
            .responds(201, single(createdPosting("A1B2C3D4"))).expects("POST", one + "/clone")
            .returnsUnwrapped(201, CreatePostingResponse.class));
  }

  private static String summary(String id) {
    return j("{'object':'posting_summary','id':'" + id + "','title':'Customer Service Representative','name':'CSR'}");
  }

  private static List<Operation> interviews() {
    String data = "/api/v2/interviews/iv_1/data";
    String metadata = "/api/v2/interviews/iv_1/metadata";
    Consumer<Map<?, ?>> isStored = m -> assertEquals(Map.of("external_id", "ats_12345", "source", "referral"), m);
    return List.of(
        op("InterviewsResource#getData/1", c -> c.interviews().getData("iv_1"))
            .responds(200, single(interviewData("completed"))).expects("GET", data)
            .returns(InterviewDataResponse.class, r -> {
              assertEquals("completed", r.getStatus());
              assertEquals(4.5, r.getScore());
            }),
        op("InterviewsResource#getDataAsync/1", c -> c.interviews().getDataAsync("iv_1"))
            .responds(200, single(interviewData("evaluating"))).expects("GET", data)
            .returns(InterviewDataResponse.class, r -> assertEquals("evaluating", r.getStatus())),
        op("InterviewsResource#awaitData/1", c -> c.interviews().awaitData("iv_1"))
            .responds(200, single(interviewData("not_ready"))).expects("GET", data)
            .responds(200, single(interviewData("evaluating"))).expects("GET", data)
            .responds(200, single(interviewData("completed"))).expects("GET", data)
            .returns(InterviewDataResponse.class, r -> assertEquals("completed", r.getStatus())),
        op("InterviewsResource#awaitData/2", c -> c.interviews().awaitData("iv_1", FAST))
            .responds(200, single(interviewData("evaluating"))).expects("GET", data)
            .responds(200, single(interviewData("knocked_out"))).expects("GET", data)
            .returns(InterviewDataResponse.class, r -> assertEquals("knocked_out", r.getStatus())),
        op("InterviewsResource#awaitDataAsync/2", c -> c.interviews().awaitDataAsync("iv_1", FAST))
            .responds(200, single(interviewData("not_ready"))).expects("GET", data)
            .responds(200, single(interviewData("completed"))).expects("GET", data)
            .returns(InterviewDataResponse.class, r -> assertEquals("completed", r.getStatus())),
        op("InterviewsResource#getMetadata/1", c -> c.interviews().getMetadata("iv_1"))
            .responds(200, single(METADATA)).expects("GET", metadata).returns(Map.class, isStored::accept),
        op("InterviewsResource#getMetadataAsync/1", c -> c.interviews().getMetadataAsync("iv_1"))
            .responds(200, single(METADATA)).expects("GET", metadata).returns(Map.class, isStored::accept),
        op("InterviewsResource#setMetadata/2", c -> c.interviews().setMetadata("iv_1",
            Map.of("external_id", "ats_12345", "source", "referral")))
            .responds(200, single(METADATA)).expects("POST", metadata)
            .withBody(j("{'metadata':{'external_id':'ats_12345','source':'referral'}}")).returns(Map.class, isStored::accept),
        op("InterviewsResource#setMetadataAsync/2", c -> c.interviews().setMetadataAsync("iv_1", Map.of("external_id", "ats_12345")))
            .responds(200, single(METADATA)).expects("POST", metadata).withBody(j("{'metadata':{'external_id':'ats_12345'}}"))
            .returns(Map.class, isStored::accept),
        op("InterviewsResource#deleteMetadata/1", c -> c.interviews().deleteMetadata("iv_1"))
            .responds(200, single(j("{'object':'metadata','metadata':{}}"))).expects("DELETE", metadata)
            .returns(Map.class, m -> assertTrue(m.isEmpty())),
        op("InterviewsResource#deleteMetadataAsync/1", c -> c.interviews().deleteMetadataAsync("iv_1"))
            .responds(200, single(j("{'object':'metadata','metadata':null}"))).expects("DELETE", metadata)
            .returns(Map.class, m -> assertTrue(m.isEmpty())),

        op("InterviewsResource.WithRawResponse#getData/1", c -> c.interviews().withRawResponse().getData("iv_1"))
            .responds(200, single(interviewData("completed"))).expects("GET", data)
            .returnsUnwrapped(200, InterviewDataResponse.class),
        op("InterviewsResource.WithRawResponse#getDataAsync/1", c -> c.interviews().withRawResponse().getDataAsync("iv_1"))
            .responds(200, single(interviewData("completed"))).expects("GET", data)
            .returnsUnwrapped(200, InterviewDataResponse.class),
        op("InterviewsResource.WithRawResponse#getMetadata/1", c -> c.interviews().withRawResponse().getMetadata("iv_1"))
            .responds(200, single(METADATA)).expects("GET", metadata).returnsUnwrapped(200, MetadataResponse.class),
        op("InterviewsResource.WithRawResponse#getMetadataAsync/1", c -> c.interviews().withRawResponse().getMetadataAsync("iv_1"))
            .responds(200, single(METADATA)).expects("GET", metadata).returnsUnwrapped(200, MetadataResponse.class),
        op("InterviewsResource.WithRawResponse#setMetadata/2", c -> c.interviews().withRawResponse()
            .setMetadata("iv_1", Map.of("source", "referral")))
            .responds(200, single(METADATA)).expects("POST", metadata).withBody(j("{'metadata':{'source':'referral'}}"))
            .returnsUnwrapped(200, MetadataResponse.class),
        op("InterviewsResource.WithRawResponse#setMetadataAsync/2", c -> c.interviews().withRawResponse()
            .setMetadataAsync("iv_1", Map.of("source", "referral")))
            .responds(200, single(METADATA)).expects("POST", metadata).withBody(j("{'metadata':{'source':'referral'}}"))
            .returnsUnwrapped(200, MetadataResponse.class),
        op("InterviewsResource.WithRawResponse#deleteMetadata/1", c -> c.interviews().withRawResponse().deleteMetadata("iv_1"))
            .responds(200, single(j("{'object':'metadata','metadata':{}}"))).expects("DELETE", metadata)
            .returnsUnwrapped(200, MetadataResponse.class),
        op("InterviewsResource.WithRawResponse#deleteMetadataAsync/1", c -> c.interviews().withRawResponse()
            .deleteMetadataAsync("iv_1"))
            .responds(200, single(j("{'object':'metadata','metadata':{}}"))).expects("DELETE", metadata)
            .returnsUnwrapped(200, MetadataResponse.class));
  }

  private static List<Operation> candidates() {
    String base = "/api/v2/postings/" + POSTING_ID + "/candidates";
    return List.of(
        op("CandidatesResource#ingest/2", c -> c.candidates().ingest(POSTING_ID, jane()))
            .responds(201, single(INGESTED)).expects("POST", base).withBody(JANE)
            .returns(IngestCandidateResponse.class, r -> {
              assertEquals("iv_1", r.getInterviewId());
              assertEquals("https://app.heymilo.ai/interview/iv_1", r.getInterviewUrl());
              assertEquals("jane@example.com", r.getCandidate().getEmail());
            }),
        op("CandidatesResource#ingestBulk/2", c -> c.candidates().ingestBulk(POSTING_ID, janeAndJohn()))
            .responds(201, single(BULK_INGESTED)).expects("POST", base + "/bulk").withBody(JANE_AND_JOHN)
            .returnsItems(BulkIngestCandidateResponseItem::getInterviewId, "iv_1", "iv_2"),
        op("CandidatesResource#enqueue/2", c -> c.candidates().enqueue(POSTING_ID, jane()))
            .responds(202, single(QUEUED)).expects("POST", base + "/async").withBody(JANE)
            .returns(AsyncIngestResponse.class, r -> {
              assertEquals("intake_abc123", r.getIngestionId());
              assertEquals("queued", r.getStatus());
            }),
        op("CandidatesResource#enqueueBulk/2", c -> c.candidates().enqueueBulk(POSTING_ID, janeAndJohn()))
            .responds(202, single(QUEUED)).expects("POST", base + "/bulk/async").withBody(JANE_AND_JOHN)
            .returns(AsyncIngestResponse.class, r -> assertEquals("intake_abc123", r.getIngestionId())),
        // The cursor of candidates is the interview id (the spec says so), not the candidate id.
        op("CandidatesResource#list/1", c -> c.candidates().list(POSTING_ID))
            .pages(base, "", "iv_1", candidate("iv_1"), candidate("iv_2"))
            .returnsItems(CandidateResponse::getInterviewId, "iv_1", "iv_2"),
        op("CandidatesResource#list/2", c -> c.candidates().list(POSTING_ID, ListParams.builder().limit(1).startingAfter("iv_0")
            .createdAfter("2026-03-13T00:00:00Z").createdBefore("1773532799").build()))
            .responds(200, page(true, candidate("iv_1")))
            .expects("GET", base + "?limit=1&starting_after=iv_0&created_after=2026-03-13T00:00:00Z&created_before=1773532799")
            .responds(200, page(false, candidate("iv_2")))
            .expects("GET", base + "?limit=1&starting_after=iv_1&created_after=2026-03-13T00:00:00Z&created_before=1773532799")
            .returnsItems(CandidateResponse::getInterviewId, "iv_1", "iv_2"),

        op("CandidatesResource.WithRawResponse#ingest/2", c -> c.candidates().withRawResponse().ingest(POSTING_ID, jane()))
            .responds(201, single(INGESTED)).expects("POST", base).withBody(JANE)
            .returnsUnwrapped(201, IngestCandidateResponse.class),
        op("CandidatesResource.WithRawResponse#ingestBulk/2", c -> c.candidates().withRawResponse()
            .ingestBulk(POSTING_ID, janeAndJohn()))
            .responds(201, single(BULK_INGESTED)).expects("POST", base + "/bulk").withBody(JANE_AND_JOHN)
            .returnsUnwrapped(201, List.class),
        op("CandidatesResource.WithRawResponse#enqueue/2", c -> c.candidates().withRawResponse().enqueue(POSTING_ID, jane()))
            .responds(202, single(QUEUED)).expects("POST", base + "/async").withBody(JANE)
            .returnsUnwrapped(202, AsyncIngestResponse.class),
        op("CandidatesResource.WithRawResponse#enqueueBulk/2", c -> c.candidates().withRawResponse()
            .enqueueBulk(POSTING_ID, janeAndJohn()))
            .responds(202, single(QUEUED)).expects("POST", base + "/bulk/async").withBody(JANE_AND_JOHN)
            .returnsUnwrapped(202, AsyncIngestResponse.class),
        op("CandidatesResource.WithRawResponse#list/2", c -> c.candidates().withRawResponse().list(POSTING_ID, limitOne()))
            .responds(200, page(true, candidate("iv_1"))).expects("GET", base + "?limit=1")
            .returnsRaw(200, ListResponseCandidateResponse.class));
  }

  private static List<Operation> questions() {
    String base = "/api/v2/postings/" + POSTING_ID + "/questions";
    CreateQuestionRequest create = new CreateQuestionRequest().modality(CreateQuestionRequest.ModalityEnum.VOICE)
        .text("Tell me about a time you handled a difficult customer.");
    String createBody = j("{'modality':'voice','text':'Tell me about a time you handled a difficult customer.'}");
    ReorderQuestionsRequest reorder = new ReorderQuestionsRequest().modality(ReorderQuestionsRequest.ModalityEnum.VOICE)
        .order(List.of("q_2", "q_1"));
    String reorderBody = j("{'modality':'voice','order':['q_2','q_1']}");
    return List.of(
        op("QuestionsResource#list/1", c -> c.questions().list(POSTING_ID))
            .pages(base, "", "q_1", question("q_1", 1), question("q_2", 2))
            .returnsItems(QuestionResponse::getId, "q_1", "q_2"),
        op("QuestionsResource#list/2", c -> c.questions().list(POSTING_ID, ListParams.builder().limit(1).modality("voice").build()))
            .pages(base, "modality=voice&limit=1", "q_1", question("q_1", 1), question("q_2", 2))
            .returnsItems(QuestionResponse::getId, "q_1", "q_2"),
        op("QuestionsResource#create/2", c -> c.questions().create(POSTING_ID, create))
            .responds(201, single(question("q_3", 3))).expects("POST", base).withBody(createBody)
            .returns(QuestionResponse.class, r -> {
              assertEquals("q_3", r.getId());
              assertEquals(3L, r.getRank());
            }),
        op("QuestionsResource#get/2", c -> c.questions().get(POSTING_ID, "q_1"))
            .responds(200, single(question("q_1", 1))).expects("GET", base + "/q_1")
            .returns(QuestionResponse.class, r -> assertEquals("voice", r.getModality())),
        op("QuestionsResource#update/3", c -> c.questions().update(POSTING_ID, "q_1", new UpdateQuestionRequest().scoreWeight(3L)))
            .responds(200, single(question("q_1", 1))).expects("PATCH", base + "/q_1").withBody(j("{'score_weight':3}"))
            .returns(QuestionResponse.class, r -> assertEquals("q_1", r.getId())),
        op("QuestionsResource#delete/2", c -> c.questions().delete(POSTING_ID, "q_1"))
            .responds(200, single(question("q_1", 1))).expects("DELETE", base + "/q_1")
            .returns(QuestionResponse.class, r -> assertEquals("q_1", r.getId())),
        op("QuestionsResource#reorder/2", c -> c.questions().reorder(POSTING_ID, reorder))
            .responds(200, page(false, question("q_2", 1), question("q_1", 2))).expects("POST", base + "/reorder")
            .withBody(reorderBody).returnsItems(QuestionResponse::getId, "q_2", "q_1"),

        op("QuestionsResource.WithRawResponse#list/2", c -> c.questions().withRawResponse().list(POSTING_ID, limitOne()))
            .responds(200, page(false, question("q_1", 1))).expects("GET", base + "?limit=1")
            .returnsRaw(200, ListResponseQuestionResponse.class),
        op("QuestionsResource.WithRawResponse#create/2", c -> c.questions().withRawResponse().create(POSTING_ID, create))
            .responds(201, single(question("q_3", 3))).expects("POST", base).withBody(createBody)
            .returnsUnwrapped(201, QuestionResponse.class),
        op("QuestionsResource.WithRawResponse#get/2", c -> c.questions().withRawResponse().get(POSTING_ID, "q_1"))
            .responds(200, single(question("q_1", 1))).expects("GET", base + "/q_1").returnsUnwrapped(200, QuestionResponse.class),
        op("QuestionsResource.WithRawResponse#update/3", c -> c.questions().withRawResponse()
            .update(POSTING_ID, "q_1", new UpdateQuestionRequest().text("Why this role?")))
            .responds(200, single(question("q_1", 1))).expects("PATCH", base + "/q_1").withBody(j("{'text':'Why this role?'}"))
            .returnsUnwrapped(200, QuestionResponse.class),
        op("QuestionsResource.WithRawResponse#delete/2", c -> c.questions().withRawResponse().delete(POSTING_ID, "q_1"))
            .responds(200, single(question("q_1", 1))).expects("DELETE", base + "/q_1")
            .returnsUnwrapped(200, QuestionResponse.class),
        op("QuestionsResource.WithRawResponse#reorder/2", c -> c.questions().withRawResponse().reorder(POSTING_ID, reorder))
            .responds(200, page(false, question("q_2", 1), question("q_1", 2))).expects("POST", base + "/reorder")
            .withBody(reorderBody).returnsRaw(200, ListResponseQuestionResponse.class));
  }

  private static List<Operation> webhooks() {
    String hookA = "42AE4CFA720B1C35D499E9E39C14F321";
    String hookB = "9B1E0C7D2A5F4E3B8C6D1A0F9E8D7C6B";
    CreateWebhookRequest create = new CreateWebhookRequest().postingId(POSTING_ID)
        .webhookUrl("https://example.com/hooks/heymilo").eventType("interview_completed");
    String createBody = j("{'posting_id':'" + POSTING_ID + "','webhook_url':'https://example.com/hooks/heymilo',"
        + "'event_type':'interview_completed'}");
    return List.of(
        op("WebhooksResource#create/1", c -> c.webhooks().create(create))
            .responds(201, single(webhook(hookA, true))).expects("POST", "/api/v2/webhooks").withBody(createBody)
            .returns(WebhookResponse.class, r -> {
              assertEquals(hookA, r.getWebhookId());
              assertEquals(true, r.getIsActive());
            }),
        // The cursor of webhooks is webhook_id: the model has no id field.
        op("WebhooksResource#list/0", c -> c.webhooks().list())
            .pages("/api/v2/webhooks", "", hookA, webhook(hookA, true), webhook(hookB, true))
            .returnsItems(WebhookResponse::getWebhookId, hookA, hookB),
        op("WebhooksResource#list/1", c -> c.webhooks().list(limitOne()))
            .pages("/api/v2/webhooks", "limit=1", hookA, webhook(hookA, true), webhook(hookB, true))
            .returnsItems(WebhookResponse::getWebhookId, hookA, hookB),
        op("WebhooksResource#get/1", c -> c.webhooks().get(hookA))
            .responds(200, single(webhook(hookA, true))).expects("GET", "/api/v2/webhooks/" + hookA)
            .returns(WebhookResponse.class, r -> assertEquals("interview_completed", r.getEventType())),
        op("WebhooksResource#delete/1", c -> c.webhooks().delete(hookA))
            .responds(200, single(webhook(hookA, false))).expects("DELETE", "/api/v2/webhooks/" + hookA)
            .returns(WebhookResponse.class, r -> assertEquals(false, r.getIsActive())),

        op("WebhooksResource.WithRawResponse#create/1", c -> c.webhooks().withRawResponse().create(create))
            .responds(201, single(webhook(hookA, true))).expects("POST", "/api/v2/webhooks").withBody(createBody)
            .returnsUnwrapped(201, WebhookResponse.class),
        op("WebhooksResource.WithRawResponse#list/1", c -> c.webhooks().withRawResponse().list(limitOne()))
            .responds(200, page(true, webhook(hookA, true))).expects("GET", "/api/v2/webhooks?limit=1")
            .returnsRaw(200, ListResponseWebhookResponse.class),
        op("WebhooksResource.WithRawResponse#get/1", c -> c.webhooks().withRawResponse().get(hookA))
            .responds(200, single(webhook(hookA, true))).expects("GET", "/api/v2/webhooks/" + hookA)
            .returnsUnwrapped(200, WebhookResponse.class),
        op("WebhooksResource.WithRawResponse#delete/1", c -> c.webhooks().withRawResponse().delete(hookA))
            .responds(200, single(webhook(hookA, false))).expects("DELETE", "/api/v2/webhooks/" + hookA)
            .returnsUnwrapped(200, WebhookResponse.class));
  }

  private static List<Operation> voices() {
    String preview = "/api/v2/voices/voice_sarah/preview";
    return List.of(
        op("VoicesResource#list/0", c -> c.voices().list())
            .pages("/api/v2/voices", "", "voice_sarah", voice("voice_sarah"), voice("voice_james"))
            .returnsItems(VoiceResponse::getId, "voice_sarah", "voice_james"),
        op("VoicesResource#list/1", c -> c.voices().list(ListParams.builder().limit(1).search("sa").build()))
            .pages("/api/v2/voices", "limit=1&search=sa", "voice_sarah", voice("voice_sarah"), voice("voice_james"))
            .returnsItems(VoiceResponse::getId, "voice_sarah", "voice_james"),
        op("VoicesResource#get/1", c -> c.voices().get("voice_sarah"))
            .responds(200, single(voice("voice_sarah"))).expects("GET", "/api/v2/voices/voice_sarah")
            .returns(VoiceResponse.class, r -> assertEquals("Sarah", r.getName())),
        op("VoicesResource#getPreview/1", c -> c.voices().getPreview("voice_sarah"))
            .responds(audio(MP3)).expects("GET", preview)
            .returns(byte[].class, bytes -> assertArrayEquals(MP3, bytes)),
        op("VoicesResource#openPreview/1", c -> c.voices().openPreview("voice_sarah"))
            .responds(audio(MP3)).expects("GET", preview)
            .returns(byte[].class, bytes -> assertArrayEquals(MP3, bytes)), // the runner reads and closes the stream

        op("VoicesResource.WithRawResponse#list/1", c -> c.voices().withRawResponse().list(limitOne()))
            .responds(200, page(false, voice("voice_sarah"))).expects("GET", "/api/v2/voices?limit=1")
            .returnsRaw(200, ListResponseVoiceResponse.class),
        op("VoicesResource.WithRawResponse#get/1", c -> c.voices().withRawResponse().get("voice_sarah"))
            .responds(200, single(voice("voice_sarah"))).expects("GET", "/api/v2/voices/voice_sarah")
            .returnsUnwrapped(200, VoiceResponse.class),
        op("VoicesResource.WithRawResponse#getPreview/1", c -> c.voices().withRawResponse().getPreview("voice_sarah"))
            .responds(audio(MP3)).expects("GET", preview)
            .returns(RawResponse.class, raw -> {
              assertEquals(200, raw.statusCode());
              assertEquals("audio/mpeg", raw.header("content-type"));
              assertArrayEquals(MP3, (byte[]) raw.data());
            }),
        op("VoicesResource.WithRawResponse#openPreview/1", c -> c.voices().withRawResponse().openPreview("voice_sarah"))
            .responds(audio(MP3)).expects("GET", preview)
            .returns(RawResponse.class, raw -> {
              assertEquals("audio/mpeg", raw.header("Content-Type"));
              assertArrayEquals(MP3, readFully((InputStream) raw.data()));
            }));
  }

  /** The eight read-only directories: a list with its filters and a get each. */
  private static List<Operation> directories() {
    List<Operation> ops = new ArrayList<>();
    ops.addAll(directory("PhoneNumbersResource", "/api/v2/phone-numbers", false, "pn_1", "pn_2",
        EveryOperationRouteTest::phoneNumber, PhoneNumberResponse.class, PhoneNumberResponse::getId,
        ListResponsePhoneNumberResponse.class, c -> c.phoneNumbers().list(), (c, p) -> c.phoneNumbers().list(p),
        (c, id) -> c.phoneNumbers().get(id), (c, p) -> c.phoneNumbers().withRawResponse().list(p),
        (c, id) -> c.phoneNumbers().withRawResponse().get(id)));
    ops.addAll(directory("SenderEmailsResource", "/api/v2/sender-emails", false, "se_1", "se_2",
        EveryOperationRouteTest::senderEmail, SenderEmailResponse.class, SenderEmailResponse::getId,
        ListResponseSenderEmailResponse.class, c -> c.senderEmails().list(), (c, p) -> c.senderEmails().list(p),
        (c, id) -> c.senderEmails().get(id), (c, p) -> c.senderEmails().withRawResponse().list(p),
        (c, id) -> c.senderEmails().withRawResponse().get(id)));
    ops.addAll(directory("EmailTemplatesResource", "/api/v2/email-templates", true, "et_1", "et_2",
        EveryOperationRouteTest::emailTemplate, EmailTemplateResponse.class, EmailTemplateResponse::getId,
        ListResponseEmailTemplateResponse.class, c -> c.emailTemplates().list(), (c, p) -> c.emailTemplates().list(p),
        (c, id) -> c.emailTemplates().get(id), (c, p) -> c.emailTemplates().withRawResponse().list(p),
        (c, id) -> c.emailTemplates().withRawResponse().get(id)));
    ops.addAll(directory("EmailTemplateGroupsResource", "/api/v2/email-template-groups", true, "etg_1", "etg_2",
        EveryOperationRouteTest::emailTemplateGroup, EmailTemplateGroupResponse.class, EmailTemplateGroupResponse::getId,
        ListResponseEmailTemplateGroupResponse.class, c -> c.emailTemplateGroups().list(), (c, p) -> c.emailTemplateGroups().list(p),
        (c, id) -> c.emailTemplateGroups().get(id), (c, p) -> c.emailTemplateGroups().withRawResponse().list(p),
        (c, id) -> c.emailTemplateGroups().withRawResponse().get(id)));
    ops.addAll(directory("DesignTemplatesResource", "/api/v2/design-templates", true, "dt_1", "dt_2",
        EveryOperationRouteTest::designTemplate, DesignTemplateResponse.class, DesignTemplateResponse::getId,
        ListResponseDesignTemplateResponse.class, c -> c.designTemplates().list(), (c, p) -> c.designTemplates().list(p),
        (c, id) -> c.designTemplates().get(id), (c, p) -> c.designTemplates().withRawResponse().list(p),
        (c, id) -> c.designTemplates().withRawResponse().get(id)));
    ops.addAll(directory("DesignTemplateGroupsResource", "/api/v2/design-template-groups", true, "dtg_1", "dtg_2",
        EveryOperationRouteTest::designTemplateGroup, DesignTemplateGroupResponse.class, DesignTemplateGroupResponse::getId,
        ListResponseDesignTemplateGroupResponse.class, c -> c.designTemplateGroups().list(), (c, p) -> c.designTemplateGroups().list(p),
        (c, id) -> c.designTemplateGroups().get(id), (c, p) -> c.designTemplateGroups().withRawResponse().list(p),
        (c, id) -> c.designTemplateGroups().withRawResponse().get(id)));
    ops.addAll(directory("InterviewTemplatesResource", "/api/v2/interview-templates", true, "it_1", "it_2",
        EveryOperationRouteTest::interviewTemplate, InterviewTemplateResponse.class, InterviewTemplateResponse::getId,
        ListResponseInterviewTemplateResponse.class, c -> c.interviewTemplates().list(), (c, p) -> c.interviewTemplates().list(p),
        (c, id) -> c.interviewTemplates().get(id), (c, p) -> c.interviewTemplates().withRawResponse().list(p),
        (c, id) -> c.interviewTemplates().withRawResponse().get(id)));
    ops.addAll(directory("DomainsResource", "/api/v2/domains", false, "dom_1", "dom_2",
        EveryOperationRouteTest::domain, CustomDomainResponse.class, CustomDomainResponse::getId,
        ListResponseCustomDomainResponse.class, c -> c.domains().list(), (c, p) -> c.domains().list(p),
        (c, id) -> c.domains().get(id), (c, p) -> c.domains().withRawResponse().list(p),
        (c, id) -> c.domains().withRawResponse().get(id)));
    return ops;
  }

  private static <T> List<Operation> directory(String resource, String route, boolean search, String idA, String idB,
      Function<String, String> item, Class<T> type, Function<T, String> idOf, Class<?> envelope,
      Function<HeyMiloClient, Object> list, Call2<ListParams> listWith, Call2<String> get, Call2<ListParams> rawList,
      Call2<String> rawGet) {
    ListParams filters = search ? ListParams.builder().limit(1).search("acme").build() : limitOne();
    String query = search ? "limit=1&search=acme" : "limit=1";
    return List.of(
        op(resource + "#list/0", list).pages(route, "", idA, item.apply(idA), item.apply(idB)).returnsItems(idOf, idA, idB),
        op(resource + "#list/1", c -> listWith.apply(c, filters))
            .pages(route, query, idA, item.apply(idA), item.apply(idB)).returnsItems(idOf, idA, idB),
        op(resource + "#get/1", c -> get.apply(c, idA))
            .responds(200, single(item.apply(idA))).expects("GET", route + "/" + idA)
            .returns(type, r -> assertEquals(idA, idOf.apply(r))),
        op(resource + ".WithRawResponse#list/1", c -> rawList.apply(c, filters))
            .responds(200, page(false, item.apply(idA))).expects("GET", route + "?" + query).returnsRaw(200, envelope),
        op(resource + ".WithRawResponse#get/1", c -> rawGet.apply(c, idA))
            .responds(200, single(item.apply(idA))).expects("GET", route + "/" + idA).returnsUnwrapped(200, type));
  }

  private static List<Operation> workspacesSchemasHealth() {
    return List.of(
        op("WorkspacesResource#list/0", c -> c.workspaces().list())
            .responds(200, WORKSPACES).expects("GET", "/api/v2/workspaces")
            .returns(List.class, list -> {
              assertEquals(1, list.size());
              Map<?, ?> workspace = (Map<?, ?>) list.get(0);
              assertEquals("ws_1", workspace.get("workspace_id"));
              assertEquals("Acme Hiring", workspace.get("name"));
              assertEquals(12L, ((Number) workspace.get("seats")).longValue());
            }),
        op("WorkspacesResource.WithRawResponse#list/0", c -> c.workspaces().withRawResponse().list())
            .responds(200, WORKSPACES).expects("GET", "/api/v2/workspaces").returnsRaw(200, ListResponse.class),

        op("SchemasResource#agentTypes/0", c -> c.schemas().agentTypes())
            .responds(200, AGENT_TYPES).expects("GET", "/api/v2/schemas/agents")
            .returns(Map.class, m -> {
              assertEquals("Web interview", ((Map<?, ?>) m.get("web_interview")).get("label"));
              assertEquals(3L, ((Number) m.get("version")).longValue());
            }),
        op("SchemasResource#questionTypes/0", c -> c.schemas().questionTypes())
            .responds(200, QUESTION_TYPES).expects("GET", "/api/v2/schemas/question-types")
            .returns(Map.class, m -> assertEquals(List.of("open_ended", "yes_no"), m.get("voice"))),
        op("SchemasResource.WithRawResponse#agentTypes/0", c -> c.schemas().withRawResponse().agentTypes())
            .responds(200, AGENT_TYPES).expects("GET", "/api/v2/schemas/agents").returnsRaw(200, Map.class),
        op("SchemasResource.WithRawResponse#questionTypes/0", c -> c.schemas().withRawResponse().questionTypes())
            .responds(200, QUESTION_TYPES).expects("GET", "/api/v2/schemas/question-types").returnsRaw(200, Map.class),

        op("HealthResource#check/0", c -> c.health().check())
            .responds(200, HEALTH).expects("GET", "/health").withHeader("X-Health-Detail", null)
            .returns(Map.class, m -> assertEquals("ok", m.get("status"))),
        op("HealthResource#check/1", c -> c.health().check("full"))
            .responds(200, HEALTH).expects("GET", "/health").withHeader("X-Health-Detail", "full")
            .returns(Map.class, m -> assertEquals("2.14.0", m.get("version"))),
        op("HealthResource.WithRawResponse#check/1", c -> c.health().withRawResponse().check("basic"))
            .responds(200, HEALTH).expects("GET", "/health").withHeader("X-Health-Detail", "basic").returnsRaw(200, Map.class));
  }

  private static List<Operation> ats() {
    String push = "/api/v2/ats/candidates/push";
    String status = push + "/qi_1";
    ResolveCandidateRequest resolve = new ResolveCandidateRequest().atsName("bullhorn").email("jane@example.com").limit(5L);
    String resolveBody = j("{'ats_name':'bullhorn','email':'jane@example.com','limit':5}");
    PushCandidateRequest pushRequest = new PushCandidateRequest().atsName("bullhorn").interviewId("iv_1").createSubmission(true)
        .candidate(new PushCandidatePayload().firstName("Jane").lastName("Doe").email("jane@example.com"));
    String pushBody = j("{'ats_name':'bullhorn','interview_id':'iv_1','create_submission':true,"
        + "'candidate':{'first_name':'Jane','last_name':'Doe','email':'jane@example.com'}}");
    return List.of(
        op("AtsResource#resolveCandidate/1", c -> c.ats().resolveCandidate(resolve))
            .responds(200, single(RESOLVED)).expects("POST", "/api/v2/ats/candidates/resolve").withBody(resolveBody)
            .returns(ResolveCandidateResponse.class, r -> {
              assertEquals(true, r.getSuccess());
              assertEquals("BH-1001", r.getMatches().get(0).getAtsCandidateId());
            }),
        op("AtsResource#pushCandidate/1", c -> c.ats().pushCandidate(pushRequest))
            .responds(200, single(PUSHED)).expects("POST", push).withBody(pushBody)
            .returns(EnqueuePushResponse.class, r -> {
              assertEquals("qi_1", r.getItemId());
              assertEquals("queued", r.getStatus());
            }),
        op("AtsResource#getPushStatus/1", c -> c.ats().getPushStatus("qi_1"))
            .responds(200, single(pushStatus("processing"))).expects("GET", status)
            .returns(QueueItemStatus.class, r -> assertEquals("processing", r.getStatus())),
        op("AtsResource#getPushStatusAsync/1", c -> c.ats().getPushStatusAsync("qi_1"))
            .responds(200, single(pushStatus("completed"))).expects("GET", status)
            .returns(QueueItemStatus.class, r -> assertEquals("BH-1001", r.getSuccessDetails().get("ats_candidate_id"))),
        // With the default pending set, every unfinished status keeps the wait going.
        op("AtsResource#awaitPushStatus/1", c -> c.ats().awaitPushStatus("qi_1"))
            .responds(200, single(pushStatus("queued"))).expects("GET", status)
            .responds(200, single(pushStatus("pending"))).expects("GET", status)
            .responds(200, single(pushStatus("processing"))).expects("GET", status)
            .responds(200, single(pushStatus("in_progress"))).expects("GET", status)
            .responds(200, single(pushStatus("retrying"))).expects("GET", status)
            .responds(200, single(pushStatus("completed"))).expects("GET", status)
            .returns(QueueItemStatus.class, r -> assertEquals("completed", r.getStatus())),
        // The options' pending set replaces the default: "queued" now ends the wait.
        op("AtsResource#awaitPushStatus/2", c -> c.ats().awaitPushStatus("qi_1", FAST.toBuilder().pendingStatuses("waiting").build()))
            .responds(200, single(pushStatus("waiting"))).expects("GET", status)
            .responds(200, single(pushStatus("queued"))).expects("GET", status)
            .returns(QueueItemStatus.class, r -> assertEquals("queued", r.getStatus())),
        op("AtsResource#awaitPushStatusAsync/2", c -> c.ats().awaitPushStatusAsync("qi_1", FAST))
            .responds(200, single(pushStatus("queued"))).expects("GET", status)
            .responds(200, single(pushStatus("retrying"))).expects("GET", status)
            .responds(200, single(pushStatus("failed"))).expects("GET", status)
            .returns(QueueItemStatus.class, r -> assertEquals("failed", r.getStatus())),
        op("AtsResource#listConnections/0", c -> c.ats().listConnections())
            .responds(200, CONNECTIONS).expects("GET", "/api/v2/ats/connections")
            .returnsItems(AtsConnection::getIntegrationId, "int_1"),

        op("AtsResource.WithRawResponse#resolveCandidate/1", c -> c.ats().withRawResponse().resolveCandidate(resolve))
            .responds(200, single(RESOLVED)).expects("POST", "/api/v2/ats/candidates/resolve").withBody(resolveBody)
            .returnsUnwrapped(200, ResolveCandidateResponse.class),
        op("AtsResource.WithRawResponse#pushCandidate/1", c -> c.ats().withRawResponse().pushCandidate(pushRequest))
            .responds(200, single(PUSHED)).expects("POST", push).withBody(pushBody)
            .returnsUnwrapped(200, EnqueuePushResponse.class),
        op("AtsResource.WithRawResponse#getPushStatus/1", c -> c.ats().withRawResponse().getPushStatus("qi_1"))
            .responds(200, single(pushStatus("completed"))).expects("GET", status).returnsUnwrapped(200, QueueItemStatus.class),
        op("AtsResource.WithRawResponse#getPushStatusAsync/1", c -> c.ats().withRawResponse().getPushStatusAsync("qi_1"))
            .responds(200, single(pushStatus("completed"))).expects("GET", status).returnsUnwrapped(200, QueueItemStatus.class),
        op("AtsResource.WithRawResponse#listConnections/0", c -> c.ats().withRawResponse().listConnections())
            .responds(200, CONNECTIONS).expects("GET", "/api/v2/ats/connections").returnsRaw(200, ListResponseAtsConnection.class));
  }

  // ---------------------------------------------------------------------------------------------
  // The tests.

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void operation_sendsDocumentedRequest_andDecodesResult(Operation operation) throws Exception {
    operation.responses.forEach(server::enqueue);

    Object result = settle(operation.call.apply(client));

    for (int i = 0; i < operation.requests.size(); i++) {
      RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
      assertNotNull(recorded, operation + ": request " + (i + 1) + " of " + operation.requests.size() + " was never sent");
      operation.requests.get(i).check(operation + ", request " + (i + 1), recorded);
    }
    assertEquals(operation.requests.size(), server.getRequestCount(), operation + ": unexpected extra requests");
    operation.verify.accept(result);
  }

  /**
   * The coverage gate: every public method of every resource reachable from {@link HeyMiloClient},
   * and of its raw view, has a case above — and every case names a method that exists.
   */
  @Test
  void everyPublicResourceMethod_hasACase() {
    Set<String> methods = new TreeSet<>();
    for (Method accessor : HeyMiloClient.class.getMethods()) {
      Class<?> resource = accessor.getReturnType();
      if (resource.getPackage() != null && resource.getPackage().getName().equals("ai.heymilo.sdk.resources")) {
        methods.addAll(publicMethods(resource, resource.getSimpleName()));
        for (Class<?> nested : resource.getDeclaredClasses()) {
          if (Modifier.isPublic(nested.getModifiers())) {
            methods.addAll(publicMethods(nested, resource.getSimpleName() + "." + nested.getSimpleName()));
          }
        }
      }
    }
    assertTrue(methods.size() > 100, "found only " + methods);
    Set<String> covered = operations().map(o -> o.covers).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(methods);
    missing.removeAll(covered);
    Set<String> unknown = new TreeSet<>(covered);
    unknown.removeAll(methods);
    assertEquals(Set.of(), missing, "public resource methods without a case in EveryOperationRouteTest");
    assertEquals(Set.of(), unknown, "cases naming no public resource method (typo or removed method)");
    assertEquals(covered.size(), operations().count(), "two cases cover the same method");
  }

  private static Set<String> publicMethods(Class<?> type, String prefix) {
    Set<String> names = new TreeSet<>();
    for (Method method : type.getDeclaredMethods()) {
      int modifiers = method.getModifiers();
      if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !method.isSynthetic()
          && !method.getName().equals("withRawResponse")) {
        names.add(prefix + "#" + method.getName() + "/" + method.getParameterCount());
      }
    }
    return names;
  }

  static Stream<UnsupportedFilter> unsupportedFilters() {
    ListParams search = ListParams.builder().search("x").build();
    ListParams modality = ListParams.builder().modality("voice").build();
    ListParams createdAfter = ListParams.builder().createdAfter("2026-03-13T00:00:00Z").build();
    return Stream.of(
        new UnsupportedFilter("candidates().list", "modality", "limit, starting_after, created_after, created_before",
            c -> c.candidates().list(POSTING_ID, modality)),
        new UnsupportedFilter("questions().list", "search", "limit, starting_after, modality", c -> c.questions().list(POSTING_ID, search)),
        new UnsupportedFilter("webhooks().list", "search", "limit, starting_after", c -> c.webhooks().list(search)),
        new UnsupportedFilter("voices().list", "created_after", "limit, starting_after, search", c -> c.voices().list(createdAfter)),
        new UnsupportedFilter("phoneNumbers().list", "search", "limit, starting_after", c -> c.phoneNumbers().list(search)),
        new UnsupportedFilter("senderEmails().list", "search", "limit, starting_after", c -> c.senderEmails().list(search)),
        new UnsupportedFilter("emailTemplates().list", "modality", "limit, starting_after, search", c -> c.emailTemplates().list(modality)),
        new UnsupportedFilter("emailTemplateGroups().list", "modality", "limit, starting_after, search",
            c -> c.emailTemplateGroups().list(modality)),
        new UnsupportedFilter("designTemplates().list", "created_after", "limit, starting_after, search",
            c -> c.designTemplates().list(createdAfter)),
        new UnsupportedFilter("designTemplateGroups().list", "modality", "limit, starting_after, search",
            c -> c.designTemplateGroups().list(modality)),
        new UnsupportedFilter("interviewTemplates().list", "modality", "limit, starting_after, search",
            c -> c.interviewTemplates().list(modality)),
        new UnsupportedFilter("domains().list", "search", "limit, starting_after", c -> c.domains().list(search)),
        new UnsupportedFilter("postings().list", "modality", "limit, starting_after, search", c -> c.postings().list(modality)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupportedFilters")
  void list_unsupportedFilter_throwsInvalidRequestNamingIt_beforeSending(UnsupportedFilter filter) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> filter.call.apply(client));

    assertEquals(filter.parameter, e.parameter());
    assertEquals(filter.operation + " does not support " + filter.parameter + "; supported: " + filter.supported, e.getMessage());
    assertEquals(0, server.getRequestCount(), "nothing may be sent");
  }

  @Test
  void ids_blankOrChangingThePath_refusedBeforeSending() {
    InvalidRequestException blank = assertThrows(InvalidRequestException.class, () -> client.candidates().ingest(" ", jane()));
    assertEquals("postingId", blank.parameter());
    assertEquals("postingId must not be blank", blank.getMessage());

    InvalidRequestException traversal = assertThrows(InvalidRequestException.class, () -> client.questions().get(POSTING_ID, ".."));
    assertEquals("questionId", traversal.parameter());

    InvalidRequestException slash = assertThrows(InvalidRequestException.class, () -> client.voices().getPreview("a/b"));
    assertEquals("voiceId must be a single id, but was 'a/b', which would change the request path", slash.getMessage());

    assertEquals("itemId", assertThrows(InvalidRequestException.class,
        () -> client.ats().awaitPushStatusAsync("", FAST)).parameter());
    assertEquals("postingId", assertThrows(InvalidRequestException.class, () -> client.candidates().list(null)).parameter());
    assertEquals("request", assertThrows(InvalidRequestException.class, () -> client.webhooks().create(null)).parameter());
    assertEquals(0, server.getRequestCount(), "nothing may be sent");
  }

  static Stream<Idempotency> postsAndTheirIdempotency() {
    return Stream.of(
        new Idempotency("candidates().ingest", false, c -> c.candidates().ingest(POSTING_ID, jane())),
        new Idempotency("candidates().ingestBulk", false, c -> c.candidates().ingestBulk(POSTING_ID, janeAndJohn())),
        new Idempotency("candidates().enqueue", false, c -> c.candidates().enqueue(POSTING_ID, jane())),
        new Idempotency("candidates().enqueueBulk", false, c -> c.candidates().enqueueBulk(POSTING_ID, janeAndJohn())),
        new Idempotency("questions().create", false, c -> c.questions().create(POSTING_ID, new CreateQuestionRequest().text("Why?"))),
        new Idempotency("webhooks().create", false, c -> c.webhooks().create(new CreateWebhookRequest().postingId(POSTING_ID))),
        new Idempotency("ats().pushCandidate", false, c -> c.ats().pushCandidate(new PushCandidateRequest().atsName("bullhorn"))),
        new Idempotency("questions().reorder", true, c -> c.questions().reorder(POSTING_ID, new ReorderQuestionsRequest())),
        new Idempotency("questions().update", true, c -> c.questions().update(POSTING_ID, "q_1", new UpdateQuestionRequest())),
        new Idempotency("questions().delete", true, c -> c.questions().delete(POSTING_ID, "q_1")),
        new Idempotency("webhooks().delete", true, c -> c.webhooks().delete("wh_1")),
        new Idempotency("ats().resolveCandidate", true, c -> c.ats().resolveCandidate(new ResolveCandidateRequest().atsName("bullhorn"))),
        new Idempotency("ats().getPushStatus", true, c -> c.ats().getPushStatus("qi_1")),
        new Idempotency("voices().getPreview", true, c -> c.voices().getPreview("voice_sarah")),
        new Idempotency("health().check", true, c -> c.health().check()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("postsAndTheirIdempotency")
  void serverError_retriedOnlyWhenIdempotent(Idempotency operation) {
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Content-Type", "application/json")
        .setBody(j("{'error':{'type':'api_error','message':'upstream unavailable'}}")));
    server.enqueue(new MockResponse().setResponseCode(503).setBody(""));
    server.enqueue(new MockResponse().setResponseCode(503).setBody(""));

    assertThrows(InternalServerException.class, () -> operation.call.apply(client));

    assertEquals(operation.idempotent ? 3 : 1, server.getRequestCount(),
        operation.idempotent ? "an idempotent call is retried twice by default" : "a create must never be sent twice");
  }

  @Test
  void getPreview_exactly20MiB_returnsAllBytes() {
    byte[] audio = new byte[(int) VoicesResource.MAX_PREVIEW_BYTES];
    audio[audio.length - 1] = 42;
    server.enqueue(new MockResponse().setHeader("Content-Type", "audio/mpeg").setChunkedBody(new Buffer().write(audio), 1 << 20));

    byte[] read = client.voices().getPreview("voice_sarah");

    assertEquals(audio.length, read.length);
    assertEquals(42, read[read.length - 1]);
  }

  @Test
  void getPreview_declaredOver20MiB_throwsInvalidResponse() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "audio/mpeg")
        .setBody(new Buffer().write(new byte[(int) VoicesResource.MAX_PREVIEW_BYTES + 1])));

    InvalidResponseException e = assertThrows(InvalidResponseException.class, () -> client.voices().getPreview("voice_sarah"));

    assertEquals(200, e.statusCode());
    assertEquals("The preview audio of voice voice_sarah declares 20971521 bytes; getPreview reads at most 20971520 bytes "
        + "(20 MiB) into memory: use openPreview(voiceId) to stream it", e.getMessage());
  }

  @Test
  void getPreview_chunkedOver20MiB_throwsInvalidResponse() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "audio/mpeg")
        .setChunkedBody(new Buffer().write(new byte[(int) VoicesResource.MAX_PREVIEW_BYTES + 1]), 1 << 20));

    InvalidResponseException e = assertThrows(InvalidResponseException.class, () -> client.voices().getPreview("voice_sarah"));

    assertTrue(e.getMessage().startsWith("The preview audio of voice voice_sarah is longer than that; getPreview reads at most "
        + "20971520 bytes"), e.getMessage());
  }

  @Test
  void getPreview_redirectToAnotherHost_followsIt_withoutTheKey() throws Exception {
    try (MockWebServer cdn = new MockWebServer()) {
      cdn.enqueue(new MockResponse().setHeader("Content-Type", "audio/mpeg").setBody(new Buffer().write(MP3)));
      cdn.start();
      server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", cdn.url("/voices/sarah.mp3")));

      byte[] audio = client.voices().getPreview("voice_sarah");

      assertArrayEquals(MP3, audio);
      assertEquals("test-key", server.takeRequest().getHeader("X-API-KEY"));
      RecordedRequest atCdn = cdn.takeRequest(5, TimeUnit.SECONDS);
      assertEquals("/voices/sarah.mp3", atCdn.getPath());
      assertNull(atCdn.getHeader("X-API-KEY"), "the API key must not follow a redirect to another origin");
    }
  }

  @Test
  void workspacesList_entryNotAnObject_throwsInvalidResponseNamingIt() {
    server.enqueue(json(200, page(false, j("{'workspace_id':'ws_1'}"), "\"ws_2\"")));

    InvalidResponseException e = assertThrows(InvalidResponseException.class, () -> client.workspaces().list());

    assertEquals("$.data[1]", e.jsonPath());
    assertEquals("The 200 response to GET /api/v2/workspaces has a String at $.data[1] where a workspace object was expected",
        e.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // Machinery.

  /** Waits for futures, walks paged iterables, reads streams: whatever makes the requests happen. */
  private static @Nullable Object settle(@Nullable Object result) throws Exception {
    if (result instanceof CompletableFuture) {
      return settle(((CompletableFuture<?>) result).get(10, TimeUnit.SECONDS));
    }
    if (result instanceof PagedIterable) {
      List<Object> items = new ArrayList<>();
      ((PagedIterable<?>) result).forEach(items::add);
      return items;
    }
    if (result instanceof InputStream) {
      return readFully((InputStream) result);
    }
    return result;
  }

  private static byte[] readFully(InputStream stream) {
    try (InputStream closing = stream) {
      return closing.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", REQUEST_ID).setBody(body);
  }

  private static MockResponse audio(byte[] bytes) {
    return new MockResponse().setHeader("Content-Type", "audio/mpeg").setHeader("X-Request-Id", REQUEST_ID)
        .setBody(new Buffer().write(bytes));
  }

  private static Operation op(String covers, Function<HeyMiloClient, Object> call) {
    return new Operation(covers, call);
  }

  @FunctionalInterface
  private interface Call2<A> {
    Object apply(HeyMiloClient client, A argument);
  }

  /** One case: the responses to serve, the requests expected in order, and what the result must be. */
  static final class Operation {
    final String covers;
    final Function<HeyMiloClient, Object> call;
    final List<MockResponse> responses = new ArrayList<>();
    final List<ExpectedRequest> requests = new ArrayList<>();
    Consumer<@Nullable Object> verify = result -> fail("no result check");

    Operation(String covers, Function<HeyMiloClient, Object> call) {
      this.covers = covers;
      this.call = call;
    }

    Operation responds(int status, String body) {
      return responds(json(status, body));
    }

    Operation responds(MockResponse response) {
      responses.add(response);
      return this;
    }

    /** {@code target} is the path with the query, whose parameters may come in any order. */
    Operation expects(String method, String target) {
      requests.add(new ExpectedRequest(method, target));
      return this;
    }

    /** The request body must hold these JSON members (and may hold more, such as defaults). */
    Operation withBody(String json) {
      last().body = JsonParser.parseString(json);
      return this;
    }

    /** The request must carry this header value, or not carry the header when {@code value} is null. */
    Operation withHeader(String name, @Nullable String value) {
      last().headers.put(name, value);
      return this;
    }

    /**
     * Two pages: the first holds {@code first} and says has_more, so the second request must start
     * after {@code cursor}, the first item's cursor.
     */
    Operation pages(String route, String query, String cursor, String first, String second) {
      String prefix = route + "?" + (query.isEmpty() ? "" : query + "&");
      return responds(200, page(true, first)).expects("GET", query.isEmpty() ? route : route + "?" + query)
          .responds(200, page(false, second)).expects("GET", prefix + "starting_after=" + cursor);
    }

    <T> Operation returns(Class<T> type, Consumer<T> check) {
      verify = result -> {
        assertInstanceOf(type, result, covers + " returned " + result);
        check.accept(type.cast(result));
      };
      return this;
    }

    /** The result is a list whose items have these ids, in order. */
    <T> Operation returnsItems(Function<T, String> idOf, String... ids) {
      verify = result -> {
        assertInstanceOf(List.class, result, covers + " returned " + result);
        @SuppressWarnings("unchecked")
        List<T> items = (List<T>) result;
        assertEquals(Arrays.asList(ids), items.stream().map(idOf).collect(Collectors.toList()), covers);
      };
      return this;
    }

    /** A raw response with this status, data type and request id, as sent (no envelope unwrapped). */
    Operation returnsRaw(int status, Class<?> dataType) {
      verify = result -> {
        RawResponse<?> raw = assertInstanceOf(RawResponse.class, result, covers + " returned " + result);
        assertEquals(status, raw.statusCode(), covers);
        assertInstanceOf(dataType, raw.data(), covers);
        assertEquals(REQUEST_ID, raw.requestId(), covers);
        if (raw.data() instanceof ListEnvelope) {
          assertEquals(2L, ((ListEnvelope<?>) raw.data()).getPagination().getTotalCount(), covers);
        }
      };
      return this;
    }

    /** A raw response whose {@code {data, meta}} envelope was unwrapped, keeping meta and the envelope. */
    Operation returnsUnwrapped(int status, Class<?> dataType) {
      verify = result -> {
        RawResponse<?> raw = assertInstanceOf(RawResponse.class, result, covers + " returned " + result);
        assertEquals(status, raw.statusCode(), covers);
        assertInstanceOf(dataType, raw.data(), covers);
        assertEquals(REQUEST_ID, raw.requestId(), covers);
        assertNotNull(raw.meta(), covers + ": meta lost");
        assertEquals(REQUEST_ID, raw.meta().get("request_id"), covers);
        assertInstanceOf(SingleEnvelope.class, raw.envelope(), covers);
      };
      return this;
    }

    private ExpectedRequest last() {
      return requests.get(requests.size() - 1);
    }

    @Override
    public String toString() {
      return covers;
    }
  }

  static final class ExpectedRequest {
    final String method;
    final HttpUrl target;
    @Nullable JsonElement body;
    final Map<String, @Nullable String> headers = new TreeMap<>();

    ExpectedRequest(String method, String target) {
      this.method = method;
      this.target = HttpUrl.get("http://localhost" + target);
    }

    void check(String what, RecordedRequest recorded) {
      HttpUrl url = recorded.getRequestUrl();
      assertEquals(method + " " + target.encodedPath(), recorded.getMethod() + " " + url.encodedPath(), what + ": route");
      assertEquals(query(target), query(url), what + ": query parameters");
      assertEquals("test-key", recorded.getHeader("X-API-KEY"), what + ": API key");
      headers.forEach((name, value) -> assertEquals(value, recorded.getHeader(name), what + ": header " + name));
      String sent = recorded.getBody().readUtf8();
      if (body != null) {
        assertTrue(String.valueOf(recorded.getHeader("Content-Type")).startsWith("application/json"), what + ": content type");
        assertJsonContains(body, JsonParser.parseString(sent), "$", what + ": body " + sent);
      } else if (method.equals("GET") || method.equals("DELETE")) {
        assertEquals("", sent, what + ": a " + method + " has no body");
      }
    }

    private static Map<String, List<String>> query(HttpUrl url) {
      Map<String, List<String>> query = new TreeMap<>();
      for (String name : url.queryParameterNames()) {
        query.put(name, url.queryParameterValues(name));
      }
      return query;
    }

    /** Every member of {@code expected} is in {@code actual} with the same value; arrays match element by element. */
    private static void assertJsonContains(JsonElement expected, JsonElement actual, String path, String what) {
      if (expected.isJsonObject()) {
        assertTrue(actual.isJsonObject(), what + ": " + path + " is not an object");
        JsonObject actualObject = actual.getAsJsonObject();
        for (Map.Entry<String, JsonElement> member : expected.getAsJsonObject().entrySet()) {
          String memberPath = path + "." + member.getKey();
          assertTrue(actualObject.has(member.getKey()), what + ": " + memberPath + " missing");
          assertJsonContains(member.getValue(), actualObject.get(member.getKey()), memberPath, what);
        }
      } else if (expected.isJsonArray()) {
        assertTrue(actual.isJsonArray(), what + ": " + path + " is not an array");
        JsonArray expectedArray = expected.getAsJsonArray();
        JsonArray actualArray = actual.getAsJsonArray();
        assertEquals(expectedArray.size(), actualArray.size(), what + ": " + path + " size");
        for (int i = 0; i < expectedArray.size(); i++) {
          assertJsonContains(expectedArray.get(i), actualArray.get(i), path + "[" + i + "]", what);
        }
      } else {
        assertEquals(expected, actual, what + ": " + path);
      }
    }
  }

  static final class UnsupportedFilter {
    final String operation;
    final String parameter;
    final String supported;
    final Function<HeyMiloClient, Object> call;

    UnsupportedFilter(String operation, String parameter, String supported, Function<HeyMiloClient, Object> call) {
      this.operation = operation;
      this.parameter = parameter;
      this.supported = supported;
      this.call = call;
    }

    @Override
    public String toString() {
      return operation + " with " + parameter;
    }
  }

  static final class Idempotency {
    final String operation;
    final boolean idempotent;
    final Function<HeyMiloClient, Object> call;

    Idempotency(String operation, boolean idempotent, Function<HeyMiloClient, Object> call) {
      this.operation = operation;
      this.idempotent = idempotent;
      this.call = call;
    }

    @Override
    public String toString() {
      return operation + (idempotent ? " (idempotent)" : " (not idempotent)");
    }
  }
}
