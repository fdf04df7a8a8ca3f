package ai.heymilo.sandbox;

import ai.heymilo.spec.operations.Operation;
import ai.heymilo.spec.operations.Parameter;
import ai.heymilo.spec.operations.SpecOperations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes the sandbox recordings ({@code src/main/resources/ai/heymilo/sandbox/recordings/}) from
 * the merged spec and the fixture table ({@code generator/fixtures.json}): for every operation ×
 * documented status one primary mapping and body file, plus the trigger mappings that select a
 * status by key, id, query or body, and the polling scenarios.
 *
 * <p>Run it after changing the fixtures, the error texts below or the spec (see this module's
 * README); {@code RecordingsTest} fails while the committed files differ from what it generates.
 *
 * <p>Priorities (1 is tried first): 1 {@code X-Sandbox-Status}; 2 missing credentials; 3 special
 * keys; 4 realistic 422s; 5 {@code missing…} ids; 6 fixture scenarios and triggers; 7 the success
 * recording. Every mapping but the primaries requires the status header to be absent. The poll
 * counter mappings have priority 0: their conditions exclude everything ranked above them.
 */
final class RecordingsGenerator {
  static final String MAPPINGS = "mappings/";
  static final String FILES = "__files/";

  static final int PRIORITY_POLL_COUNTER = 0;
  static final int PRIORITY_STATUS_HEADER = 1;
  static final int PRIORITY_NO_CREDENTIALS = 2;
  static final int PRIORITY_SPECIAL_KEY = 3;
  static final int PRIORITY_VALIDATION = 4;
  static final int PRIORITY_MISSING_ID = 5;
  static final int PRIORITY_FIXTURE = 6;
  static final int PRIORITY_SUCCESS = 7;

  static final String DOC_URL = "https://docs.heymilo.ai/api-reference/errors";
  static final String VOICE_PREVIEW_FILE = HeyMiloSandbox.VOICE_PREVIEW_FILE;
  private static final String MISSING_CREDENTIALS_FILE = "common-401-missing-credentials.json";
  private static final String INVALID_BEARER_FILE = "common-401-invalid-bearer-token.json";
  private static final String LIMIT_TOO_SMALL_FILE = "common-422-limit-too-small.json";

  /** The required body field whose absence answers 422, per operation (the primary 422 body names it). */
  private static final Map<String, String> REQUIRED_BODY_FIELD = Map.ofEntries(
      Map.entry("pushAtsCandidate", "candidate"),
      Map.entry("resolveAtsCandidate", "ats_name"),
      Map.entry("setInterviewMetadata", "metadata"),
      Map.entry("createPosting", "title"),
      Map.entry("ingestCandidate", "email"),
      Map.entry("ingestCandidateAsync", "email"),
      Map.entry("ingestCandidatesBulk", "data"),
      Map.entry("ingestCandidatesBulkAsync", "data"),
      Map.entry("createQuestion", "text"),
      Map.entry("reorderQuestions", "order"),
      Map.entry("updateInterviewerWorkflowStep", "config"),
      Map.entry("createWebhook", "webhook_url"));

  private final SpecOperations spec;
  private final Fixtures fixtures;
  private final SortedMap<String, byte[]> files = new TreeMap<>();

  RecordingsGenerator(SpecOperations spec, Fixtures fixtures) {
    this.spec = spec;
    this.fixtures = fixtures;
  }

  /** Regenerates the committed recordings: {@code [recordings folder]}, by default the module's. */
  public static void main(String[] args) throws IOException {
    Path root = args.length > 0 ? Path.of(args[0]) : defaultRoot();
    SortedMap<String, byte[]> generated = new RecordingsGenerator(SpecOperations.load(), new Fixtures()).generate();
    for (String folder : List.of(MAPPINGS, FILES)) {
      Path dir = root.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> old = Files.list(dir)) {
          for (Path file : (Iterable<Path>) old::iterator) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(dir);
    }
    for (Map.Entry<String, byte[]> file : generated.entrySet()) {
      Files.write(root.resolve(file.getKey()), file.getValue());
    }
    System.out.println("Wrote " + generated.size() + " files to " + root.toAbsolutePath().normalize());
  }

