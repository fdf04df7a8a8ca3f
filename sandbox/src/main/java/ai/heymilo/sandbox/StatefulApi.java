package ai.heymilo.sandbox;

import ai.heymilo.sandbox.SandboxState.Interview;
import ai.heymilo.spec.operations.SchemaViolation;
import ai.heymilo.spec.operations.SpecOperations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's stateful operations: postings (with workflow steps), questions, candidates and their interviews
 * (data and metadata) and webhooks, kept in one {@link SandboxState} per sandbox. New objects start as the
 * recording of their operation with what the request sent laid over it; ids are new and in the API's formats.
 * Operations it does not keep state for (voices, templates, ATS, ...) return null and are answered by their
 * recordings. Thread-safe: one lock per sandbox around every operation.
 */
final class StatefulApi {
  /** The modalities in the order lists show them (the spec's enum order). */
  private static final List<String> MODALITIES = List.of("voice", "sms", "form", "resume_eligibility", "resume_scoring", "voice_tags");
  private static final String CANDIDATE_URL = "https://candidates.heymilo.io/acme/";
  private static final String INTERVIEW_URL = "https://candidates.heymilo.io/acme/i/";
  /** The statuses of an interview whose results are not out yet. */
  private static final Set<String> PENDING_STATUSES = Set.of("not_ready", "evaluating");

  private final SpecOperations spec;
  private final Templates templates;
  private final Ids ids;
  private final Random random;
  private final Clock clock;
  private final SandboxState state = new SandboxState();
  private SandboxState start = new SandboxState();

  StatefulApi(SpecOperations spec, Templates templates, Random random, Clock clock) {
    this.spec = spec;
    this.templates = templates;
    this.random = random;
    this.ids = new Ids(random);
    this.clock = clock;
  }

