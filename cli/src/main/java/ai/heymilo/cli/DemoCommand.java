package ai.heymilo.cli;

import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreatePostingResponse;
import ai.heymilo.model.CreateQuestion;
import ai.heymilo.model.IngestCandidateResponse;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.WebInterviewConfig;
import ai.heymilo.model.WebInterviewStep;
import ai.heymilo.sdk.HeyMiloClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code heymilo demo}: the main job end to end on the embedded sandbox — create a posting,
 * ingest a candidate, wait for the interview results, read the scorecard, tag the interview.
 */
@Command(name = "demo", description = "Run the whole flow on the embedded recorded sandbox: create a posting, ingest a candidate, "
    + "wait for the results, print the scorecard, tag the interview with metadata. Never touches the real API.")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  private final Session session;

  @Mixin
  private Flags flags = new Flags();

  DemoCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Console console = session.console;
    return session.runOnSandbox(flags, (client, connection) -> {
      console.println("HeyMilo demo on the embedded recorded sandbox (nothing real is created).");
      console.println("");
      CreatePostingResponse posting = createPosting(client);
      console.println("1. Created posting " + posting.getId() + " (" + posting.getStatus() + "): a 3-question video interview");
      IngestCandidateResponse candidate = client.candidates().ingest(posting.getId(),
          new CandidateIngestRequest().name("Jane Smith").email("jane.smith@example.com"));
      console.println("2. Ingested a candidate: interview " + candidate.getInterviewId());
      console.println("   link to send: " + Scorecard.orDash(candidate.getInterviewUrl()));
      console.println("3. Waiting for the interview results…");
      InterviewDataResponse results = client.interviews().awaitData(candidate.getInterviewId(),
          InterviewsCommands.waitOptions(Duration.ofMinutes(2), null, true)
              .listener(new ProgressLine(console, "   interview " + candidate.getInterviewId())).build());
      console.println("4. Scorecard:");
      console.println("");
      Scorecard.print(results, console, false);
      console.println("");
      Map<String, String> metadata = new LinkedHashMap<>();
      metadata.put("external_id", "ats_12345");
      metadata.put("source", "workday");
      Map<String, String> stored = client.interviews().setMetadata(candidate.getInterviewId(), metadata);
      console.println("5. Tagged the interview: " + Scorecard.metadataLine(stored));
      console.println("");
      console.println("Done. `heymilo --help` lists every command; set HEYMILO_API_KEY to work with your real data.");
      return 0;
    });
  }

  private static CreatePostingResponse createPosting(HeyMiloClient client) {
    WebInterviewStep interview = new WebInterviewStep()
        .config(new WebInterviewConfig().video(true).numQuestions(3L))
        .addQuestion(voice("Tell me about a time you calmed down an upset customer.", 3L))
        .addQuestion(voice("How do you keep track of several open requests at once?", 2L))
        .addQuestion(voice("Why do you want to work in customer service?", 1L));
    return client.postings().create(new CreatePostingRequest()
        .title("Customer Service Representative")
        .description("Help our customers by phone and chat; de-escalate, solve, follow up.")
        .addStep(interview));
  }

  private static CreateQuestion voice(String text, long weight) {
    return new CreateQuestion().modality("voice").text(text).scoreWeight(weight);
  }
}
