package ai.heymilo.cli;

import ai.heymilo.model.BulkCandidateIngestRequest;
import ai.heymilo.model.BulkIngestCandidateResponseItem;
import ai.heymilo.model.CandidateIngestRequest;
import ai.heymilo.model.CandidateResponse;
import ai.heymilo.model.IngestCandidateResponse;
import ai.heymilo.sdk.HeyMiloClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code heymilo candidates …} */
@Command(name = "candidates", description = "Candidates of a posting: ingest one or a file of them, list them with their scores.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  heymilo candidates ingest 13D77095 --name \"Jane Smith\" --email jane@example.com",
        "  heymilo candidates bulk 13D77095 --file ats-export.csv",
        "  heymilo candidates list 13D77095 -o csv > scores.csv"})
final class CandidatesCommands {
  private final Session session;

  CandidatesCommands(Session session) {
    this.session = session;
  }

  @Command(name = "list", description = "List a posting's candidates with their status and score, following every page (lazily).")
  int list(@Parameters(paramLabel = "POSTING_ID", description = "The posting's id.") String postingId,
      @Option(names = "--limit", paramLabel = "N", description = "Stop after this many candidates.") @Nullable Integer limit,
      @Mixin Flags flags) {
    Inputs.checkLimit(limit);
    return session.run(flags, (client, connection) -> {
      List<CandidateResponse> candidates = Lists.take(session.console, client.candidates().list(postingId), limit);
      return session.showTable(flags, candidates, list -> {
        Table table = new Table("INTERVIEW_ID", "STATUS", "SCORE", "INTERVIEWED", "NAME", "EMAIL");
        list.forEach(c -> table.row(c.getInterviewId(), c.getStatus(), Scorecard.score(c.getStatus(), c.getScore()),
            session.console.time(c.getInterviewedAt()), c.getName(), c.getEmail()));
        return table;
      });
    });
  }

