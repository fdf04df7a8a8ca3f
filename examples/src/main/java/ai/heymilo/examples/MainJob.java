package ai.heymilo.examples;

import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreatePostingResponse;
import ai.heymilo.model.CreateQuestion;
import ai.heymilo.model.IngestCandidateResponse;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.WebInterviewConfig;
import ai.heymilo.model.WebInterviewStep;
import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.WaitOptions;
import java.time.Duration;
import java.util.Map;

/**
 * The main job with the SDK: create a posting, ingest a candidate, wait for the results, tag the
 * interview. Runs against the real API when HEYMILO_API_KEY is set, else the recorded sandbox.
 */
public final class MainJob {
  private MainJob() {}

  public static void main(String[] args) {
    String key = System.getenv("HEYMILO_API_KEY");
    if (key == null) {
      try (HeyMiloSandbox sandbox = HeyMiloSandbox.start(); HeyMiloClient client = sandbox.client()) {
        run(client, WaitOptions.builder().initialDelay(Duration.ofMillis(200)).maxDelay(Duration.ofSeconds(1)).build());
      }
    } else {
      try (HeyMiloClient client = HeyMiloClient.fromEnv()) {
        run(client, WaitOptions.builder().timeout(Duration.ofHours(1)).build());
      }
    }
  }

  /** Returns the interview's final results. */
  public static InterviewDataResponse run(HeyMiloClient client, WaitOptions wait) {
    CreatePostingResponse posting = client.postings().create(new CreatePostingRequest()
        .title("Customer Service Representative")
        .addStep(new WebInterviewStep()
            .config(new WebInterviewConfig().video(true))
            .addQuestion(new CreateQuestion().modality("voice").text("Tell me about a time you calmed an upset customer.")
                .scoreWeight(3L))));
    IngestCandidateResponse candidate = client.candidates().ingest(posting.getId(),
        new CandidateIngestRequest().name("Ada Lovelace").email("ada@example.com"));
    System.out.println("Send " + candidate.getInterviewUrl() + " to the candidate; waiting for the results…");
    InterviewDataResponse results = client.interviews().awaitData(candidate.getInterviewId(), wait);
    System.out.println(results.getName() + ": " + results.getStatus() + ", score " + results.getScore());
    client.interviews().setMetadata(candidate.getInterviewId(), Map.of("external_id", "ats_12345"));
    return results;
  }
}