  /** The recordings folder of the sandbox module, from this module's folder or the repository root. */
  static Path defaultRoot() {
    Path inModule = Path.of("src/main/resources", HeyMiloSandbox.RECORDINGS);
    if (Files.isRegularFile(Path.of("src/main/java/ai/heymilo/sandbox/RecordingsGenerator.java"))) {
      return Path.of("..", "sandbox").resolve(inModule);
    }
    return Path.of("sandbox").resolve(inModule);
  }

  /** Every recording file, by path relative to the recordings folder. */
  SortedMap<String, byte[]> generate() {
    files.clear();
    files.put(FILES + VOICE_PREVIEW_FILE, Mp3.preview());
    files.put(FILES + MISSING_CREDENTIALS_FILE, Json.bytes(apiError("authentication_error", "missing_api_key",
        "No API key provided. Pass your key in the X-API-KEY header (or an OAuth access token as Authorization: Bearer <token>).",
        null)));
    files.put(FILES + INVALID_BEARER_FILE, Json.bytes(apiError("authentication_error", "invalid_token",
        "The bearer token is invalid or has expired. Obtain a new access token and retry.", null)));
    files.put(FILES + LIMIT_TOO_SMALL_FILE, Json.bytes(validationError(detail(List.of("query", "limit"),
        "Input should be greater than or equal to 1", "greater_than_equal", "ge", 1))));
    for (Operation op : spec.operations()) {
      for (int status : op.statuses()) {
        primary(op, status);
      }
      triggers(op);
    }
    return files;
  }

  // ---------------------------------------------------------------- primaries

  /** The one mapping per operation × status: {@code X-Sandbox-Status: <status>}, or no header for the success. */
  private void primary(Operation op, int status) {
    boolean success = status == op.successStatus();
    String name = op.operationId() + "-" + status;
    ObjectNode response = Json.object().put("status", status);
    ObjectNode headers = response.putObject("headers");
    String bodyFile;
    if (status == 302) {
      headers.put("Location", HeyMiloSandbox.VOICE_PREVIEW_CDN_PATH + SandboxData.REDIRECTING_VOICE_ID + ".mp3");
      bodyFile = null;
    } else if (op.operationId().equals("getVoicePreview") && success) {
      headers.put("Content-Type", "audio/mpeg");
      bodyFile = VOICE_PREVIEW_FILE;
    } else {
      headers.put("Content-Type", "application/json");
      bodyFile = name + ".json";
      files.put(FILES + bodyFile, Json.bytes(success ? fixtures.response(op.operationId()) : errorBody(op, status)));
    }
    commonHeaders(headers, name, status);
    if (bodyFile != null) {
      response.put("bodyFileName", bodyFile);
    }
    ObjectNode request = request(op, pathRegex(op, null, null));
    ObjectNode statusHeader = request.putObject("headers").putObject(HeyMiloSandbox.STATUS_HEADER);
    if (success) {
      statusHeader.putArray("or").add(Json.object().put("absent", true)).add(Json.object().put("equalTo", String.valueOf(status)));
    } else {
      statusHeader.put("equalTo", String.valueOf(status));
    }
    mapping(op, status, success ? "default" : "status-header", null, success ? PRIORITY_SUCCESS : PRIORITY_STATUS_HEADER,
        request, response, null);
  }

  // ---------------------------------------------------------------- triggers

