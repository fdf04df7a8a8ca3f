package ai.heymilo.cli;

import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreatePostingResponse;
import ai.heymilo.model.CreateQuestion;
import ai.heymilo.model.PostingResponse;
import ai.heymilo.model.PostingStatsResponse;
import ai.heymilo.model.UpdatePostingRequest;
import ai.heymilo.model.WebInterviewConfig;
import ai.heymilo.model.WebInterviewStep;
import ai.heymilo.sdk.params.ListPostingsParams;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo postings …} — interviewers (postings). */
@Command(name = "postings", description = "Interviewers (postings): a job plus the AI agent and workflow that interviews for it.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  heymilo postings list --search Barista",
        "  heymilo postings create --title \"Customer Service Rep\" --video \\",
        "      --question \"Calm an upset customer?\" --weight 3",
        "  heymilo postings update 13D77095 --title \"Senior Customer Service Rep\"",
        "  heymilo postings stats 13D77095 -o json"})
final class PostingsCommands {
  private final Session session;

  PostingsCommands(Session session) {
    this.session = session;
  }

  @Command(name = "list", description = "List postings, following every page (lazily).",
      footerHeading = "%nExamples:%n", footer = {"  heymilo postings list --limit 20", "  heymilo postings list --search Barista -o csv > postings.csv"})
  int list(@Option(names = "--search", paramLabel = "TEXT", description = "Only postings whose title contains this.") @Nullable String search,
      @Option(names = "--limit", paramLabel = "N", description = "Stop after this many postings.") @Nullable Integer limit,
      @Mixin Flags flags) {
    Inputs.checkLimit(limit);
    return session.run(flags, (client, connection) -> {
      ListPostingsParams params = ListPostingsParams.builder().search(search).build();
      List<PostingResponse> postings = Lists.take(session.console, client.postings().list(params), limit);
      return session.showTable(flags, postings, list -> {
        Table table = new Table("ID", "STATUS", "CREATED", "TITLE");
        list.forEach(p -> table.row(p.getId(), Boolean.TRUE.equals(p.getArchived()) ? "archived" : p.getStatus(), session.console.time(p.getCreatedAt()), p.getTitle()));
        return table;
      });
    });
  }

