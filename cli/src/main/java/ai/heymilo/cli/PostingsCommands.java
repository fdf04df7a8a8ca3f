package ai.heymilo.cli;

import ai.heymilo.client.HeyMiloGson;
import ai.heymilo.model.CreatePostingRequest;
import ai.heymilo.model.CreatePostingResponse;
import ai.heymilo.model.CreateQuestion;
import ai.heymilo.model.PostingResponse;
import ai.heymilo.model.WebInterviewConfig;
import ai.heymilo.model.WebInterviewStep;
import ai.heymilo.sdk.params.ListPostingsParams;
import ai.heymilo.sdk.errors.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo postings …} — interviewers (postings). */
@Command(name = "postings", description = "Interviewers (postings): a job plus the AI agent and workflow that interviews for it.")
final class PostingsCommands {
  private final Session session;

  PostingsCommands(Session session) {
    this.session = session;
  }

  @Command(name = "list", description = "List postings, following every page (lazily).")
  int list(@Option(names = "--search", description = "Only postings whose title contains this.") @Nullable String search,
      @Option(names = "--limit", description = "Stop after this many postings.") @Nullable Integer limit,
      @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      ListPostingsParams params = ListPostingsParams.builder().search(search).build();
      List<PostingResponse> postings = Lists.take(client.postings().list(params).stream(), limit);
      return session.show(flags, postings, list -> {
        Table table = new Table("ID", "STATUS", "TITLE");
        list.forEach(posting -> table.row(posting.getId(), posting.getStatus(), posting.getTitle()));
        table.print(session.console.out);
      });
    });
  }

  @Command(name = "get", description = "Show one posting.")
  int get(@Parameters(paramLabel = "POSTING_ID") String postingId, @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      return session.show(flags, client.postings().get(postingId), this::describe);
    });
  }

  @Command(name = "create", description = "Create a posting with a web-interview step, or from a JSON request file.")
  int create(@Option(names = "--title", description = "Job title (3–200 characters).") @Nullable String title,
      @Option(names = "--description", description = "Job description; the AI uses it to generate questions.") @Nullable String description,
      @Option(names = "--question", description = "An interview question (repeatable); omit to let the AI generate them.") @Nullable List<String> questions,
      @Option(names = "--video", description = "Turn the candidate's camera on during the interview.") boolean video,
      @Option(names = "--file", description = "A CreatePostingRequest as JSON; the other options are then ignored.") @Nullable Path file,
      @Mixin Flags flags) {
    return session.run(flags, (client, connection) -> {
      CreatePostingRequest request = file != null ? read(file) : fromOptions(title, description, questions, video);
      CreatePostingResponse created = client.postings().create(request);
      return session.show(flags, created, c -> {
        session.console.println("created posting " + c.getId() + " (" + c.getStatus() + ")");
        if (c.getUrls() != null) {
          session.console.println("candidate link " + Scorecard.orDash(c.getUrls().getCandidateUrl()));
        }
      });
    });
  }

  private void describe(PostingResponse posting) {
    Console console = session.console;
    console.println(posting.getTitle() + "  (" + posting.getId() + ")");
    console.println("status " + posting.getStatus() + " · language " + Scorecard.orDash(posting.getLanguage())
        + " · interviewer " + Scorecard.orDash(posting.getInterviewerName()));
    if (posting.getUrls() != null) {
      console.println("candidate link " + Scorecard.orDash(posting.getUrls().getCandidateUrl()));
    }
    if (posting.getWorkflow() != null) {
      console.println("workflow " + posting.getWorkflow().stream().map(step -> step.getOrder() + ". " + step.getType())
          .collect(Collectors.joining(", ")));
    }
  }

  static CreatePostingRequest fromOptions(@Nullable String title, @Nullable String description, @Nullable List<String> questions,
      boolean video) {
    if (title == null) {
      throw new InvalidRequestException("title", "--title is required (or pass a whole request with --file)");
    }
    WebInterviewStep step = new WebInterviewStep().config(new WebInterviewConfig().video(video));
    if (questions != null) {
      for (String text : questions) {
        step.addQuestion(new CreateQuestion().modality("voice").text(text));
      }
    }
    CreatePostingRequest request = new CreatePostingRequest().title(title).addStep(step);
    return description == null ? request : request.description(description);
  }

  private static CreatePostingRequest read(Path file) throws IOException {
    try {
      CreatePostingRequest request = HeyMiloGson.create().fromJson(Files.readString(file), CreatePostingRequest.class);
      if (request == null) {
        throw new InvalidRequestException("file", file + " is empty");
      }
      return request;
    } catch (com.google.gson.JsonParseException | ai.heymilo.model.JsonDecodingException e) {
      throw new InvalidRequestException("file", file + " is not a valid posting request: " + e.getMessage());
    }
  }
}