  private void triggers(Operation op) {
    String anyPath = pathRegex(op, null, null);
    if (op.documents(401)) {
      ObjectNode none = request(op, anyPath);
      ObjectNode headers = statusHeaderAbsent(none);
      headers.putObject("X-API-KEY").put("absent", true);
      headers.putObject("Authorization").put("absent", true);
      mapping(op, 401, "missing-credentials", null, PRIORITY_NO_CREDENTIALS, none, errorResponse(op, 401, MISSING_CREDENTIALS_FILE), null);
      mapping(op, 401, "invalid-api-key", null, PRIORITY_SPECIAL_KEY, keyRequest(op, anyPath, HeyMiloSandbox.INVALID_API_KEY),
          errorResponse(op, 401, op.operationId() + "-401.json"), null);
      mapping(op, 401, "invalid-bearer-token", null, PRIORITY_SPECIAL_KEY, bearerRequest(op, anyPath, HeyMiloSandbox.INVALID_API_KEY),
          errorResponse(op, 401, INVALID_BEARER_FILE), null);
    }
    if (op.documents(429)) {
      mapping(op, 429, "rate-limited-api-key", null, PRIORITY_SPECIAL_KEY, keyRequest(op, anyPath, HeyMiloSandbox.RATE_LIMITED_API_KEY),
          errorResponse(op, 429, op.operationId() + "-429.json"), null);
      mapping(op, 429, "rate-limited-bearer-token", null, PRIORITY_SPECIAL_KEY,
          bearerRequest(op, anyPath, HeyMiloSandbox.RATE_LIMITED_API_KEY), errorResponse(op, 429, op.operationId() + "-429.json"), null);
    }
    if (op.documents(422) && op.parameter("query", "limit").isPresent()) {
      ObjectNode small = request(op, anyPath);
      statusHeaderAbsent(small);
      small.putObject("queryParameters").putObject("limit").put("matches", "-[0-9]+|0+");
      mapping(op, 422, "limit-too-small", null, PRIORITY_VALIDATION, small, errorResponse(op, 422, LIMIT_TOO_SMALL_FILE), null);
      ObjectNode large = request(op, anyPath);
      statusHeaderAbsent(large);
      large.putObject("queryParameters").putObject("limit").put("matches", "0*(10[1-9]|1[1-9][0-9]|[2-9][0-9]{2}|[1-9][0-9]{3,})");
      mapping(op, 422, "limit-too-large", null, PRIORITY_VALIDATION, large, errorResponse(op, 422, op.operationId() + "-422.json"), null);
    }
    String field = REQUIRED_BODY_FIELD.get(op.operationId());
    if (op.documents(422) && field != null) {
      ObjectNode request = request(op, anyPath);
      statusHeaderAbsent(request);
      request.putArray("bodyPatterns").addObject().putObject("not").put("matchesJsonPath", "$." + field);
      mapping(op, 422, "missing-body-field", field, PRIORITY_VALIDATION, request, errorResponse(op, 422, op.operationId() + "-422.json"),
          null);
    }
    if (op.documents(404)) {
      String primaryParam = pathParams(op).isEmpty() ? null : pathParams(op).get(pathParams(op).size() - 1);
      for (String param : pathParams(op)) {
        ObjectNode request = request(op, pathRegex(op, param, "missing[^/]*"));
        statusHeaderAbsent(request);
        String bodyFile = op.operationId() + "-404.json";
        if (!param.equals(primaryParam)) {
          bodyFile = op.operationId() + "-404-missing-" + param + ".json";
          files.put(FILES + bodyFile, Json.bytes(notFound(op, param)));
        }
        mapping(op, 404, "missing-id", param, PRIORITY_MISSING_ID, request, errorResponse(op, 404, bodyFile), null);
      }
    }
    fixtureTriggers(op);
  }

