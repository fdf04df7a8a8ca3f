package ai.heymilo.cli;

import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CandidateResponse;
import ai.heymilo.model.IngestCandidateResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo candidates …} */
@Command(name = "candidates", description = "Candidates of a posting: ingest one, list them with their progress.")
final class CandidatesCommands {
  private final Session session;

  CandidatesCommands(Session session) {
    this.session = session;
  }

  @Command(name = "list", description = "List a posting's candidates, following every page (lazily).")
  int list(@Parameters(paramLabel = "POSTING_ID") String postingId,
      @Option(names = "--limit", description = "Stop after this many candidates.") @Nullable Integer limit,
      @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      List<CandidateResponse> candidates = Lists.take(client.candidates().list(postingId).stream(), limit);
      return session.show(flags, candidates, list -> {
        Table table = new Table("INTERVIEW_ID", "STATUS", "SCORE", "NAME", "EMAIL");
        list.forEach(c -> table.row(c.getInterviewId(), c.getStatus(), Scorecard.number(c.getScore()), c.getName(), c.getEmail()));
        table.print(session.console.out);
      });
    });
  }

  @Command(name = "ingest", description = "Add a candidate to a posting; prints the interview id and the link to send them.")
  int ingest(@Parameters(paramLabel = "POSTING_ID") String postingId,
      @Option(names = "--name", required = true, description = "Full name.") String name,
      @Option(names = "--email", required = true, description = "Email address.") String email,
      @Option(names = "--phone", description = "Phone number (for SMS reminders and voice/SMS steps).") @Nullable String phone,
      @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      CandidateIngestRequest request = new CandidateIngestRequest().name(name).email(email);
      if (phone != null) {
        request.phoneNumber(phone);
      }
      IngestCandidateResponse ingested = client.candidates().ingest(postingId, request);
      return session.show(flags, ingested, i -> {
        session.console.println("interview " + i.getInterviewId() + " for " + name + " <" + email + ">");
        session.console.println("interview link " + Scorecard.orDash(i.getInterviewUrl()));
      });
    });
  }
}