  @Command(name = "ingest", description = "Add a candidate to a posting; prints the interview id and the link to send them.")
  int ingest(@Parameters(paramLabel = "POSTING_ID", description = "The posting's id.") String postingId,
      @Option(names = "--name", required = true, paramLabel = "NAME", description = "Full name.") String name,
      @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Email address.") String email,
      @Option(names = "--phone", paramLabel = "PHONE", description = "Phone number, E.164 (for SMS reminders and voice/SMS steps).") @Nullable String phone,
      @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "Metadata to store with the candidate (repeatable).") @Nullable List<String> metadata,
      @Mixin Flags flags) {
    CandidateIngestRequest request = new CandidateIngestRequest().name(name).email(email);
    if (phone != null) {
      request.phoneNumber(phone);
    }
    if (metadata != null) {
      request.metadata(Inputs.pairs(metadata));
    }
    return session.run(flags, (client, connection) -> {
      IngestCandidateResponse ingested = client.candidates().ingest(postingId, request);
      return session.showText(flags, ingested, i -> {
        session.console.println("interview " + i.getInterviewId() + " for " + name + " <" + email + ">");
        session.console.println("interview link " + Scorecard.orDash(i.getInterviewUrl()));
      });
    });
  }

  /** What happened to one row of a bulk file; also its JSON shape. */
  static final class RowResult {
    final int row;
    final @Nullable String name;
    final @Nullable String email;
    final String result;
    @com.google.gson.annotations.SerializedName("interview_id")
    final @Nullable String interviewId;
    @com.google.gson.annotations.SerializedName("interview_url")
    final @Nullable String interviewUrl;
    final @Nullable String error;

    RowResult(CandidateFile.Row row, @Nullable BulkIngestCandidateResponseItem item, @Nullable String error) {
      this.row = row.number;
      this.name = row.request == null ? null : row.request.getName();
      this.email = row.request == null ? null : row.request.getEmail();
      this.result = item != null ? "ingested" : row.problem != null ? "skipped" : "failed";
      this.interviewId = item == null ? null : item.getInterviewId();
      this.interviewUrl = item == null ? null : item.getInterviewUrl();
      this.error = error;
    }
  }

  @Command(name = "bulk", description = "Ingest every candidate of a JSON or CSV file (an ATS export), in batches, with a progress bar "
      + "and one result per row. Rows without a name or a valid email are skipped and reported, not sent.",
      footerHeading = "%nFile formats:%n",
      footer = {
          "  CSV   a header line, then one candidate per line; columns by name:",
          "        name (or first_name and last_name), email, phone_number (or phone);",
          "        other columns are ignored and named",
          "  JSON  [ {\"name\": \"Jane Smith\", \"email\": \"jane@example.com\"}, … ]",
          "        or the API's own {\"data\": [ … ]}",
          "",
          "Examples:",
          "  heymilo candidates bulk 13D77095 --file ats-export.csv",
          "  heymilo candidates bulk 13D77095 --file people.json -o csv > results.csv",
          "",
          "Exit code 0 when every row was ingested, else that of the first failure",
          "(5 for a skipped row)."})
  int bulk(@Parameters(paramLabel = "POSTING_ID", description = "The posting's id.") String postingId,
      @Option(names = "--file", required = true, paramLabel = "FILE", description = "The candidates: .csv or .json.") Path file,
      @Option(names = "--batch-size", paramLabel = "N", defaultValue = "25", description = "Candidates per request (default: ${DEFAULT-VALUE}).") int batchSize,
      @Mixin Flags flags) {
    if (batchSize < 1 || batchSize > 500) {
      throw new UsageException("--batch-size must be between 1 and 500, but was " + batchSize);
    }
    CandidateFile candidates = CandidateFile.read(file);
    if (!candidates.ignoredColumns.isEmpty()) {
      session.console.note("ignoring columns " + String.join(", ", candidates.ignoredColumns));
    }
    return session.run(flags, (client, connection) -> {
      List<RowResult> results = new ArrayList<>();
      Throwable[] firstFailure = {null};
      ProgressLine progress = new ProgressLine(session.console);
      List<CandidateFile.Row> batch = new ArrayList<>();
      int total = candidates.rows.size();
      for (CandidateFile.Row row : candidates.rows) {
        if (row.problem != null) {
          results.add(new RowResult(row, null, row.problem));
          if (firstFailure[0] == null) {
            firstFailure[0] = new ai.heymilo.sdk.errors.InvalidRequestException("row " + row.number, row.problem);
          }
        } else {
          batch.add(row);
        }
        if (batch.size() == batchSize) {
          send(client, postingId, batch, results, firstFailure);
          progress.show(bar(results.size(), total));
        }
      }
      send(client, postingId, batch, results, firstFailure);
      progress.clear();
      results.sort(java.util.Comparator.comparingInt(r -> r.row));
      session.showTable(flags, results, list -> {
        Table table = new Table("ROW", "RESULT", "INTERVIEW_ID", "NAME", "EMAIL", "INTERVIEW_URL / ERROR");
        list.forEach(r -> table.row(r.row, r.result, r.interviewId, r.name, r.email, r.error != null ? r.error : r.interviewUrl));
        return table;
      });
      long ingested = results.stream().filter(r -> r.interviewId != null).count();
      session.console.note(ingested + " of " + total + " candidates ingested"
          + (ingested == total ? "" : "; " + (total - ingested) + " not (see their rows)"));
      return firstFailure[0] == null ? 0 : ExitCode.of(firstFailure[0]).code;
    });
  }

  /** Sends one batch; its rows get the API's answers in order, or all the batch's error. */
  private static void send(HeyMiloClient client, String postingId, List<CandidateFile.Row> batch, List<RowResult> results, Throwable[] firstFailure) {
    if (batch.isEmpty()) {
      return;
    }
    BulkCandidateIngestRequest request = new BulkCandidateIngestRequest();
    batch.forEach(row -> request.addCandidate(row.request));
    try {
      List<BulkIngestCandidateResponseItem> items = client.candidates().ingestBulk(postingId, request);
      for (int i = 0; i < batch.size(); i++) {
        BulkIngestCandidateResponseItem item = i < items.size() ? items.get(i) : null;
        results.add(new RowResult(batch.get(i), item, item == null ? "no answer for this row" : null));
      }
    } catch (ai.heymilo.sdk.errors.HeyMiloException failure) {
      if (firstFailure[0] == null) {
        firstFailure[0] = failure;
      }
      batch.forEach(row -> results.add(new RowResult(row, null, Table.oneLine(String.valueOf(failure.getMessage())))));
    }
    batch.clear();
  }

  static String bar(int done, int total) {
    int width = 24;
    int filled = total == 0 ? width : (int) ((long) done * width / total);
    return "ingesting [" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total;
  }
}