  /** The scenarios and special ids of the fixtures. */
  private void fixtureTriggers(Operation op) {
    switch (op.operationId()) {
      case "getInterviewData":
        String interviewData = "/api/v2/interviews/%s/data";
        scenario(op, String.format(interviewData, SandboxData.INTERVIEW_ID), "interview-" + SandboxData.INTERVIEW_ID,
            new String[][] {{"Started", "not_ready", "evaluating"}, {"evaluating", "evaluating", "completed"}, {"completed", null, null}});
        scenario(op, String.format(interviewData, SandboxData.KNOCKED_OUT_INTERVIEW_ID), "interview-" + SandboxData.KNOCKED_OUT_INTERVIEW_ID,
            new String[][] {{"Started", "knocked_out-not_ready", "knocked_out"}, {"knocked_out", "knocked_out", null}});
        fixture(op, String.format(interviewData, SandboxData.PENDING_INTERVIEW_ID), null, "pending", fixtureResponse(op, "pending"));
        pollCounter(op);
        break;
      case "getAtsPushStatus":
        scenario(op, "/api/v2/ats/candidates/push/" + SandboxData.PUSH_ITEM_ID, "ats-push-" + SandboxData.PUSH_ITEM_ID,
            new String[][] {{"Started", "queued", "processing"}, {"processing", "processing", "completed"}, {"completed", null, null}});
        break;
      case "getVoicePreview":
        ObjectNode redirect = Json.object().put("status", 302);
        ObjectNode headers = redirect.putObject("headers");
        headers.put("Location", HeyMiloSandbox.VOICE_PREVIEW_CDN_PATH + SandboxData.REDIRECTING_VOICE_ID + ".mp3");
        commonHeaders(headers, "getVoicePreview-302-redirecting-voice", 302);
        fixture(op, "/api/v2/voices/" + SandboxData.REDIRECTING_VOICE_ID + "/preview", null, "redirecting-voice", redirect);
        break;
      case "listCandidates":
        ObjectNode page2 = fixtureResponse(op, "page-2");
        fixture(op, "/api/v2/postings/" + SandboxData.POSTING_ID + "/candidates",
            Map.of("starting_after", SandboxData.KNOCKED_OUT_INTERVIEW_ID), "page-2", page2);
        break;
      default:
        break;
    }
  }

  /**
   * The {@code iv_after{N}_…} ids, answered by {@link PollCounterTransformer}. They come first
   * (priority {@value #PRIORITY_POLL_COUNTER}) so that a benchmark's polls skip matching the other
   * mappings; the key conditions keep the precedence of the status header and the special keys.
   */
  private void pollCounter(Operation op) {
    String pending = bodyFile(op, "poll-not_ready");
    String completed = bodyFile(op, "poll-completed");
    String ordinaryKey = "(?!(?:" + HeyMiloSandbox.INVALID_API_KEY + "|" + HeyMiloSandbox.RATE_LIMITED_API_KEY + ")$)";
    for (String credential : List.of("api-key", "bearer-token")) {
      ObjectNode request = request(op, "/api/v2/interviews/iv_after[0-9]{1,9}_[^/]*/data");
      ObjectNode headers = statusHeaderAbsent(request);
      if (credential.equals("api-key")) {
        headers.putObject("X-API-KEY").put("matches", ordinaryKey + ".+");
      } else {
        headers.putObject("X-API-KEY").put("absent", true);
        headers.putObject("Authorization").put("matches", "(?i)bearer\\s+" + ordinaryKey + "\\S+");
      }
      ObjectNode response = successResponse(op, completed, "poll-counter");
      response.putArray("transformers").add(PollCounterTransformer.NAME);
      response.putObject("transformerParameters").put(PollCounterTransformer.PENDING_BODY_PARAMETER, pending);
      mapping(op, 200, "poll-counter", credential, PRIORITY_POLL_COUNTER, request, response, null);
    }
  }

  /**
   * A scenario: each row is {state, body variant (null: the primary success body), next state (null: stays)};
   * the first state is WireMock's "Started".
   */
  private void scenario(Operation op, String path, String scenarioName, String[][] states) {
    for (String[] state : states) {
      String name = state[0];
      String variant = state[1];
      String next = state[2];
      ObjectNode response = variant == null
          ? successResponse(op, op.operationId() + "-" + op.successStatus() + ".json", "scenario-" + name)
          : fixtureResponse(op, variant);
      ObjectNode request = Json.object().put("method", op.method()).put("urlPath", path);
      statusHeaderAbsent(request);
      ObjectNode scenario = Json.object().put("scenarioName", scenarioName).put("requiredScenarioState", name);
      if (next != null) {
        scenario.put("newScenarioState", next);
      }
      mapping(op, op.successStatus(), "scenario", scenarioName + "-" + name.toLowerCase(java.util.Locale.ROOT),
          PRIORITY_FIXTURE, request, response, scenario);
    }
  }

