package ai.heymilo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** What a stateful operation answers: a status and a JSON body, or the recorded body file of an error. */
final class ApiResponse {
  final int status;
  final @Nullable JsonNode body;
  final @Nullable String recordedFile;

  private ApiResponse(int status, @Nullable JsonNode body, @Nullable String recordedFile) {
    this.status = status;
    this.body = body;
    this.recordedFile = recordedFile;
  }

  static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, body, null);
  }

  /** An error whose body is a recording (its texts are the recorded ones), such as {@code getPosting-404.json}. */
  static ApiResponse recorded(int status, String bodyFile) {
    return new ApiResponse(status, null, bodyFile);
  }
}
