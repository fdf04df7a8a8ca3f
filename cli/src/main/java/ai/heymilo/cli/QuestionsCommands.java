package ai.heymilo.cli;

import ai.heymilo.model.CreateQuestionRequest;
import ai.heymilo.model.QuestionResponse;
import ai.heymilo.model.ReorderQuestionsRequest;
import ai.heymilo.model.UpdateQuestionRequest;
import ai.heymilo.sdk.params.ListQuestionsParams;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo questions …} */
@Command(name = "questions", description = "Questions and scoring criteria of a posting's workflow: list, create, update, delete, reorder.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  heymilo questions list 13D77095",
        "  heymilo questions create 13D77095 --text \"Why customer service?\" --weight 1",
        "  heymilo questions update 13D77095 q_3 --criteria \"Names a de-escalation step\"",
        "  heymilo questions reorder 13D77095 q_5 q_1 q_2 q_3 q_4"})
final class QuestionsCommands {
  private static final String MODALITIES = "voice, sms, form, resume_eligibility, resume_scoring, voice_tags";
  private final Session session;

  QuestionsCommands(Session session) {
    this.session = session;
  }

  @Command(name = "list", description = "List a posting's questions in interview order.")
  int list(@Parameters(paramLabel = "POSTING_ID", description = "The posting's id.") String postingId,
      @Option(names = "--modality", paramLabel = "MODALITY", description = "Only this modality: " + MODALITIES + ".") @Nullable String modality,
      @Option(names = "--limit", paramLabel = "N", description = "Stop after this many questions.") @Nullable Integer limit,
      @Mixin Flags flags) {
    Inputs.checkLimit(limit);
    return session.run(flags, (client, connection) -> {
      ListQuestionsParams.Builder params = ListQuestionsParams.builder();
      if (modality != null) {
        // A modality newer than this SDK still reaches the server, which decides.
        Arrays.stream(ListQuestionsParams.Modality.values()).filter(known -> known.value().equals(modality)).findFirst()
            .ifPresentOrElse(params::modality, () -> params.additionalQueryParam("modality", modality));
      }
      List<QuestionResponse> questions = Lists.take(session.console, client.questions().list(postingId, params.build()), limit);
      return session.showTable(flags, questions, QuestionsCommands::table);
    });
  }

  static Table table(List<QuestionResponse> questions) {
    Table table = new Table("#", "ID", "MODALITY", "WEIGHT", "TEXT", "CRITERIA");
    questions.forEach(q -> table.row(q.getRank(), q.getId(), q.getModality(), q.getScoreWeight(), q.getText(), q.getEvaluationCriteria()));
    return table;
  }

  @Command(name = "create", description = "Add a question to a posting (at the end of its modality's list).")
  int create(@Parameters(paramLabel = "POSTING_ID", description = "The posting's id.") String postingId,
      @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The question as the interviewer asks it.") String text,
      @Option(names = "--modality", paramLabel = "MODALITY", defaultValue = "voice", description = "One of " + MODALITIES + " (default: ${DEFAULT-VALUE}).") String modality,
      @Option(names = "--criteria", paramLabel = "TEXT", description = "What a good answer shows (evaluation criteria).") @Nullable String criteria,
      @Option(names = "--weight", paramLabel = "N", description = "Score weight, an integer (the guide's 3.0 is 3).") @Nullable Long weight,
      @Option(names = "--score-1", paramLabel = "TEXT", description = "What an answer scored 1 looks like.") @Nullable String score1,
      @Option(names = "--score-5", paramLabel = "TEXT", description = "What an answer scored 5 looks like.") @Nullable String score5,
      @Mixin Flags flags) {
    CreateQuestionRequest request = new CreateQuestionRequest().modality(modality(modality, CreateQuestionRequest.ModalityEnum::fromValue)).text(text);
    ifGiven(criteria, request::evaluationCriteria);
    ifGiven(weight, request::scoreWeight);
    ifGiven(score1, request::scoreOf1);
    ifGiven(score5, request::scoreOf5);
    return session.run(flags, (client, connection) -> session.showText(flags, client.questions().create(postingId, request), this::describe));
  }