  private void fixture(Operation op, String path, @Nullable Map<String, String> query, String variant, ObjectNode response) {
    ObjectNode request = Json.object().put("method", op.method()).put("urlPath", path);
    statusHeaderAbsent(request);
    if (query != null) {
      ObjectNode parameters = request.putObject("queryParameters");
      query.forEach((name, value) -> parameters.putObject(name).put("equalTo", value));
    }
    mapping(op, response.get("status").asInt(), "fixture", variant, PRIORITY_FIXTURE, request, response, null);
  }

  /** A success response whose body is the fixture {@code operationId#variant}, written as its own file. */
  private ObjectNode fixtureResponse(Operation op, String variant) {
    return successResponse(op, bodyFile(op, variant), variant);
  }

  private String bodyFile(Operation op, String variant) {
    String file = op.operationId() + "-" + op.successStatus() + "-" + variant + ".json";
    files.put(FILES + file, Json.bytes(fixtures.response(op.operationId() + "#" + variant)));
    return file;
  }

  private ObjectNode successResponse(Operation op, String bodyFile, String variant) {
    ObjectNode response = Json.object().put("status", op.successStatus());
    ObjectNode headers = response.putObject("headers").put("Content-Type", "application/json");
    commonHeaders(headers, op.operationId() + "-" + op.successStatus() + "-" + variant, op.successStatus());
    response.put("bodyFileName", bodyFile);
    return response;
  }

  private ObjectNode errorResponse(Operation op, int status, String bodyFile) {
    ObjectNode response = Json.object().put("status", status);
    ObjectNode headers = response.putObject("headers").put("Content-Type", "application/json");
    commonHeaders(headers, op.operationId() + "-" + status + "-" + bodyFile, status);
    response.put("bodyFileName", bodyFile);
    return response;
  }

  // ---------------------------------------------------------------- requests and mappings

  private static ObjectNode request(Operation op, String pathRegex) {
    ObjectNode request = Json.object().put("method", op.method());
    if (pathRegex.contains("[") || pathRegex.contains("(")) {
      request.put("urlPathPattern", pathRegex);
    } else {
      request.put("urlPath", pathRegex);
    }
    return request;
  }

  private static ObjectNode statusHeaderAbsent(ObjectNode request) {
    ObjectNode headers = request.has("headers") ? (ObjectNode) request.get("headers") : request.putObject("headers");
    headers.putObject(HeyMiloSandbox.STATUS_HEADER).put("absent", true);
    return headers;
  }

  private static ObjectNode keyRequest(Operation op, String pathRegex, String key) {
    ObjectNode request = request(op, pathRegex);
    statusHeaderAbsent(request).putObject("X-API-KEY").put("equalTo", key);
    return request;
  }

  private static ObjectNode bearerRequest(Operation op, String pathRegex, String token) {
    ObjectNode request = request(op, pathRegex);
    statusHeaderAbsent(request).putObject("Authorization").put("matches", "(?i)bearer\\s+" + token.replace(".", "\\."));
    return request;
  }

  /** The headers every recorded response carries: a request id and the rate-limit window. */
  private static void commonHeaders(ObjectNode headers, String name, int status) {
    headers.put("X-Request-Id", "req_" + hash(name).substring(0, 24));
    headers.put("X-RateLimit-Limit", "300");
    headers.put("X-RateLimit-Remaining", status == 429 ? "0" : "299");
    if (status == 429) {
      headers.put("Retry-After", "1");
    }
  }

  private void mapping(Operation op, int status, String trigger, @Nullable String detail, int priority, ObjectNode request,
      ObjectNode response, @Nullable ObjectNode scenario) {
    String name = op.operationId() + "-" + status + "-" + trigger + (detail == null ? "" : "-" + detail);
    ObjectNode mapping = Json.object();
    mapping.put("id", UUID.nameUUIDFromBytes(("heymilo-sandbox/" + name).getBytes(StandardCharsets.UTF_8)).toString());
    mapping.put("name", op.operationId() + " " + status + " (" + trigger + (detail == null ? "" : ": " + detail) + ")");
    mapping.put("priority", priority);
    mapping.set("request", request);
    mapping.set("response", response);
    if (scenario != null) {
      mapping.setAll(scenario);
    }
    ObjectNode metadata = mapping.putObject("metadata");
    metadata.put("operationId", op.operationId());
    metadata.put("status", status);
    metadata.put("method", op.method());
    metadata.put("path", op.path());
    metadata.put("trigger", trigger);
    if (detail != null) {
      metadata.put("detail", detail);
    }
    if (files.put(MAPPINGS + name + ".json", Json.bytes(mapping)) != null) {
      throw new IllegalStateException("two mappings are named " + name);
    }
  }