  /** Answers a request of a stateful operation; null for an operation the sandbox keeps no state for. */
  synchronized @Nullable ApiResponse handle(ApiRequest r) {
    switch (r.operation.operationId()) {
      case "listPostings": return listPostings(r, false);
      case "listPostingSummaries": return listPostings(r, true);
      case "createPosting": return createPosting(r);
      case "getPosting": return withPosting(r, p -> ok(p));
      case "updatePosting": return withPosting(r, p -> ok(update(p, r.body, "PostingResponse")));
      case "activatePosting": return withPosting(r, p -> ok(touch(p.put("status", "active").put("archived", false))));
      case "archivePosting": return withPosting(r, p -> ok(touch(p.put("status", "archived").put("archived", true))));
      case "clonePosting": return withPosting(r, this::clonePosting);
      case "getPostingStats": return withPosting(r, this::stats);
      case "updateInterviewerWorkflowStep": return withPosting(r, p -> updateStep(r, p));
      case "listQuestions": return withPosting(r, p -> listQuestions(r, p));
      case "createQuestion": return withPosting(r, p -> ApiResponse.json(201, Listing.single(addQuestion(id(p), r.body))));
      case "getQuestion": return withQuestion(r, q -> ok(q));
      case "updateQuestion": return withQuestion(r, q -> ok(update(q, r.body, "QuestionResponse")));
      case "deleteQuestion": return withQuestion(r, this::deleteQuestion);
      case "reorderQuestions": return withPosting(r, p -> reorder(r, p));
      case "listCandidates": return withPosting(r, p -> listCandidates(r, p));
      case "ingestCandidate": return withPosting(r, p -> ingest(r, p));
      case "ingestCandidateAsync": return withPosting(r, p -> {
        addCandidate(p, r.body);
        return ApiResponse.json(202, Listing.single(ingestion()));
      });
      case "ingestCandidatesBulk": return withPosting(r, p -> ingestBulk(r, p));
      case "ingestCandidatesBulkAsync": return withPosting(r, p -> {
        r.body.path("data").forEach(item -> addCandidate(p, item));
        return ApiResponse.json(202, Listing.single(ingestion()));
      });
      case "getInterviewData": return withInterview(r, this::poll);
      case "getInterviewMetadata": return withInterview(r, id -> ok(metadataResponse(id)));
      case "setInterviewMetadata": return withInterview(r, id -> {
        state.metadata.put(id, r.body.path("metadata").deepCopy());
        return ok(metadataResponse(id));
      });
      case "deleteInterviewMetadata": return withInterview(r, id -> {
        state.metadata.put(id, SandboxJson.object());
        return ok(metadataResponse(id));
      });
      case "listWebhooks": return ApiResponse.json(200, Listing.page(new ArrayList<>(state.webhooks.values()), "webhook_id", r));
      case "createWebhook": return createWebhook(r);
      case "getWebhook": return withWebhook(r, w -> ok(w));
      case "deleteWebhook": return withWebhook(r, w -> {
        state.webhooks.remove(w.path("webhook_id").asText());
        return ok(touch(w.deepCopy().put("is_active", false)));
      });
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /** Loads the recorded fixtures: the objects of the recorded lists, and the recorded polling of interview data. */
  synchronized void loadRecordings(List<StubMapping> stubs) {
    templates.file("listPostings-200.json").path("data").forEach(p -> state.postings.put(id(p), (ObjectNode) p));
    templates.file("listQuestions-200.json").path("data").forEach(q -> state.questions.put(id(q), (ObjectNode) q));
    for (String page : List.of("listCandidates-200.json", "listCandidates-200-page-2.json")) {
      for (JsonNode candidate : templates.file(page).path("data")) {
        String interviewId = candidate.path("interview_id").asText();
        state.candidates.put(interviewId, (ObjectNode) candidate);
        state.metadata.put(interviewId, candidate.path("metadata").isObject() ? candidate.get("metadata").deepCopy() : SandboxJson.object());
      }
    }
    Map<String, List<ObjectNode>> polling = recordedPolling(stubs);
    for (ObjectNode candidate : state.candidates.values()) {
      String interviewId = candidate.path("interview_id").asText();
      List<ObjectNode> states = polling.get(interviewId);
      state.interviews.put(interviewId, states != null ? new Interview(states)
          : synthesize(state.postings.get(candidate.path("posting_id").asText()), candidate, false));
    }
    templates.file("listWebhooks-200.json").path("data").forEach(w -> state.webhooks.put(w.path("webhook_id").asText(), (ObjectNode) w));
  }

  /** The interview data the recordings serve per interview id: a scenario's states in order, or one fixture. */
  private Map<String, List<ObjectNode>> recordedPolling(List<StubMapping> stubs) {
    Map<String, Map<String, StubMapping>> scenarios = new TreeMap<>();
    Map<String, List<ObjectNode>> polling = new HashMap<>();
    for (StubMapping stub : stubs) {
      Metadata metadata = stub.getMetadata();
      String path = stub.getRequest().getUrlPath();
      if (metadata == null || path == null || !"getInterviewData".equals(metadata.getString("operationId", ""))) {
        continue;
      }
      String interviewId = path.split("/")[4];
      String trigger = metadata.getString("trigger", "");
      if (trigger.equals("scenario")) {
        scenarios.computeIfAbsent(interviewId, id -> new HashMap<>()).put(stub.getRequiredScenarioState(), stub);
      } else if (trigger.equals("fixture")) {
        polling.put(interviewId, new ArrayList<>(List.of(body(stub))));
      }
    }
    scenarios.forEach((interviewId, byState) -> {
      List<ObjectNode> states = new ArrayList<>();
      String current = "Started";
      while (current != null && byState.containsKey(current) && states.size() <= byState.size()) {
        StubMapping stub = byState.get(current);
        states.add(body(stub));
        current = stub.getNewScenarioState();
      }
      polling.put(interviewId, states);
    });
    return polling;
  }

  private ObjectNode body(StubMapping stub) {
    return (ObjectNode) templates.file(stub.getResponse().getBodyFileName()).get("data");
  }

  /** The state {@link #reset()} returns to: now. */
  synchronized void markStart() {
    start = state.copy();
  }

  synchronized void reset() {
    state.restore(start);
  }

  /**
   * Adds the objects of a seed document (see the sandbox README): each is laid over the recording of its kind,
   * checked against the spec's schema, and replaces an object with the same id.
   *
   * @throws SandboxException naming the object and what is wrong with it
   */
  synchronized void seed(JsonNode seed, String where) {
    if (!seed.isObject()) {
      throw new SandboxException(where + " must be a JSON object with postings, questions, candidates, interview_data and webhooks", null);
    }
    Set<String> known = Set.of("postings", "questions", "candidates", "interview_data", "webhooks");
    for (Iterator<String> names = seed.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new SandboxException(where + " has '" + name + "', which is not one of " + new java.util.TreeSet<>(known), null);
      }
    }
    int i = 0;
    for (JsonNode patch : array(seed, "postings", where)) {
      String at = where + " postings[" + i++ + "]";
      ObjectNode posting = templates.data("getPosting", 200);
      String id = patch.hasNonNull("id") ? patch.get("id").asText() : ids.posting(state.postings::containsKey);
      posting.put("id", id);
      posting.set("urls", urls(id, patch.path("name").asText(slug(patch.path("title").asText("posting")))));
      posting.put("metadata", (String) null);
      SandboxJson.overlay(posting, patch);
      check(posting, "PostingResponse", at);
      state.postings.put(id, posting);
    }
    i = 0;
    for (JsonNode patch : array(seed, "questions", where)) {
      String at = where + " questions[" + i++ + "]";
      String postingId = existingPosting(patch, at);
      ObjectNode question = templates.data("getQuestion", 200);
      String id = patch.hasNonNull("id") ? patch.get("id").asText() : ids.question(state.questions::containsKey);
      question.put("id", id).put("posting_id", postingId);
      String modality = patch.path("modality").asText(question.path("modality").asText());
      question.put("rank", nextRank(postingId, modality));
      SandboxJson.overlay(question, patch);
      check(question, "QuestionResponse", at);
      state.questions.put(id, question);
    }
    i = 0;
    for (JsonNode patch : array(seed, "candidates", where)) {
      String at = where + " candidates[" + i++ + "]";
      ObjectNode posting = state.postings.get(existingPosting(patch, at));
      ObjectNode candidate = newCandidate(posting, patch, patch.hasNonNull("interview_id") ? patch.get("interview_id").asText() : null);
      SandboxJson.overlay(candidate, patch);
      check(candidate, "CandidateResponse", at);
      String interviewId = candidate.path("interview_id").asText();
      state.candidates.put(interviewId, candidate);
      state.metadata.put(interviewId, candidate.path("metadata").isObject() ? candidate.get("metadata").deepCopy() : SandboxJson.object());
      String status = candidate.path("status").asText();
      state.interviews.put(interviewId, synthesize(posting, candidate, status.equals("completed") || status.equals("knocked_out")));
    }
    JsonNode data = seed.path("interview_data");
    if (!data.isMissingNode() && !data.isObject()) {
      throw new SandboxException(where + " interview_data must be an object of interview id to data (one object, or a list of polls)", null);
    }
    for (Iterator<Map.Entry<String, JsonNode>> entries = data.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String interviewId = entry.getKey();
      Interview synthesized = state.interviews.get(interviewId);
      if (synthesized == null) {
        throw new SandboxException(where + " interview_data has '" + interviewId + "', which is no candidate's interview_id; seed the"
            + " candidate too", null);
      }
      List<ObjectNode> states = new ArrayList<>();
      JsonNode polls = entry.getValue().isArray() ? entry.getValue() : SandboxJson.array().add(entry.getValue());
      int poll = 0;
      for (JsonNode patch : polls) {
        ObjectNode interview = synthesized.last().deepCopy();
        SandboxJson.overlay(interview, patch);
        check(interview, "InterviewDataResponse", where + " interview_data." + interviewId + "[" + poll++ + "]");
        states.add(interview);
      }
      if (!states.isEmpty()) {
        state.interviews.put(interviewId, new Interview(states));
      }
    }
    i = 0;
    for (JsonNode patch : array(seed, "webhooks", where)) {
      String at = where + " webhooks[" + i++ + "]";
      String postingId = existingPosting(patch, at);
      ObjectNode webhook = templates.data("getWebhook", 200);
      String id = patch.hasNonNull("webhook_id") ? patch.get("webhook_id").asText() : ids.webhook(state.webhooks::containsKey);
      webhook.put("webhook_id", id).put("posting_id", postingId);
      SandboxJson.overlay(webhook, patch);
      check(webhook, "WebhookResponse", at);
      state.webhooks.put(id, webhook);
      state.deliveredWebhooks.add(id);
    }
  }

  /** Removes every object (for a sandbox without the built-in fixtures). */
  synchronized void clear() {
    state.restore(new SandboxState());
  }

  private static List<JsonNode> array(JsonNode seed, String name, String where) {
    JsonNode node = seed.path(name);
    List<JsonNode> items = new ArrayList<>();
    if (node.isMissingNode()) {
      return items;
    }
    if (!node.isArray()) {
      throw new SandboxException(where + " " + name + " must be a JSON array of objects", null);
    }
    for (JsonNode item : node) {
      if (!item.isObject()) {
        throw new SandboxException(where + " " + name + " must hold JSON objects, but has " + item, null);
      }
      items.add(item);
    }
    return items;
  }

  private String existingPosting(JsonNode patch, String at) {
    String postingId = patch.path("posting_id").asText("");
    if (postingId.isEmpty() || !state.postings.containsKey(postingId)) {
      throw new SandboxException(at + " needs a posting_id of a posting in the sandbox (built in or seeded before it), but has '"
          + postingId + "'; the postings are " + state.postings.keySet(), null);
    }
    return postingId;
  }

  private void check(JsonNode object, String schema, String at) {
    List<SchemaViolation> violations = spec.schemas().validate("/components/schemas/" + schema, object);
    if (!violations.isEmpty()) {
      throw new SandboxException(at + " is not a valid " + schema + ": " + violations, null);
    }
  }

  // ---------------------------------------------------------------- postings

  private ApiResponse listPostings(ApiRequest r, boolean summaries) {
    String search = r.query("search");
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode posting : state.postings.values()) {
      if (search != null && !posting.path("title").asText().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (summaries) {
        ObjectNode summary = SandboxJson.object().put("object", "posting_summary").put("id", id(posting))
            .put("title", posting.path("title").asText());
        summary.set("name", posting.path("name"));
        items.add(summary);
      } else {
        items.add(posting);
      }
    }
    return ApiResponse.json(200, Listing.page(items, "id", r));
  }

  private ApiResponse createPosting(ApiRequest r) {
    JsonNode body = r.body;
    List<JsonNode> workflow = new ArrayList<>();
    body.path("workflow").forEach(workflow::add);
    List<ObjectNode> copiedQuestions = new ArrayList<>();
    String templateId = SandboxJson.text(body, "interview_template_id");
    if (templateId != null) {
      ObjectNode source = interviewTemplatePosting(templateId);
      if (source == null) {
        return ApiResponse.recorded(404, "createPosting-404.json");
      }
      if (workflow.isEmpty()) {
        source.path("workflow").forEach(workflow::add);
        copiedQuestions.addAll(questionsOf(id(source), null));
      }
    }
    String id = ids.posting(state.postings::containsKey);
    ObjectNode posting = templates.data("getPosting", 200);
    ObjectNode template = posting.deepCopy();
    JsonNode requestProperties = properties("CreatePostingRequest");
    JsonNode responseProperties = properties("PostingResponse");
    for (Iterator<Map.Entry<String, JsonNode>> it = requestProperties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String name = property.getKey();
      if (!responseProperties.has(name) || name.equals("workflow")) {
        continue;
      }
      if (body.has(name)) {
        posting.set(name, body.get(name).deepCopy());
      } else if (property.getValue().has("default")) {
        posting.set(name, property.getValue().get("default").deepCopy());
      } else {
        posting.putNull(name); // Not sent, no default: the API stores nothing.
      }
    }
    posting.put("id", id);
    if (!posting.hasNonNull("name")) {
      posting.put("name", slug(posting.path("title").asText()));
    }
    posting.set("deadline", deadline(body.get("deadline")));
    posting.put("status", "active").put("finalized", true).put("archived", false).put("test_posting", false);
    posting.putNull("ats_metadata");
    posting.set("urls", urls(id, posting.path("name").asText()));
    posting.set("created_at", now());
    posting.set("updated_at", now());
    ArrayNode steps = posting.putArray("workflow");
    List<JsonNode> stepQuestions = new ArrayList<>();
    int order = 1;
    for (JsonNode step : workflow) {
      String type = step.path("type").asText();
      ObjectNode config = SandboxJson.object();
      for (JsonNode recorded : template.path("workflow")) {
        if (recorded.path("type").asText().equals(type)) {
          config = recorded.path("config").deepCopy();
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = step.path("config").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> setting = it.next();
        if (!setting.getValue().isNull()) {
          config.set(setting.getKey(), setting.getValue().deepCopy());
        }
      }
      ObjectNode created = steps.addObject();
      created.put("id", ids.workflowStep(type)).put("type", type).put("order", order++);
      created.set("config", config);
      step.path("questions").forEach(stepQuestions::add);
    }
    state.postings.put(id, posting);
    for (ObjectNode question : copiedQuestions) {
      ObjectNode copy = question.deepCopy();
      copy.put("id", ids.question(state.questions::containsKey)).put("posting_id", id);
      state.questions.put(id(copy), copy);
    }
    stepQuestions.forEach(question -> addQuestion(id, question));
    return ApiResponse.json(201, Listing.single(creation(posting, "createPosting")));
  }

  /** The CreatePostingResponse of a new posting: the recording's shape with the posting's id, status, urls and itself. */
  private ObjectNode creation(ObjectNode posting, String operationId) {
    ObjectNode created = templates.data(operationId, 201);
    created.put("id", id(posting));
    created.set("status", posting.get("status"));
    created.set("urls", posting.get("urls").deepCopy());
    created.set("created_at", posting.get("created_at"));
    created.set("posting", posting.deepCopy());
    return created;
  }

  private @Nullable ObjectNode interviewTemplatePosting(String templateId) {
    for (JsonNode template : templates.file("listInterviewTemplates-200.json").path("data")) {
      if (templateId.equals(template.path("id").asText())) {
        ObjectNode posting = state.postings.get(template.path("posting_id").asText());
        if (posting == null) { // The template's source posting was deleted or not seeded: an empty workflow.
          ObjectNode empty = SandboxJson.object().put("id", "");
          empty.putArray("workflow");
          return empty;
        }
        return posting;
      }
    }
    return null;
  }

  private ApiResponse clonePosting(ObjectNode source) {
    ObjectNode copy = source.deepCopy();
    String id = ids.posting(state.postings::containsKey);
    String name = source.path("name").asText(slug(source.path("title").asText())) + "-copy";
    copy.put("id", id).put("name", name);
    copy.set("urls", urls(id, name));
    copy.putNull("metadata");
    copy.set("created_at", now());
    copy.set("updated_at", now());
    state.postings.put(id, copy);
    for (ObjectNode question : questionsOf(id(source), null)) {
      ObjectNode cloned = question.deepCopy();
      cloned.put("id", ids.question(state.questions::containsKey)).put("posting_id", id);
      cloned.set("created_at", now());
      cloned.set("updated_at", now());
      state.questions.put(id(cloned), cloned);
    }
    return ApiResponse.json(201, Listing.single(creation(copy, "clonePosting")));
  }

  private ApiResponse stats(ObjectNode posting) {
    ObjectNode stats = templates.data("getPostingStats", 200);
    List<ObjectNode> candidates = candidatesOf(id(posting));
    int completed = 0;
    List<BigDecimal> interviewScores = new ArrayList<>();
    List<BigDecimal> resumeScores = new ArrayList<>();
    for (ObjectNode candidate : candidates) {
      if (candidate.path("status").asText().equals("completed")) {
        completed++;
      }
      if (candidate.path("score").isNumber()) {
        interviewScores.add(candidate.get("score").decimalValue());
      }
      JsonNode resume = candidate.path("agent_summary").path("resume").path("resume_score");
      if (resume.isNumber()) {
        resumeScores.add(resume.decimalValue());
      }
    }
    stats.put("posting_id", id(posting));
    stats.set("title", posting.get("title"));
    stats.set("name", posting.path("name"));
    stats.put("total_candidates", candidates.size());
    stats.put("completed_interviews", completed);
    stats.set("average_interview_score", average(interviewScores));
    stats.set("average_resume_score", average(resumeScores));
    return ok(stats);
  }

  private ApiResponse updateStep(ApiRequest r, ObjectNode posting) {
    String stepId = r.path("step_id");
    int order = 1;
    for (JsonNode step : posting.path("workflow")) {
      boolean matches = stepId.equals(step.path("id").asText()) || stepId.equals(step.path("type").asText())
          || stepId.equals(String.valueOf(order++));
      if (matches) {
        ObjectNode config = step.path("config").isObject() ? (ObjectNode) step.get("config") : ((ObjectNode) step).putObject("config");
        SandboxJson.overlay(config, r.body.path("config"));
        return ok(touch(posting));
      }
    }
    return notFound(r, "step_id");
  }

  // ---------------------------------------------------------------- questions

  private ApiResponse listQuestions(ApiRequest r, ObjectNode posting) {
    return ApiResponse.json(200, Listing.page(questionsOf(id(posting), r.query("modality")), "id", r));
  }

  private ObjectNode addQuestion(String postingId, JsonNode request) {
    ObjectNode question = templates.data("getQuestion", 200);
    JsonNode responseProperties = properties("QuestionResponse");
    JsonNode requestProperties = properties("CreateQuestionRequest");
    for (Iterator<Map.Entry<String, JsonNode>> it = requestProperties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      if (!responseProperties.has(property.getKey())) {
        continue;
      }
      if (request.has(property.getKey())) {
        question.set(property.getKey(), request.get(property.getKey()).deepCopy());
      } else if (property.getValue().has("default")) {
        question.set(property.getKey(), property.getValue().get("default").deepCopy());
      } else {
        question.putNull(property.getKey());
      }
    }
    String modality = request.path("modality").asText("voice");
    question.put("id", ids.question(state.questions::containsKey)).put("posting_id", postingId).put("modality", modality);
    question.put("rank", nextRank(postingId, modality));
    question.set("created_at", now());
    question.set("updated_at", now());
    state.questions.put(id(question), question);
    return question;
  }

  private int nextRank(String postingId, String modality) {
    int rank = 0;
    for (ObjectNode question : questionsOf(postingId, modality)) {
      rank = Math.max(rank, question.path("rank").asInt());
    }
    return rank + 1;
  }

  private ApiResponse deleteQuestion(ObjectNode question) {
    state.questions.remove(id(question));
    int rank = 1;
    for (ObjectNode other : questionsOf(question.path("posting_id").asText(), question.path("modality").asText())) {
      other.put("rank", rank++);
    }
    return ok(question);
  }

  private ApiResponse reorder(ApiRequest r, ObjectNode posting) {
    String modality = r.body.path("modality").asText();
    List<ObjectNode> current = questionsOf(id(posting), modality);
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    current.forEach(q -> byId.put(id(q), q));
    List<String> order = new ArrayList<>();
    r.body.path("order").forEach(item -> order.add(item.asText()));
    Set<String> seen = new LinkedHashSet<>();
    List<String> repeated = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String questionId : order) {
      if (!seen.add(questionId)) {
        repeated.add(questionId);
      } else if (!byId.containsKey(questionId)) {
        unknown.add(questionId);
      }
    }
    List<String> missing = new ArrayList<>(byId.keySet());
    missing.removeAll(seen);
    if (!repeated.isEmpty() || !unknown.isEmpty() || !missing.isEmpty()) {
      String problem = "order must list each " + modality + " question of posting " + id(posting) + " exactly once ("
          + byId.keySet() + ")" + (missing.isEmpty() ? "" : "; missing " + missing) + (unknown.isEmpty() ? "" : "; not "
          + modality + " questions of the posting: " + unknown) + (repeated.isEmpty() ? "" : "; repeated " + repeated);
      return ApiResponse.json(422, ApiErrors.valueError(List.of("body", "order"), problem, r.body.path("order")));
    }
    List<ObjectNode> ordered = new ArrayList<>();
    int rank = 1;
    for (String questionId : order) {
      ObjectNode question = byId.get(questionId);
      question.put("rank", rank++);
      touch(question);
      ordered.add(question);
    }
    ObjectNode page = Listing.page(ordered, "id", new ApiRequest(r.operation, r.path, Map.of("limit", List.of("100")), null,
        "/api/v2/postings/" + id(posting) + "/questions"));
    return ApiResponse.json(200, page);
  }

  private List<ObjectNode> questionsOf(String postingId, @Nullable String modality) {
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode question : state.questions.values()) {
      if (question.path("posting_id").asText().equals(postingId) && (modality == null || question.path("modality").asText().equals(modality))) {
        found.add(question);
      }
    }
    found.sort(Comparator.comparingInt((ObjectNode q) -> modalityIndex(q.path("modality").asText())).thenComparingInt(q -> q.path("rank").asInt()));
    return found;
  }

