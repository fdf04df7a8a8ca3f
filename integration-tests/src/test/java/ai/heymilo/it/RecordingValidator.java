package ai.heymilo.it;

import ai.heymilo.spec.operations.Operation;
import ai.heymilo.it.SandboxRecordings.Recording;
import ai.heymilo.spec.operations.SchemaViolation;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks one sandbox recording against the merged spec: its operation exists, its status is
 * documented for it, its Content-Type is one the spec documents for that status, and its body
 * validates against that response's schema. Each problem names the mapping file, the operation,
 * the status and, for a schema violation, the JSON path of the offending value.
 */
final class RecordingValidator {
  private final MergedSpec spec;

  RecordingValidator(MergedSpec spec) {
    this.spec = spec;
  }

  /**
   * Returns what is wrong with {@code recording}; empty if it matches the spec.
   *
   * @param bodyFiles the contents of a body file of {@code __files/} by name, empty if there is none
   */
  List<String> problems(Recording recording, Function<String, Optional<byte[]>> bodyFiles) {
    List<String> problems = new ArrayList<>();
    String operationId = recording.operationId();
    int status = recording.metadataStatus();
    String prefix = recording.fileName() + ": " + (operationId.isEmpty() ? "?" : operationId) + " " + status + ": ";
    if (operationId.isEmpty() || status < 0) {
      problems.add(prefix + "the mapping has no metadata.operationId/status, so it cannot be checked against the spec");
      return problems;
    }
    Optional<Operation> found = spec.operation(operationId);
    if (found.isEmpty()) {
      problems.add(prefix + "the spec has no operation " + operationId);
      return problems;
    }
    Operation op = found.get();
    if (!op.documents(status)) {
      problems.add(prefix + "status " + status + " is not documented for " + op + " (documented: " + op.statuses() + ")");
      return problems;
    }
    int answered = recording.response().path("status").asInt(200);
    if (answered != status) {
      problems.add(prefix + "the mapping answers " + answered + " but its metadata says " + status);
    }
    if (!recording.mapping().path("metadata").path("method").asText(op.method()).equalsIgnoreCase(op.method())
        || !recording.mapping().path("metadata").path("path").asText(op.path()).equals(op.path())) {
      problems.add(prefix + "metadata names " + recording.mapping().path("metadata").path("method").asText() + " "
          + recording.mapping().path("metadata").path("path").asText() + " but the spec has " + op.method() + " " + op.path());
    }
    List<String> bodyNames = bodyNames(recording);
    String contentType = recording.responseHeader("Content-Type");
    if (contentType == null) {
      if (!bodyNames.isEmpty() || recording.response().has("body") || recording.response().has("jsonBody")) {
        problems.add(prefix + "has a body but no Content-Type");
      } else if (!op.responseMediaTypes(status).isEmpty()) {
        problems.add(prefix + "has no body, but the spec documents " + op.responseMediaTypes(status) + " for it");
      }
      return problems;
    }
    String mediaType = mediaType(contentType);
    if (!op.responseMediaTypes(status).contains(mediaType)) {
      problems.add(prefix + "Content-Type " + contentType + " is not documented for this status (documented: "
          + op.responseMediaTypes(status) + ")");
      return problems;
    }
    if (!isJson(mediaType)) {
      for (String name : bodyNames) {
        if (bodyFiles.apply(name).map(bytes -> bytes.length == 0).orElse(true)) {
          problems.add(prefix + "body file " + name + " is missing or empty");
        }
      }
      return problems; // The spec documents no schema for audio and other binary bodies.
    }
    Optional<String> schema = op.responseSchemaPointer(status, mediaType);
    for (Body body : bodies(recording, bodyNames, bodyFiles, prefix, problems)) {
      if (schema.isEmpty()) {
        continue; // Documented content without a schema: any JSON will do.
      }
      JsonNode json;
      try {
        json = Json.parse(body.text, body.name);
      } catch (IllegalArgumentException e) {
        problems.add(prefix + e.getMessage());
        continue;
      }
      for (SchemaViolation violation : spec.schemas().validate(schema.get(), json)) {
        problems.add(prefix + body.name + " " + violation);
      }
    }
    return problems;
  }

  /** The body files a mapping serves: its {@code bodyFileName}, and the pending body of a poll-counter mapping. */
  private static List<String> bodyNames(Recording recording) {
    List<String> names = new ArrayList<>();
    JsonNode response = recording.response();
    if (response.hasNonNull("bodyFileName")) {
      names.add(response.get("bodyFileName").asText());
    }
    JsonNode pending = response.path("transformerParameters").path("pendingBodyFileName");
    if (pending.isTextual()) {
      names.add(pending.asText());
    }
    return names;
  }

  private record Body(String name, String text) {}

  private static List<Body> bodies(Recording recording, List<String> names, Function<String, Optional<byte[]>> bodyFiles,
      String prefix, List<String> problems) {
    List<Body> bodies = new ArrayList<>();
    for (String name : names) {
      Optional<byte[]> bytes = bodyFiles.apply(name);
      if (bytes.isEmpty()) {
        problems.add(prefix + "body file " + name + " does not exist");
      } else {
        bodies.add(new Body(name, new String(bytes.get(), StandardCharsets.UTF_8)));
      }
    }
    JsonNode response = recording.response();
    if (response.has("jsonBody")) {
      bodies.add(new Body("the inline jsonBody", response.get("jsonBody").toString()));
    }
    if (response.hasNonNull("body")) {
      bodies.add(new Body("the inline body", response.get("body").asText()));
    }
    return bodies;
  }

  /** {@code application/json; charset=utf-8} → {@code application/json}. */
  static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }
}
