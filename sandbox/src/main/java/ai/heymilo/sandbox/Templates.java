package ai.heymilo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.FileSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recorded bodies the stateful sandbox builds its answers from: a new object starts as the recording's, so
 * everything the request does not set keeps the recording's shape and realistic values. Thread-safe; each file is
 * read once.
 */
final class Templates {
  private final FileSource bodyFiles;
  private final Map<String, JsonNode> read = new ConcurrentHashMap<>();

  /** @param bodyFiles the {@code __files} folder of the recordings */
  Templates(FileSource bodyFiles) {
    this.bodyFiles = bodyFiles;
  }

  /** The whole recorded body file {@code name}, as a fresh copy. */
  JsonNode file(String name) {
    JsonNode body = read.computeIfAbsent(name, file -> {
      try {
        return SandboxJson.read(bodyFiles.getTextFileNamed(file).readContentsAsString(), "recording " + file);
      } catch (RuntimeException e) {
        if (e instanceof SandboxException) {
          throw e;
        }
        throw new SandboxException("The recordings have no body file " + file + " (" + e.getMessage() + ")", e);
      }
    });
    return body.deepCopy();
  }

  /** Whether the recordings have a body file {@code name}. */
  boolean has(String name) {
    try {
      return bodyFiles.getTextFileNamed(name).getStream() != null;
    } catch (RuntimeException missing) {
      return false;
    }
  }

  /** The {@code data} of the recorded success body of {@code operationId} ({@code getPosting-200.json}). */
  ObjectNode data(String operationId, int status) {
    return (ObjectNode) file(operationId + "-" + status + ".json").get("data");
  }

  /** The {@code data} of a recorded variant ({@code getInterviewData-200-not_ready.json}). */
  ObjectNode variant(String operationId, int status, String variant) {
    return (ObjectNode) file(operationId + "-" + status + "-" + variant + ".json").get("data");
  }
}