  @Command(name = "get", description = "Show one posting: status, language, interviewer, candidate link, workflow.",
      footerHeading = "%nExamples:%n", footer = {"  heymilo postings get 13D77095", "  heymilo postings get 13D77095 -o yaml"})
  int get(@Parameters(paramLabel = "POSTING_ID", description = "The posting's id.") String postingId, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> session.showText(flags, client.postings().get(postingId), this::describe));
  }

  @Command(name = "create", description = "Create a posting with one web-interview step from options, or any posting from a JSON request file.",
      footerHeading = "%nExamples:%n",
      footer = {
          "  heymilo postings create --title \"Customer Service Rep\" --video \\",
          "      --question \"Tell me about calming an upset customer.\" --weight 3 \\",
          "      --question \"Why customer service?\" --weight 1",
          "  heymilo postings create --file posting.json    (a CreatePostingRequest)"})
  int create(@Option(names = "--title", paramLabel = "TITLE", description = "Job title (3–200 characters).") @Nullable String title,
      @Option(names = "--description", paramLabel = "TEXT", description = "Job description; the AI uses it to generate questions.") @Nullable String description,
      @Option(names = "--question", paramLabel = "TEXT", description = "An interview question (repeatable, in order); omit to let the AI generate them.") @Nullable List<String> questions,
      @Option(names = "--weight", paramLabel = "N", description = "Score weight of the --question at the same position (repeatable; integers, default 1).") @Nullable List<Long> weights,
      @Option(names = "--video", description = "Turn the candidate's camera on during the interview.") boolean video,
      @Option(names = "--file", paramLabel = "FILE", description = "A CreatePostingRequest as JSON, instead of the options above.") @Nullable Path file,
      @Mixin Flags flags) {
    CreatePostingRequest request = file != null
        ? fromFile(file, title, description, questions, video)
        : fromOptions(title, description, questions, weights, video);
    return session.run(flags, (client, connection) -> {
      CreatePostingResponse created = client.postings().create(request);
      return session.showText(flags, created, c -> {
        session.console.println("created posting " + c.getId() + " (" + c.getStatus() + ")");
        if (c.getUrls() != null) {
          session.console.println("candidate link " + Scorecard.orDash(c.getUrls().getCandidateUrl()));
        }
      });
    });
  }

  @Command(name = "update", description = "Change a posting's fields; only those given are sent (\"\" clears a text field).",
      footerHeading = "%nExamples:%n",
      footer = {"  heymilo postings update 13D77095 --title \"Senior Rep\" --interviewer-name Sarah",
          "  heymilo postings update 13D77095 --file changes.json (UpdatePostingRequest)"})
  int update(@Parameters(paramLabel = "POSTING_ID", description = "The posting's id.") String postingId,
      @Option(names = "--title", paramLabel = "TITLE", description = "New job title.") @Nullable String title,
      @Option(names = "--description", paramLabel = "TEXT", description = "New job description.") @Nullable String description,
      @Option(names = "--instructions", paramLabel = "TEXT", description = "Instructions for the AI interviewer.") @Nullable String instructions,
      @Option(names = "--interviewer-name", paramLabel = "NAME", description = "The AI interviewer's name.") @Nullable String interviewerName,
      @Option(names = "--language", paramLabel = "CODE", description = "Interview language, such as en or es.") @Nullable String language,
      @Option(names = "--file", paramLabel = "FILE", description = "An UpdatePostingRequest as JSON, instead of the options above.") @Nullable Path file,
      @Mixin Flags flags) {
    UpdatePostingRequest request;
    if (file != null) {
      if (title != null || description != null || instructions != null || interviewerName != null || language != null) {
        throw new UsageException("--file holds the whole change; give either --file or the field options, not both");
      }
      request = Inputs.json(file, UpdatePostingRequest.class, "an UpdatePostingRequest");
    } else {
      if (title == null && description == null && instructions == null && interviewerName == null && language == null) {
        throw new UsageException("nothing to change: give at least one of --title, --description, --instructions, "
            + "--interviewer-name, --language, or --file");
      }
      request = new UpdatePostingRequest();
      if (title != null) {
        request.title(title);
      }
      if (description != null) {
        request.description(description);
      }
      if (instructions != null) {
        request.instructions(instructions.isEmpty() ? null : instructions);
      }
      if (interviewerName != null) {
        request.interviewerName(interviewerName);
      }
      if (language != null) {
        request.language(language);
      }
    }
    return session.run(flags, (client, connection) -> session.showText(flags, client.postings().update(postingId, request), this::describe));
  }

  @Command(name = "archive", description = "Archive a posting: it stops taking candidates; activate brings it back.")
  int archive(@Parameters(paramLabel = "POSTING_ID", description = "The posting's id.") String postingId, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> session.showText(flags, client.postings().archive(postingId), this::describe));
  }

  @Command(name = "activate", description = "Activate an archived posting again.")
  int activate(@Parameters(paramLabel = "POSTING_ID", description = "The posting's id.") String postingId, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> session.showText(flags, client.postings().activate(postingId), this::describe));
  }

  @Command(name = "clone", description = "Copy a posting with its workflow and questions; prints the new posting's id.")
  int clone(@Parameters(paramLabel = "POSTING_ID", description = "The posting to copy.") String postingId, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> session.showText(flags, client.postings().clone(postingId),
        c -> session.console.println("cloned " + postingId + " as posting " + c.getId() + " (" + c.getStatus() + ")")));
  }

  @Command(name = "stats", description = "A posting's numbers: candidates, completed interviews, average scores.")
  int stats(@Parameters(paramLabel = "POSTING_ID", description = "The posting's id.") String postingId, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> session.showText(flags, client.postings().getStats(postingId), this::describeStats));
  }

  private void describeStats(PostingStatsResponse stats) {
    Console console = session.console;
    console.println(stats.getTitle() + "  (" + stats.getPostingId() + ")");
    console.println("candidates " + stats.getTotalCandidates() + " · completed interviews " + stats.getCompletedInterviews()
        + " · average interview score " + Scorecard.number(stats.getAverageInterviewScore())
        + " · average resume score " + Scorecard.number(stats.getAverageResumeScore()));
  }

  private void describe(PostingResponse posting) {
    Console console = session.console;
    console.println(posting.getTitle() + "  (" + posting.getId() + ")");
    console.println("status " + (Boolean.TRUE.equals(posting.getArchived()) ? "archived" : posting.getStatus()) + " · language " + Scorecard.orDash(posting.getLanguage())
        + " · interviewer " + Scorecard.orDash(posting.getInterviewerName()) + " · created " + console.time(posting.getCreatedAt()));
    if (posting.getUrls() != null) {
      console.println("candidate link " + Scorecard.orDash(posting.getUrls().getCandidateUrl()));
    }
    if (posting.getWorkflow() != null) {
      console.println("workflow " + posting.getWorkflow().stream().map(step -> step.getOrder() + ". " + step.getType())
          .collect(Collectors.joining(", ")));
    }
  }

  private static CreatePostingRequest fromFile(Path file, @Nullable String title, @Nullable String description,
      @Nullable List<String> questions, boolean video) {
    if (title != null || description != null || questions != null || video) {
      throw new UsageException("--file holds the whole request; give either --file or --title/--description/--question/--video, not both");
    }
    return Inputs.json(file, CreatePostingRequest.class, "a CreatePostingRequest");
  }

  static CreatePostingRequest fromOptions(@Nullable String title, @Nullable String description, @Nullable List<String> questions,
      @Nullable List<Long> weights, boolean video) {
    if (title == null) {
      throw new UsageException("--title is required (or pass a whole request with --file)");
    }
    int questionCount = questions == null ? 0 : questions.size();
    if (weights != null && weights.size() > questionCount) {
      throw new UsageException(weights.size() + " --weight values for " + questionCount + " --question values; give one weight per question, in the same order");
    }
    WebInterviewStep step = new WebInterviewStep().config(new WebInterviewConfig().video(video));
    for (int i = 0; i < questionCount; i++) {
      CreateQuestion question = new CreateQuestion().modality("voice").text(questions.get(i));
      if (weights != null && i < weights.size()) {
        question.scoreWeight(weights.get(i));
      }
      step.addQuestion(question);
    }
    CreatePostingRequest request = new CreatePostingRequest().title(title).addStep(step);
    return description == null ? request : request.description(description);
  }
}