  @Command(name = "update", description = "Change a question's text, criteria or weight; only the options given are sent.")
  int update(@Parameters(index = "0", paramLabel = "POSTING_ID", description = "The posting's id.") String postingId,
      @Parameters(index = "1", paramLabel = "QUESTION_ID", description = "The question's id (see questions list).") String questionId,
      @Option(names = "--text", paramLabel = "TEXT", description = "New question text.") @Nullable String text,
      @Option(names = "--criteria", paramLabel = "TEXT", description = "New evaluation criteria.") @Nullable String criteria,
      @Option(names = "--weight", paramLabel = "N", description = "New score weight (integer).") @Nullable Long weight,
      @Option(names = "--score-1", paramLabel = "TEXT", description = "What an answer scored 1 looks like.") @Nullable String score1,
      @Option(names = "--score-5", paramLabel = "TEXT", description = "What an answer scored 5 looks like.") @Nullable String score5,
      @Mixin Flags flags) {
    if (text == null && criteria == null && weight == null && score1 == null && score5 == null) {
      throw new UsageException("nothing to change: give at least one of --text, --criteria, --weight, --score-1, --score-5");
    }
    UpdateQuestionRequest request = new UpdateQuestionRequest();
    ifGiven(text, request::text);
    ifGiven(criteria, request::evaluationCriteria);
    ifGiven(weight, request::scoreWeight);
    ifGiven(score1, request::scoreOf1);
    ifGiven(score5, request::scoreOf5);
    return session.run(flags, (client, connection) -> session.showText(flags, client.questions().update(postingId, questionId, request), this::describe));
  }

  /** Sets an option on the request only when it was given: a request sends only what the user set. */
  private static <T> void ifGiven(@Nullable T value, java.util.function.Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  @Command(name = "delete", description = "Delete a question from a posting.")
  int delete(@Parameters(index = "0", paramLabel = "POSTING_ID", description = "The posting's id.") String postingId,
      @Parameters(index = "1", paramLabel = "QUESTION_ID", description = "The question's id.") String questionId,
      @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> session.showText(flags, client.questions().delete(postingId, questionId),
        q -> session.console.println("deleted question " + q.getId())));
  }

  @Command(name = "reorder", description = "Set the order of a posting's questions of one modality: every question id, in the new order.")
  int reorder(@Parameters(index = "0", paramLabel = "POSTING_ID", description = "The posting's id.") String postingId,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "QUESTION_ID", description = "The question ids in their new order.") List<String> order,
      @Option(names = "--modality", paramLabel = "MODALITY", defaultValue = "voice", description = "Which questions (default: ${DEFAULT-VALUE}).") String modality,
      @Mixin Flags flags) {
    if (order.stream().distinct().count() != order.size()) {
      throw new UsageException("a question id appears twice in the new order: " + String.join(" ", order));
    }
    ReorderQuestionsRequest request = new ReorderQuestionsRequest().modality(modality(modality, ReorderQuestionsRequest.ModalityEnum::fromValue)).order(order);
    return session.run(flags, (client, connection) -> session.showTable(flags, client.questions().reorder(postingId, request), QuestionsCommands::table));
  }

  private void describe(QuestionResponse question) {
    Console console = session.console;
    console.println("question " + question.getId() + " (" + question.getModality() + ", #" + Scorecard.orDash(question.getRank())
        + ", weight " + Scorecard.orDash(question.getScoreWeight()) + ")");
    console.println("  " + question.getText());
    if (question.getEvaluationCriteria() != null) {
      console.println("  criteria: " + question.getEvaluationCriteria());
    }
  }

  /** A known modality, checked before anything starts; the list of known ones otherwise. */
  private static <E> E modality(String value, java.util.function.Function<String, E> fromValue) {
    String normalized = value.toLowerCase(Locale.ROOT);
    if (Arrays.stream(MODALITIES.split(", ")).noneMatch(normalized::equals)) {
      throw new UsageException("unknown --modality '" + value + "'; one of " + MODALITIES);
    }
    return fromValue.apply(normalized);
  }
}