  // ---------------------------------------------------------------- routes

  private static List<String> pathParams(Operation op) {
    List<String> names = new java.util.ArrayList<>();
    for (Parameter parameter : op.parameters("path")) {
      names.add(parameter.name());
    }
    return names;
  }

  /**
   * The regular expression of an operation's path for WireMock's {@code urlPathPattern}: each
   * parameter is {@code [^/]+}, except that a fixed sibling path (such as {@code /postings/list}
   * beside {@code /postings/{posting_id}}) is excluded from the parameter, and {@code override}
   * replaces the named parameter's expression.
   */
  String pathRegex(Operation op, @Nullable String param, @Nullable String override) {
    String[] segments = op.path().split("/", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 1; i < segments.length; i++) {
      regex.append('/');
      String segment = segments[i];
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String name = segment.substring(1, segment.length() - 1);
        if (name.equals(param) && override != null) {
          regex.append(override);
        } else {
          StringBuilder exclusions = new StringBuilder();
          for (String sibling : fixedSiblings(op.path(), i)) {
            exclusions.append(exclusions.length() == 0 ? "" : "|").append(sibling.replaceAll("[^A-Za-z0-9_-]", "\\\\$0"));
          }
          if (exclusions.length() > 0) {
            regex.append("(?!(?:").append(exclusions).append(")$)");
          }
          regex.append("[^/]+");
        }
      } else {
        regex.append(segment.replaceAll("[^A-Za-z0-9_-]", "\\\\$0"));
      }
    }
    return regex.toString();
  }

  /** Literal segments at position {@code index} of paths that equal {@code path} everywhere else but that segment. */
  private java.util.Set<String> fixedSiblings(String path, int index) {
    String[] mine = path.split("/", -1);
    java.util.Set<String> siblings = new java.util.TreeSet<>();
    for (Operation other : spec.operations()) {
      String[] theirs = other.path().split("/", -1);
      if (theirs.length != mine.length || theirs[index].startsWith("{")) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < mine.length && same; i++) {
        same = i == index || mine[i].equals(theirs[i]) || (mine[i].startsWith("{") && theirs[i].startsWith("{"));
      }
      if (same) {
        siblings.add(theirs[index]);
      }
    }
    return siblings;
  }

  // ---------------------------------------------------------------- error bodies

  private ObjectNode errorBody(Operation op, int status) {
    switch (status) {
      case 400:
        return badRequest(op);
      case 401:
        return apiError("authentication_error", "invalid_api_key", "Invalid API key provided. Check the X-API-KEY header; "
            + "you can create and revoke keys in the HeyMilo dashboard under Settings > API keys.", null);
      case 404:
        return notFound(op, pathParams(op).isEmpty() ? null : pathParams(op).get(pathParams(op).size() - 1));
      case 422:
        return unprocessable(op);
      case 429:
        return apiError("rate_limit_error", "rate_limit_exceeded",
            "Too many requests: the limit is 300 requests per minute per API key. Retry after 1 second.", null);
      default:
        throw new IllegalStateException("no error body is defined for " + op + " " + status
            + "; add one to RecordingsGenerator.errorBody");
    }
  }

  private static ObjectNode badRequest(Operation op) {
    switch (op.operationId()) {
      case "pushAtsCandidate":
      case "resolveAtsCandidate":
        ObjectNode unsupported = apiError("invalid_request_error", "unsupported_ats_provider",
            "ATS provider 'workday' is not supported; supported providers are bullhorn and avionte.", "ats_name");
        ((ArrayNode) unsupported.get("error").get("errors")).addObject().put("code", "invalid_value")
            .put("message", "ats_name must be one of: bullhorn, avionte").put("param", "ats_name");
        return unsupported;
      case "getAtsPushStatus":
      case "listAtsConnections":
        return apiError("invalid_request_error", "ats_not_connected", "No supported ATS is connected to this workspace. "
            + "Connect Bullhorn or Avionte in the HeyMilo dashboard under Settings > Integrations.", null);
      case "listCandidates":
        ObjectNode range = apiError("invalid_request_error", "invalid_date_range",
            "created_after (2026-03-31T00:00:00Z) must not be later than created_before (2026-03-01T00:00:00Z).", "created_after");
        ((ArrayNode) range.get("error").get("errors")).addObject().put("code", "invalid_param")
            .put("message", "created_after must be earlier than or equal to created_before").put("param", "created_after");
        return range;
      default:
        throw new IllegalStateException("no 400 body is defined for " + op + "; add one to RecordingsGenerator.badRequest");
    }
  }

  /** The 404 of an operation when {@code param} (a path parameter, or null for none) names nothing. */
  private static ObjectNode notFound(Operation op, @Nullable String param) {
    String id = op.operationId();
    if (param == null) {
      if (id.equals("createPosting")) {
        return apiError("not_found_error", "interview_template_not_found", "No interview template found with this "
            + "interview_template_id. List your templates with GET /api/v2/interview-templates.", "interview_template_id");
      }
      if (id.equals("createWebhook")) {
        return apiError("not_found_error", "posting_not_found", "No interviewer found with the posting_id given in the "
            + "request body. List your interviewers with GET /api/v2/postings.", "posting_id");
      }
      return apiError("not_found_error", "workspace_not_found", "The workspace selected by X-Workspace-Id does not exist or "
          + "these credentials cannot access it. List the workspaces you can use with GET /api/v2/workspaces.", "X-Workspace-Id");
    }
    switch (param) {
      case "posting_id":
        return apiError("not_found_error", "posting_not_found", "No interviewer found with this posting_id in your workspace. "
            + "List your interviewers with GET /api/v2/postings.", param);
      case "question_id":
        return apiError("not_found_error", "question_not_found", "No question found with this question_id on the interviewer. "
            + "List its questions with GET /api/v2/postings/{posting_id}/questions.", param);
      case "step_id":
        return apiError("not_found_error", "workflow_step_not_found", "The interviewer has no workflow step with this step_id; "
            + "use the step's type (for example web_interview) or its 1-based order.", param);
      case "interview_id":
        return apiError("not_found_error", "interview_not_found", "No interview found with this interview_id in your workspace. "
            + "Interview ids come from candidate ingestion and GET /api/v2/postings/{posting_id}/candidates.", param);
      case "webhook_id":
        return apiError("not_found_error", "webhook_not_found", "No webhook found with this webhook_id. "
            + "List your webhooks with GET /api/v2/webhooks.", param);
      case "voice_id":
        return apiError("not_found_error", "voice_not_found", "No voice found with this voice_id in the workspace voice registry. "
            + "List voices with GET /api/v2/voices.", param);
      case "sender_email_id":
        return apiError("not_found_error", "sender_email_not_found", "No sender email found with this id. "
            + "List sender emails with GET /api/v2/sender-emails.", param);
      default:
        break;
    }
    String[][] byOperation = {
        {"getPhoneNumber", "phone_number_not_found", "phone number", "/api/v2/phone-numbers"},
        {"getDomain", "domain_not_found", "custom domain", "/api/v2/domains"},
        {"getEmailTemplate", "email_template_not_found", "email template", "/api/v2/email-templates"},
        {"getEmailTemplateGroup", "email_template_group_not_found", "email template group", "/api/v2/email-template-groups"},
        {"getDesignTemplate", "design_template_not_found", "design template", "/api/v2/design-templates"},
        {"getDesignTemplateGroup", "design_template_group_not_found", "design template group", "/api/v2/design-template-groups"},
        {"getInterviewTemplate", "interview_template_not_found", "interview template", "/api/v2/interview-templates"},
    };
    for (String[] row : byOperation) {
      if (row[0].equals(id)) {
        return apiError("not_found_error", row[1], "No " + row[2] + " found with this " + param + ". List them with GET "
            + row[3] + ".", param);
      }
    }
    throw new IllegalStateException("no 404 body is defined for " + op + " and " + param + "; add one to RecordingsGenerator.notFound");
  }

  private ObjectNode unprocessable(Operation op) {
    String field = REQUIRED_BODY_FIELD.get(op.operationId());
    if (field != null) {
      return validationError(detail(List.of("body", field), "Field required", "missing", null, null));
    }
    switch (op.operationId()) {
      case "updatePosting":
        return validationError(detail(List.of("body", "title"), "String should have at least 3 characters", "string_too_short",
            "min_length", 3));
      case "updateQuestion":
        return validationError(detail(List.of("body", "score_weight"), "Input should be less than or equal to 5", "less_than_equal",
            "le", 5));
      default:
        break;
    }
    if (op.parameter("query", "limit").isPresent()) {
      return validationError(detail(List.of("query", "limit"), "Input should be less than or equal to 100", "less_than_equal",
          "le", 100));
    }
    if (!pathParams(op).isEmpty()) {
      return validationError(detail(List.of("path", pathParams(op).get(pathParams(op).size() - 1)),
          "String should have at most 64 characters", "string_too_long", "max_length", 64));
    }
    return validationError(detail(List.of("header", "x-workspace-id"), "String should have at most 64 characters",
        "string_too_long", "max_length", 64));
  }

  static ObjectNode apiError(String type, String code, String message, @Nullable String param) {
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("type", type);
    error.put("code", code);
    error.put("message", message);
    if (param == null) {
      error.putNull("param");
    } else {
      error.put("param", param);
    }
    error.put("doc_url", DOC_URL + "#" + code.replace('_', '-'));
    error.putArray("errors");
    return body;
  }

  private static ObjectNode validationError(ObjectNode... details) {
    ObjectNode body = Json.object();
    ArrayNode detail = body.putArray("detail");
    for (ObjectNode d : details) {
      detail.add(d);
    }
    return body;
  }

  private static ObjectNode detail(List<String> loc, String msg, String type, @Nullable String ctxKey, @Nullable Integer ctxValue) {
    ObjectNode detail = Json.object();
    ArrayNode location = detail.putArray("loc");
    loc.forEach(location::add);
    detail.put("msg", msg);
    detail.put("type", type);
    if (ctxKey != null && ctxValue != null) {
      detail.putObject("ctx").put(ctxKey, ctxValue);
    }
    return detail;
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A short, valid-looking MP3: an ID3v2.3 tag and two silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono). */
  static final class Mp3 {
    private Mp3() {}

    static byte[] preview() {
      ByteArrayOutputStream frames = new ByteArrayOutputStream();
      textFrame(frames, "TIT2", "HeyMilo voice preview");
      textFrame(frames, "TPE1", "Sarah");
      byte[] tagBody = frames.toByteArray();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0});
      int size = tagBody.length; // Syncsafe: 7 bits per byte.
      out.writeBytes(new byte[] {(byte) ((size >> 21) & 0x7f), (byte) ((size >> 14) & 0x7f), (byte) ((size >> 7) & 0x7f),
          (byte) (size & 0x7f)});
      out.writeBytes(tagBody);
      for (int i = 0; i < 2; i++) {
        byte[] frame = new byte[417]; // 144 * 128000 / 44100, no padding.
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB; // MPEG-1, Layer III, no CRC.
        frame[2] = (byte) 0x90; // 128 kbit/s, 44.1 kHz.
        frame[3] = (byte) 0xC4; // Mono, original.
        out.writeBytes(frame);
      }
      return out.toByteArray();
    }

    private static void textFrame(ByteArrayOutputStream out, String id, String text) {
      byte[] value = text.getBytes(StandardCharsets.ISO_8859_1);
      int size = value.length + 1;
      out.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(new byte[] {(byte) (size >> 24), (byte) (size >> 16), (byte) (size >> 8), (byte) size, 0, 0, 0});
      out.writeBytes(value);
    }
  }
}