  private static int modalityIndex(String modality) {
    int index = MODALITIES.indexOf(modality);
    return index < 0 ? MODALITIES.size() : index;
  }

  // ---------------------------------------------------------------- candidates and interviews

  private ApiResponse listCandidates(ApiRequest r, ObjectNode posting) {
    BigDecimal after;
    BigDecimal before;
    try {
      after = instant(r.query("created_after"));
      before = instant(r.query("created_before"));
    } catch (DateTimeParseException e) {
      String param = e.getParsedString().equals(r.query("created_after")) ? "created_after" : "created_before";
      ObjectNode error = ApiErrors.error("invalid_request_error", "invalid_date", param + " must be an ISO-8601 datetime such as "
          + "2026-03-13T00:00:00Z or Unix epoch seconds, but was '" + e.getParsedString() + "'.", param);
      return ApiResponse.json(400, error);
    }
    if (after != null && before != null && after.compareTo(before) > 0) {
      ObjectNode error = ApiErrors.error("invalid_request_error", "invalid_date_range", "created_after (" + r.query("created_after")
          + ") must not be later than created_before (" + r.query("created_before") + ").", "created_after");
      ((ArrayNode) error.get("error").get("errors")).addObject().put("code", "invalid_param")
          .put("message", "created_after must be earlier than or equal to created_before").put("param", "created_after");
      return ApiResponse.json(400, error);
    }
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode candidate : candidatesOf(id(posting))) {
      BigDecimal created = candidate.path("created_at").isNumber() ? candidate.get("created_at").decimalValue() : null;
      boolean inRange = created == null ? after == null && before == null
          : (after == null || created.compareTo(after) >= 0) && (before == null || created.compareTo(before) <= 0);
      if (inRange) {
        items.add(candidate);
      }
    }
    return ApiResponse.json(200, Listing.page(items, "interview_id", r));
  }

  private ApiResponse ingest(ApiRequest r, ObjectNode posting) {
    ObjectNode candidate = addCandidate(posting, r.body);
    ObjectNode response = templates.data("ingestCandidate", 201);
    response.set("interview_id", candidate.get("interview_id"));
    response.set("interview_url", candidate.get("interview_url"));
    response.put("posting_id", id(posting));
    response.set("candidate", candidateView(candidate));
    return ApiResponse.json(201, Listing.single(response));
  }

  private ApiResponse ingestBulk(ApiRequest r, ObjectNode posting) {
    ArrayNode data = SandboxJson.array();
    for (JsonNode item : r.body.path("data")) {
      ObjectNode candidate = addCandidate(posting, item);
      ObjectNode entry = data.addObject().put("object", "candidate");
      entry.set("interview_id", candidate.get("interview_id"));
      entry.set("interview_url", candidate.get("interview_url"));
      JsonNode metadata = state.metadata.get(candidate.path("interview_id").asText());
      entry.set("metadata", metadata == null || metadata.isEmpty() ? null : metadata.deepCopy());
    }
    ObjectNode envelope = SandboxJson.object();
    envelope.set("data", data);
    envelope.putNull("meta");
    return ApiResponse.json(201, envelope);
  }

  private ObjectNode ingestion() {
    return templates.data("ingestCandidateAsync", 202).put("ingestion_id", ids.ingestion()).put("status", "queued");
  }

  private ObjectNode addCandidate(ObjectNode posting, JsonNode request) {
    ObjectNode candidate = newCandidate(posting, request, null);
    String interviewId = candidate.path("interview_id").asText();
    state.candidates.put(interviewId, candidate);
    state.metadata.put(interviewId, request.path("metadata").isObject() ? request.get("metadata").deepCopy() : SandboxJson.object());
    state.interviews.put(interviewId, synthesize(posting, candidate, false));
    return candidate;
  }

  /** A candidate just invited to {@code posting}: the recorded invited candidate with the request's values. */
  private ObjectNode newCandidate(ObjectNode posting, JsonNode request, @Nullable String interviewId) {
    String id = interviewId != null ? interviewId : ids.interview(key -> state.candidates.containsKey(key) || state.interviews.containsKey(key));
    ObjectNode candidate = (ObjectNode) templates.data("ingestCandidate", 201).get("candidate");
    candidate.put("interview_id", id).put("candidate_id", ids.candidate()).put("posting_id", id(posting));
    candidate.put("name", request.path("name").asText()).put("email", request.path("email").asText());
    candidate.putNull("score");
    candidate.put("status", "invited");
    candidate.put("interview_url", INTERVIEW_URL + id);
    candidate.set("workflow", workflowProgress(posting, "not_started"));
    candidate.putNull("agent_summary");
    candidate.put("shortlisted", false).put("dismissed", false);
    candidate.set("metadata", request.path("metadata").isObject() ? request.get("metadata").deepCopy() : SandboxJson.object());
    candidate.set("data", request.path("data").isObject() ? request.get("data").deepCopy() : null);
    candidate.putNull("interviewed_at");
    candidate.set("created_at", now());
    return candidate;
  }

  private ApiResponse poll(String interviewId) {
    Interview interview = state.interviews.get(interviewId);
    List<WebhookDeliveries.Delivery> events = announce(interviewId, interview, interview.next());
    ObjectNode data = interview.poll().deepCopy();
    data.set("metadata", metadataOf(interviewId));
    ObjectNode candidate = state.candidates.get(interviewId);
    String status = data.path("status").asText();
    if (candidate != null && interview.finished() && (status.equals("completed") || status.equals("knocked_out"))
        && !candidate.path("status").asText().equals(status)) {
      finish(candidate, data);
    }
    return ok(data).withDeliveries(events);
  }

  /**
   * Moves an interview on without a poll, as time passing does for a real one (to its last state with
   * {@code toTheEnd}); returns the status its next poll sees and the webhook events of the move.
   *
   * @throws IllegalArgumentException if no candidate has that interview
   */
  synchronized Map.Entry<String, List<WebhookDeliveries.Delivery>> advance(String interviewId, boolean toTheEnd) {
    Interview interview = state.interviews.get(interviewId);
    if (interview == null) {
      List<String> known = new ArrayList<>(state.interviews.keySet());
      throw new IllegalArgumentException("The sandbox has no interview '" + interviewId + "'; ingest a candidate first, or use"
          + " one of " + (known.size() > 5 ? known.subList(0, 5) + " …" : known));
    }
    int next = interview.advance();
    while (toTheEnd && next < interview.states.size() - 1) {
      next = interview.advance();
    }
    List<WebhookDeliveries.Delivery> events = announce(interviewId, interview, next);
    return Map.entry(interview.states.get(next).path("status").asText(), events);
  }

  /**
   * The webhook events of an interview reaching state {@code upTo} from the last one announced: leaving
   * {@code not_ready}, the candidate started and finished ({@code interview_started}, {@code interview_completed});
   * reaching a final status ({@code completed}, {@code knocked_out}, ...), {@code report_available}. Each goes to the
   * registered webhooks of the interview's posting for that event type.
   */
  private List<WebhookDeliveries.Delivery> announce(String interviewId, Interview interview, int upTo) {
    List<WebhookDeliveries.Delivery> events = new ArrayList<>();
    ObjectNode candidate = state.candidates.get(interviewId);
    for (int i = interview.announced + 1; i <= upTo; i++) {
      String before = interview.states.get(i - 1).path("status").asText();
      String status = interview.states.get(i).path("status").asText();
      if (before.equals("not_ready") && !status.equals("not_ready")) {
        events.addAll(deliveries("interview_started", candidate, interviewId, status));
        events.addAll(deliveries("interview_completed", candidate, interviewId, status));
      }
      if (!PENDING_STATUSES.contains(status) && PENDING_STATUSES.contains(before)) {
        events.addAll(deliveries("report_available", candidate, interviewId, status));
      }
    }
    interview.announced = Math.max(interview.announced, upTo);
    return events;
  }

  private List<WebhookDeliveries.Delivery> deliveries(String eventType, @Nullable ObjectNode candidate, String interviewId,
      String status) {
    if (candidate == null) {
      return List.of();
    }
    String postingId = candidate.path("posting_id").asText();
    ObjectNode event = SandboxJson.object().put("event_type", eventType).put("posting_id", postingId)
        .put("interview_id", interviewId).put("status", status)
        .put("timestamp", Instant.ofEpochMilli(clock.millis()).toString());
    String body = SandboxJson.write(event);
    List<WebhookDeliveries.Delivery> found = new ArrayList<>();
    for (ObjectNode webhook : state.webhooks.values()) {
      if (state.deliveredWebhooks.contains(webhook.path("webhook_id").asText())
          && webhook.path("posting_id").asText().equals(postingId)
          && webhook.path("event_type").asText().equals(eventType)
          && webhook.path("is_active").asBoolean(true)
          && webhook.path("webhook_url").isTextual()) {
        found.add(new WebhookDeliveries.Delivery(webhook.get("webhook_url").asText(), eventType, body));
      }
    }
    return found;
  }

  /** The candidate as the list shows it once the interview is evaluated. */
  private void finish(ObjectNode candidate, ObjectNode data) {
    candidate.set("status", data.get("status"));
    candidate.set("score", data.get("score"));
    candidate.set("workflow", data.get("workflow").deepCopy());
    candidate.set("interviewed_at", now());
    ObjectNode summary = SandboxJson.object();
    JsonNode resume = data.path("resume");
    if (resume.isObject()) {
      summary.putObject("resume").put("is_eligible", resume.path("is_eligible").asBoolean(true))
          .put("resume_link", resume.path("resume_url").asText()).set("resume_score", resume.get("overall_score"));
    } else {
      summary.putNull("resume");
    }
    JsonNode web = data.path("web_interview");
    if (web.isObject()) {
      ObjectNode summaryWeb = summary.putObject("web_interview");
      summaryWeb.set("score", data.get("score"));
      summaryWeb.set("highlights", web.path("highlights").deepCopy());
      summaryWeb.set("audio_recording_link", web.get("audio_recording_url"));
      summaryWeb.set("video_recording_link", web.get("video_recording_url"));
    } else {
      summary.putNull("web_interview");
    }
    summary.putNull("sms");
    JsonNode form = data.path("form");
    if (form.isObject()) {
      int answered = form.path("questions").size();
      summary.putObject("form").put("is_complete", true).put("is_eligible", form.path("overall_status").asText().equals("passed"))
          .put("questions_answered", answered).put("total_questions", answered);
    } else {
      summary.putNull("form");
    }
    candidate.set("agent_summary", summary);
  }

  private ObjectNode metadataResponse(String interviewId) {
    ObjectNode response = templates.data("getInterviewMetadata", 200);
    response.set("metadata", metadataOf(interviewId));
    return response;
  }

  private ObjectNode metadataOf(String interviewId) {
    ObjectNode metadata = state.metadata.get(interviewId);
    return metadata == null ? SandboxJson.object() : metadata.deepCopy();
  }

  private ObjectNode candidateView(ObjectNode candidate) {
    ObjectNode view = candidate.deepCopy();
    view.set("metadata", metadataOf(candidate.path("interview_id").asText()));
    return view;
  }

  private List<ObjectNode> candidatesOf(String postingId) {
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode candidate : state.candidates.values()) {
      if (candidate.path("posting_id").asText().equals(postingId)) {
        found.add(candidateView(candidate));
      }
    }
    return found;
  }

  /**
   * The data an interview's polls see: {@code not_ready} (first step in progress), {@code evaluating}, then
   * {@code completed}, built from the recorded completed interview with this candidate and posting: a scorecard entry
   * per scored voice question (its id, text, weight and rank), results of the posting's resume and form steps.
   */
  private Interview synthesize(@Nullable ObjectNode posting, ObjectNode candidate, boolean finalOnly) {
    ObjectNode completed = templates.data("getInterviewData", 200);
    String interviewId = candidate.path("interview_id").asText();
    String recordedId = completed.path("interview_id").asText();
    completed.put("interview_id", interviewId);
    completed.set("candidate_id", candidate.get("candidate_id"));
    completed.set("posting_id", candidate.get("posting_id"));
    completed.set("name", candidate.get("name"));
    completed.set("email", candidate.get("email"));
    completed.set("data", candidate.get("data") == null ? null : candidate.get("data").deepCopy());
    completed.set("workflow", workflowProgress(posting, "completed"));
    Set<String> types = new LinkedHashSet<>();
    if (posting != null) {
      posting.path("workflow").forEach(step -> types.add(step.path("type").asText()));
    }
    ObjectNode web = types.contains("web_interview") ? webInterview((ObjectNode) completed.get("web_interview"), posting, interviewId,
        recordedId) : null;
    completed.set("web_interview", web);
    completed.set("resume", types.contains("resume") ? rewrite(completed.get("resume"), recordedId, interviewId) : null);
    completed.set("form", types.contains("form") ? formResult((ObjectNode) completed.get("form"), posting, interviewId) : null);
    completed.putNull("sms");
    if (web == null) {
      completed.putNull("cheat_detection");
    }
    JsonNode score = web != null ? web.get("match_score") : completed.path("resume").path("overall_score");
    completed.set("score", score.isNumber() ? score : null);
    String finalStatus = candidate.path("status").asText();
    if (finalOnly) {
      completed.put("status", finalStatus.equals("knocked_out") ? "knocked_out" : "completed");
      return new Interview(new ArrayList<>(List.of(completed)));
    }
    ObjectNode evaluating = completed.deepCopy();
    evaluating.put("status", "evaluating");
    evaluating.putNull("score");
    evaluating.putNull("web_interview");
    evaluating.putNull("cheat_detection");
    ObjectNode notReady = evaluating.deepCopy();
    notReady.put("status", "not_ready");
    notReady.putNull("form");
    ObjectNode progress = workflowProgress(posting, "not_started");
    JsonNode firstStep = progress.path("steps").path(0);
    if (firstStep.isObject()) {
      ((ObjectNode) firstStep).put("status", "in_progress").put("started", true);
      progress.set("last_activity_at", now());
    }
    notReady.set("workflow", progress);
    return new Interview(new ArrayList<>(List.of(notReady, evaluating, completed)));
  }

  private ObjectNode webInterview(ObjectNode recorded, ObjectNode posting, String interviewId, String recordedId) {
    ObjectNode web = (ObjectNode) rewrite(recorded, recordedId, interviewId);
    JsonNode template = recorded.path("scorecard").path(0);
    String interviewer = posting.path("interviewer_name").asText("Sarah");
    ArrayNode scorecard = SandboxJson.array();
    ArrayNode transcript = SandboxJson.array();
    long weighted = 0;
    long weights = 0;
    double clock = 30.0;
    ObjectNode best = null;
    ObjectNode worst = null;
    for (ObjectNode question : questionsOf(id(posting), "voice")) {
      if (question.path("not_scored").asBoolean(false)) {
        continue;
      }
      int score = 3 + Math.floorMod(question.path("id").asText().hashCode(), 3);
      long weight = question.path("score_weight").isNumber() ? question.get("score_weight").asLong() : 1;
      weighted += score * weight;
      weights += weight;
      ObjectNode entry = template.isObject() ? template.deepCopy() : SandboxJson.object();
      entry.put("question_id", id(question)).put("question_text", question.path("text").asText()).put("score", score)
          .put("score_weight", weight).put("evaluation_summary", summary(score)).put("not_scored", false);
      entry.set("evaluation_criteria", question.get("evaluation_criteria"));
      entry.set("score_1_description", question.get("score_of_1"));
      entry.set("score_5_description", question.get("score_of_5"));
      entry.set("rank", question.get("rank"));
      ArrayNode exchange = entry.putArray("transcript");
      exchange.addObject().put("speaker", interviewer).put("text", question.path("text").asText()).put("timestamp", clock)
          .put("timestamp_str", timestamp(clock));
      exchange.addObject().put("speaker", "Candidate").put("text", answer(score)).put("timestamp", clock + 6)
          .put("timestamp_str", timestamp(clock + 6));
      exchange.forEach(line -> transcript.add(line.deepCopy()));
      clock += 45;
      scorecard.add(entry);
      if (best == null || score > best.path("score").asInt()) {
        best = entry;
      }
      if (worst == null || score < worst.path("score").asInt()) {
        worst = entry;
      }
    }
    web.set("scorecard", scorecard);
    web.set("transcript", transcript);
    if (weights == 0) {
      web.putNull("match_score");
    } else {
      web.put("match_score", matchScore(weighted, weights));
    }
    ArrayNode highlights = web.putArray("highlights");
    ArrayNode lowlights = web.putArray("lowlights");
    if (best != null && worst != null && best != worst) {
      highlights.add("Strongest answer: " + best.path("question_text").asText());
      lowlights.add("Weakest answer: " + worst.path("question_text").asText());
    }
    return web;
  }

  /** {@code 100 × Σ score·weight / (5 × Σ weight)}, rounded half up to a whole number: the interview's score out of 100. */
  static long matchScore(long weighted, long weights) {
    return BigDecimal.valueOf(100 * weighted).divide(BigDecimal.valueOf(5 * weights), 0, RoundingMode.HALF_UP).longValueExact();
  }

  private static String summary(int score) {
    switch (score) {
      case 5: return "Specific, well-structured answer with a concrete example and a clear outcome.";
      case 4: return "Clear, relevant answer with an example; some details were missing.";
      default: return "Relevant but general answer without a concrete example.";
    }
  }

  private static String answer(int score) {
    return score >= 4 ? "At my last job this came up often; I handled it step by step and followed up until it was resolved."
        : "I would try to stay calm and do my best to help.";
  }

  private static String timestamp(double seconds) {
    long whole = (long) seconds;
    return String.format(Locale.ROOT, "%02d:%02d", whole / 60, whole % 60);
  }

  private ObjectNode formResult(ObjectNode recorded, ObjectNode posting, String interviewId) {
    ObjectNode form = recorded.deepCopy();
    form.put("interview_id", interviewId).put("overall_status", "passed");
    ArrayNode answers = form.putArray("questions");
    for (ObjectNode question : questionsOf(id(posting), "form")) {
      String expected = question.path("expected_answer").isTextual() ? question.get("expected_answer").asText()
          : question.path("options").path(0).asText("yes");
      ObjectNode answer = answers.addObject().put("question_id", id(question)).put("question_text", question.path("text").asText());
      answer.set("question_type", question.get("question_type"));
      answer.put("is_knockout", question.path("is_knockout").asBoolean(false)).put("passed", true).put("candidate_answer", expected);
      answer.set("expected_answer", question.get("expected_answer"));
    }
    return form;
  }

  /** The candidate workflow for {@code posting}: a step status per workflow step. */
  private ObjectNode workflowProgress(@Nullable ObjectNode posting, String status) {
    ObjectNode workflow = SandboxJson.object();
    ArrayNode steps = workflow.putArray("steps");
    boolean done = status.equals("completed");
    if (posting != null) {
      for (JsonNode step : posting.path("workflow")) {
        ObjectNode progress = steps.addObject();
        progress.set("step_id", step.get("id"));
        progress.set("order", step.get("order"));
        progress.put("status", status).put("started", done).put("completed", done).put("knocked_out", false);
        progress.set("last_updated_at", done ? now() : null);
      }
    }
    workflow.put("all_complete", done);
    workflow.set("last_activity_at", done ? now() : null);
    return workflow;
  }

  // ---------------------------------------------------------------- webhooks

  private ApiResponse createWebhook(ApiRequest r) {
    String postingId = r.body.path("posting_id").asText();
    if (!state.postings.containsKey(postingId)) {
      return ApiResponse.recorded(404, "createWebhook-404.json");
    }
    ObjectNode webhook = templates.data("createWebhook", 201);
    webhook.put("webhook_id", ids.webhook(state.webhooks::containsKey)).put("posting_id", postingId);
    webhook.set("webhook_url", r.body.get("webhook_url"));
    webhook.set("event_type", r.body.get("event_type"));
    webhook.put("is_active", true);
    webhook.set("created_at", now());
    webhook.set("updated_at", now());
    state.webhooks.put(webhook.path("webhook_id").asText(), webhook);
    state.deliveredWebhooks.add(webhook.path("webhook_id").asText());
    return ApiResponse.json(201, Listing.single(webhook));
  }

  // ---------------------------------------------------------------- lookups

  @FunctionalInterface
  private interface Action<T> {
    ApiResponse apply(T found);
  }

  private ApiResponse withPosting(ApiRequest r, Action<ObjectNode> action) {
    ObjectNode posting = state.postings.get(r.path("posting_id"));
    return posting == null ? notFound(r, "posting_id") : action.apply(posting);
  }

  private ApiResponse withQuestion(ApiRequest r, Action<ObjectNode> action) {
    return withPosting(r, posting -> {
      ObjectNode question = state.questions.get(r.path("question_id"));
      if (question == null || !question.path("posting_id").asText().equals(id(posting))) {
        return notFound(r, "question_id");
      }
      return action.apply(question);
    });
  }

  private ApiResponse withInterview(ApiRequest r, Action<String> action) {
    String interviewId = r.path("interview_id");
    return state.interviews.containsKey(interviewId) ? action.apply(interviewId) : notFound(r, "interview_id");
  }

  private ApiResponse withWebhook(ApiRequest r, Action<ObjectNode> action) {
    ObjectNode webhook = state.webhooks.get(r.path("webhook_id"));
    return webhook == null ? notFound(r, "webhook_id") : action.apply(webhook);
  }

  /** The recorded 404 of the operation for {@code param} (the last path parameter's is the operation's main 404). */
  private ApiResponse notFound(ApiRequest r, String param) {
    List<String> params = new ArrayList<>();
    r.operation.parameters("path").forEach(p -> params.add(p.name()));
    String operationId = r.operation.operationId();
    boolean main = params.isEmpty() || params.get(params.size() - 1).equals(param);
    return ApiResponse.recorded(404, operationId + "-404" + (main ? "" : "-missing-" + param) + ".json");
  }

  // ---------------------------------------------------------------- values

  private static ApiResponse ok(JsonNode data) {
    return ApiResponse.json(200, Listing.single(data.deepCopy()));
  }

  private ObjectNode touch(ObjectNode object) {
    object.set("updated_at", now());
    return object;
  }

  /** Lays the request's members over {@code target}, those the response schema declares; null clears. */
  private ObjectNode update(ObjectNode target, JsonNode request, String responseSchema) {
    JsonNode declared = properties(responseSchema);
    for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("deadline")) {
        target.set("deadline", deadline(field.getValue()));
      } else if (declared.has(field.getKey())) {
        target.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return touch(target);
  }

  private JsonNode properties(String schema) {
    return spec.resolve(spec.root().path("components").path("schemas").path(schema)).path("properties");
  }

  private ObjectNode urls(String postingId, String name) {
    ObjectNode urls = SandboxJson.object();
    urls.put("candidate_url", CANDIDATE_URL + name);
    StringBuilder key = new StringBuilder();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 45; i++) {
      key.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    urls.put("ingestion_url_key", key.toString());
    urls.put("review_url", "https://admin.heymilo.ai/w/" + SandboxData.WORKSPACE_ID + "/lab2/" + postingId + "/1-details");
    return urls;
  }

  private static String slug(String title) {
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "posting" : slug.length() > 60 ? slug.substring(0, 60) : slug;
  }

  /** Epoch seconds with one decimal, as the API writes its timestamps. */
  private DecimalNode now() {
    return DecimalNode.valueOf(BigDecimal.valueOf(clock.millis() / 100).movePointLeft(1));
  }

  /** A request deadline (ISO-8601 text) as the response's epoch seconds; null if absent or not a date. */
  private static @Nullable JsonNode deadline(@Nullable JsonNode value) {
    if (value == null || value.isNull() || !value.isTextual()) {
      return null;
    }
    try {
      BigDecimal seconds = instant(value.asText());
      return seconds == null ? null : DecimalNode.valueOf(seconds.setScale(1, RoundingMode.UNNECESSARY));
    } catch (DateTimeParseException | ArithmeticException notADate) {
      return null;
    }
  }

  /**
   * An ISO-8601 date-time (naive values are UTC), a date, or Unix epoch seconds, as epoch seconds; null for null.
   *
   * @throws DateTimeParseException if it is none of those
   */
  private static @Nullable BigDecimal instant(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String value = text.trim();
    if (value.matches("-?\\d+(\\.\\d+)?")) {
      return new BigDecimal(value);
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        instant = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        instant = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
    }
    return BigDecimal.valueOf(instant.getEpochSecond());
  }

  private static JsonNode average(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal value : values) {
      sum = sum.add(value);
    }
    return DecimalNode.valueOf(sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP).stripTrailingZeros());
  }

  /** Replaces the recorded id in every string of a recorded object ({@code .../recordings/D536....mp3}). */
  private static @Nullable JsonNode rewrite(@Nullable JsonNode node, String from, String to) {
    if (node == null || node.isNull()) {
      return null;
    }
    return SandboxJson.read(SandboxJson.write(node).replace(from, to), "a recorded object");
  }

  private static String id(JsonNode object) {
    return object.path("id").asText();
  }
}
