package ai.heymilo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a stateful operation answers: a status and a JSON body, or the recorded body file of an error. */
final class ApiResponse {
  final int status;
  final @Nullable JsonNode body;
  final @Nullable String recordedFile;
  /** The webhook events the request caused, sent once the answer is. */
  final List<WebhookDeliveries.Delivery> deliveries;

  private ApiResponse(int status, @Nullable JsonNode body, @Nullable String recordedFile, List<WebhookDeliveries.Delivery> deliveries) {
    this.status = status;
    this.body = body;
    this.recordedFile = recordedFile;
    this.deliveries = deliveries;
  }

  static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, body, null, List.of());
  }

  /** An error whose body is a recording (its texts are the recorded ones), such as {@code getPosting-404.json}. */
  static ApiResponse recorded(int status, String bodyFile) {
    return new ApiResponse(status, null, bodyFile, List.of());
  }

  /** This answer, sending {@code events} once it is sent. */
  ApiResponse withDeliveries(List<WebhookDeliveries.Delivery> events) {
    return new ApiResponse(status, body, recordedFile, events);
  }
}
