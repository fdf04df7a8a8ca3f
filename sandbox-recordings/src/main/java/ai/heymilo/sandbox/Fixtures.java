package ai.heymilo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixture table ({@code generator/fixtures.json}) with its references resolved: {@code ${NAME}}
 * in a string is a {@link SandboxData} constant, a string {@code "@name"} is the entity of that
 * name, and an object with {@code "$extends": "name"} is that entity with the object's other
 * members laid over it.
 */
final class Fixtures {
  static final String RESOURCE = "/ai/heymilo/sandbox/generator/fixtures.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

  private final ObjectNode entities;
  private final ObjectNode responses;
  private final Map<String, String> constants;
  private final Deque<String> resolving = new ArrayDeque<>();

  Fixtures() {
    JsonNode root = Json.resource(RESOURCE);
    this.entities = (ObjectNode) root.get("entities");
    this.responses = (ObjectNode) root.get("responses");
    this.constants = constants();
  }

  /** The values {@code ${NAME}} may name: every id of {@link SandboxData}, listed explicitly. */
  static Map<String, String> constants() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("WORKSPACE_ID", SandboxData.WORKSPACE_ID);
    c.put("POSTING_ID", SandboxData.POSTING_ID);
    c.put("SPANISH_POSTING_ID", SandboxData.SPANISH_POSTING_ID);
    c.put("CLONED_POSTING_ID", SandboxData.CLONED_POSTING_ID);
    c.put("WORKFLOW_STEP_ID", SandboxData.WORKFLOW_STEP_ID);
    c.put("QUESTION_ID", SandboxData.QUESTION_ID);
    c.put("QUESTION_2_ID", SandboxData.QUESTION_2_ID);
    c.put("QUESTION_3_ID", SandboxData.QUESTION_3_ID);
    c.put("QUESTION_4_ID", SandboxData.QUESTION_4_ID);
    c.put("QUESTION_5_ID", SandboxData.QUESTION_5_ID);
    c.put("FORM_QUESTION_ID", SandboxData.FORM_QUESTION_ID);
    c.put("NEW_QUESTION_ID", SandboxData.NEW_QUESTION_ID);
    c.put("CANDIDATE_ID", SandboxData.CANDIDATE_ID);
    c.put("INTERVIEW_ID", SandboxData.INTERVIEW_ID);
    c.put("KNOCKED_OUT_INTERVIEW_ID", SandboxData.KNOCKED_OUT_INTERVIEW_ID);
    c.put("PENDING_INTERVIEW_ID", SandboxData.PENDING_INTERVIEW_ID);
    c.put("INGESTION_ID", SandboxData.INGESTION_ID);
    c.put("BULK_INGESTION_ID", SandboxData.BULK_INGESTION_ID);
    c.put("WEBHOOK_ID", SandboxData.WEBHOOK_ID);
    c.put("VOICE_ID", SandboxData.VOICE_ID);
    c.put("REDIRECTING_VOICE_ID", SandboxData.REDIRECTING_VOICE_ID);
    c.put("PHONE_NUMBER_ID", SandboxData.PHONE_NUMBER_ID);
    c.put("SENDER_EMAIL_ID", SandboxData.SENDER_EMAIL_ID);
    c.put("EMAIL_TEMPLATE_ID", SandboxData.EMAIL_TEMPLATE_ID);
    c.put("EMAIL_TEMPLATE_GROUP_ID", SandboxData.EMAIL_TEMPLATE_GROUP_ID);
    c.put("DESIGN_TEMPLATE_ID", SandboxData.DESIGN_TEMPLATE_ID);
    c.put("DESIGN_TEMPLATE_GROUP_ID", SandboxData.DESIGN_TEMPLATE_GROUP_ID);
    c.put("INTERVIEW_TEMPLATE_ID", SandboxData.INTERVIEW_TEMPLATE_ID);
    c.put("DOMAIN_ID", SandboxData.DOMAIN_ID);
    c.put("ATS_INTEGRATION_ID", SandboxData.ATS_INTEGRATION_ID);
    c.put("ATS_CANDIDATE_ID", SandboxData.ATS_CANDIDATE_ID);
    c.put("PUSH_ITEM_ID", SandboxData.PUSH_ITEM_ID);
    c.put("POLL_TEMPLATE_INTERVIEW_ID", PollCounterTransformer.TEMPLATE_INTERVIEW_ID);
    return c;
  }

  /** Whether the table has a body named {@code key} ({@code operationId} or {@code operationId#variant}). */
  boolean hasResponse(String key) {
    return responses.has(key);
  }

  /** The resolved body named {@code key}. */
  JsonNode response(String key) {
    JsonNode body = responses.get(key);
    if (body == null) {
      throw new IllegalStateException("fixtures.json has no response '" + key + "'");
    }
    return resolve(body, "responses." + key);
  }

  private JsonNode entity(String name, String where) {
    JsonNode entity = entities.get(name);
    if (entity == null) {
      throw new IllegalStateException(where + " refers to '@" + name + "', which is not an entity of fixtures.json");
    }
    if (resolving.contains(name)) {
      throw new IllegalStateException("fixtures.json entities refer to each other in a cycle: " + resolving + " -> " + name);
    }
    resolving.push(name);
    try {
      return resolve(entity, "entities." + name);
    } finally {
      resolving.pop();
    }
  }

  private JsonNode resolve(JsonNode node, String where) {
    if (node.isTextual()) {
      String text = node.asText();
      if (text.startsWith("@") && text.length() > 1 && !text.contains(" ")) {
        return entity(text.substring(1), where);
      }
      return TextNode.valueOf(substitute(text, where));
    }
    if (node.isArray()) {
      ArrayNode out = Json.array();
      for (JsonNode item : node) {
        out.add(resolve(item, where));
      }
      return out;
    }
    if (node.isObject()) {
      ObjectNode out;
      if (node.has("$extends")) {
        out = (ObjectNode) entity(node.get("$extends").asText(), where).deepCopy();
      } else {
        out = Json.object();
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("$extends")) {
          continue;
        }
        merge(out, field.getKey(), resolve(field.getValue(), where + "." + field.getKey()));
      }
      return out;
    }
    return node.deepCopy();
  }

  /** Lays {@code value} over {@code target.name}: objects merge member by member, anything else replaces. */
  private static void merge(ObjectNode target, String name, JsonNode value) {
    JsonNode existing = target.get(name);
    if (existing != null && existing.isObject() && value.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        merge((ObjectNode) existing, field.getKey(), field.getValue());
      }
    } else {
      target.set(name, value);
    }
  }

  private String substitute(String text, String where) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = constants.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(where + " uses ${" + matcher.group(1) + "}, which is not a constant of Fixtures.constants()");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
