package ai.heymilo.cli;

import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreatePostingResponse;
import ai.heymilo.model.CreateQuestion;
import ai.heymilo.model.IngestCandidateResponse;
import ai.heymilo.model.InterviewDataResponse;
import ai.heymilo.model.WebInterviewConfig;
import ai.heymilo.model.WebInterviewStep;
import ai.heymilo.model.CreateWebhookRequest;
import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sdk.webhooks.WebhookDispatcher;
import ai.heymilo.sdk.webhooks.WebhookEventType;
import ai.heymilo.sdk.webhooks.WebhookHandler;
import ai.heymilo.sdk.webhooks.WebhookReceiver;
import ai.heymilo.sdk.webhooks.WebhookVerifier;
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
    + "wait for the results (ended by a report_available webhook to a local receiver), print the scorecard, tag the "
    + "interview with metadata. Never touches the real API.",
    footerHeading = "%nExamples:%n", footer = {"  heymilo demo", "  heymilo demo -v        (also every HTTP request)"})
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  /** When the sandbox's candidate finishes the interview, counted from the start of the wait. */
  private static final Duration CANDIDATE_FINISHES_AFTER = Duration.ofSeconds(2);

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
      InterviewDataResponse results = awaitWithWebhook(client, connection, posting.getId(), candidate.getInterviewId());
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
      console.println("Done. `heymilo --help` lists every command;");
      console.println("set HEYMILO_API_KEY to work with your real data.");
      return 0;
    });
  }

  /**
   * Step 3: a webhook receiver on this machine, registered for {@code report_available}, wired into the client's
   * waits; the sandbox plays the candidate, who finishes a moment after the wait starts. The event ends the wait at
   * once — with one confirming poll — instead of at the next scheduled poll a minute later.
   */
  private InterviewDataResponse awaitWithWebhook(HeyMiloClient client, Connection connection, String postingId, String interviewId)
      throws InterruptedException {
    Console console = session.console;
    HeyMiloSandbox sandbox = java.util.Objects.requireNonNull(connection.embeddedSandbox(), "the demo runs on the embedded sandbox");
    String secret = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
    WebhookDispatcher dispatcher = WebhookDispatcher.create();
    long[] arrivedAt = {0};
    ProgressLine progress = new ProgressLine(console, "   interview " + interviewId);
    dispatcher.onAny(event -> {
      arrivedAt[0] = System.nanoTime();
      progress.printAbove("   ← webhook " + event.type().value() + " for interview " + event.interviewId() + " arrived");
    });
    WebhookHandler handler = WebhookHandler.builder().dispatcher(dispatcher)
        .verifier(WebhookVerifier.sharedSecretQueryParameter("token", secret)).build();
    try (WebhookReceiver receiver = WebhookReceiver.builder().handler(handler).path("/heymilo").start();
        WebhookDispatcher.Subscription wired = dispatcher.completeWaitsOf(client)) {
      client.webhooks().create(new CreateWebhookRequest().postingId(postingId).eventType(WebhookEventType.REPORT_AVAILABLE.value())
          .webhookUrl(receiver.uri() + "?token=" + secret));
      console.println("3. Registered a report_available webhook to a receiver on this machine,");
      console.println("   " + receiver.uri() + ";");
      console.println("   waiting for the results (the event ends the wait):");
      Thread candidate = new Thread(() -> {
        try {
          Thread.sleep(CANDIDATE_FINISHES_AFTER.toMillis());
          sandbox.completeInterview(interviewId);
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
        }
      }, "heymilo-demo-candidate");
      candidate.setDaemon(true);
      candidate.start();
      long started = System.nanoTime();
      InterviewDataResponse results = client.interviews().awaitData(interviewId,
          InterviewsCommands.waitOptions(Duration.ofMinutes(2), null, true)
              .listener(progress).build());
      candidate.join();
      if (arrivedAt[0] != 0) {
        console.println(String.format(java.util.Locale.ROOT, "   the results were in %.1f s after the wait began, %.1f s after the event",
            (System.nanoTime() - started) / 1e9, (System.nanoTime() - arrivedAt[0]) / 1e9));
      }
      return results;
    }
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
