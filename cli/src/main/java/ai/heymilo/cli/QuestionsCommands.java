package ai.heymilo.cli;

import ai.heymilo.model.QuestionResponse;
import ai.heymilo.sdk.params.ListQuestionsParams;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo questions …} */
@Command(name = "questions", description = "Questions and criteria of a posting's workflow.")
final class QuestionsCommands {
  private final Session session;

  QuestionsCommands(Session session) {
    this.session = session;
  }

  @Command(name = "list", description = "List a posting's questions in interview order.")
  int list(@Parameters(paramLabel = "POSTING_ID") String postingId,
      @Option(names = "--modality", description = "Only this modality: voice, sms, form, resume_eligibility, resume_scoring, voice_tags.") @Nullable String modality,
      @Option(names = "--limit", description = "Stop after this many questions.") @Nullable Integer limit,
      @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      ListQuestionsParams.Builder params = ListQuestionsParams.builder();
      if (modality != null) {
        // A modality newer than this SDK still reaches the server, which decides.
        java.util.Arrays.stream(ListQuestionsParams.Modality.values()).filter(known -> known.value().equals(modality)).findFirst()
            .ifPresentOrElse(params::modality, () -> params.additionalQueryParam("modality", modality));
      }
      List<QuestionResponse> questions = Lists.take(client.questions().list(postingId, params.build()).stream(), limit);
      return session.show(flags, questions, list -> {
        Table table = new Table("ID", "MODALITY", "WEIGHT", "TEXT");
        list.forEach(q -> table.row(q.getId(), q.getModality(), q.getScoreWeight(), q.getText()));
        table.print(session.console.out);
      });
    });
  }
}
