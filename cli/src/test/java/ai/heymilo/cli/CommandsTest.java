package ai.heymilo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sandbox.SandboxData;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every step of the guide, as commands: postings, questions, candidates, interviews, webhooks, ATS. */
class CommandsTest extends CliTest {
  @Test
  void postings_createFromOptionsAndFile_getUpdateArchiveActivateCloneStats(@TempDir Path dir) throws Exception {
    Run created = api("postings", "create", "--title", "Customer Service Representative", "--video",
        "--question", "Tell me about calming an upset customer.", "--weight", "3", "--question", "Why customer service?");
    assertExit(0, created);
    assertTrue(created.out.startsWith("created posting "), created::toString);
    String id = created.out.substring("created posting ".length(), created.out.indexOf(' ', "created posting ".length()));
    Run questions = api("questions", "list", id, "--json");
    JsonArray list = questions.outArray();
    assertEquals(2, list.size(), questions::toString);
    assertEquals(3, list.get(0).getAsJsonObject().get("score_weight").getAsInt());

    Path file = dir.resolve("posting.json");
    Files.writeString(file, "{\"title\": \"Barista\", \"workflow\": [{\"type\": \"web_interview\", \"config\": {\"video\": false}}]}");
    assertExit(0, api("postings", "create", "--file", file.toString()));
    assertExit(2, api("postings", "create", "--file", file.toString(), "--title", "Both"));
    assertExit(2, api("postings", "create", "--title", "Two weights", "--question", "Q?", "--weight", "1", "--weight", "2"));

    Run updated = api("postings", "update", id, "--title", "Senior Customer Service Representative");
    assertExit(0, updated);
    assertTrue(updated.out.startsWith("Senior Customer Service Representative  (" + id + ")"), updated::toString);
    assertExit(2, api("postings", "update", id));

    assertContains("status archived", api("postings", "archive", id).out, updated);
    Run activated = api("postings", "activate", id);
    assertExit(0, activated);
    assertTrue(!activated.out.contains("status archived"), activated::toString);

    Run cloned = api("postings", "clone", SandboxData.POSTING_ID);
    assertExit(0, cloned);
    assertTrue(cloned.out.startsWith("cloned " + SandboxData.POSTING_ID + " as posting "), cloned::toString);

    Run stats = api("postings", "stats", SandboxData.POSTING_ID);
    assertExit(0, stats);
    assertContains("candidates ", stats.out, stats);
    assertContains("completed interviews ", stats.out, stats);
  }

  @Test
  void questions_listCreateUpdateDeleteReorder() {
    Run list = api("questions", "list", SandboxData.POSTING_ID, "--modality", "voice");
    assertExit(0, list);
    assertContains(SandboxData.QUESTION_ID, list.out, list);

    Run created = api("questions", "create", SandboxData.POSTING_ID, "--text", "How do you handle a refund request?",
        "--criteria", "Follows policy, stays friendly", "--weight", "2");
    assertExit(0, created);
    String newId = created.out.substring("question ".length(), created.out.indexOf(' ', "question ".length()));

    Run updated = api("questions", "update", SandboxData.POSTING_ID, SandboxData.QUESTION_3_ID, "--criteria", "Names a concrete de-escalation step");
    assertExit(0, updated);
    assertContains("criteria: Names a concrete de-escalation step", updated.out, updated);
    assertExit(2, api("questions", "update", SandboxData.POSTING_ID, SandboxData.QUESTION_3_ID));

    assertEquals("deleted question " + newId + "\n", api("questions", "delete", SandboxData.POSTING_ID, newId).out);

    List<String> ids = api("questions", "list", SandboxData.POSTING_ID, "--modality", "voice", "--json").outArray().asList().stream()
        .map(q -> q.getAsJsonObject().get("id").getAsString()).collect(Collectors.toList());
    List<String> reversed = new java.util.ArrayList<>(ids);
    java.util.Collections.reverse(reversed);
    String[] args = new String[3 + reversed.size()];
    args[0] = "questions";
    args[1] = "reorder";
    args[2] = SandboxData.POSTING_ID;
    for (int i = 0; i < reversed.size(); i++) {
      args[3 + i] = reversed.get(i);
    }
    Run reorder = api(args);
    assertExit(0, reorder);
    List<String> after = api("questions", "list", SandboxData.POSTING_ID, "--modality", "voice", "--json").outArray().asList().stream()
        .map(q -> q.getAsJsonObject().get("id").getAsString()).collect(Collectors.toList());
    assertEquals(reversed, after);
    assertExit(2, api("questions", "reorder", SandboxData.POSTING_ID, SandboxData.QUESTION_ID, SandboxData.QUESTION_ID));
    assertExit(2, api("questions", "create", SandboxData.POSTING_ID, "--text", "x", "--modality", "telepathy"));
  }

  @Test
  void candidates_ingestAndListWithScores() {
    Run ingest = api("candidates", "ingest", SandboxData.POSTING_ID, "--name", "Ada Lovelace", "--email", "ada@example.com",
        "--metadata", "external_id=ats_1");
    assertExit(0, ingest);
    assertTrue(ingest.out.startsWith("interview "), ingest::toString);
    assertContains("interview link http", ingest.out, ingest);

    Run list = api("candidates", "list", SandboxData.POSTING_ID);
    assertExit(0, list);
    String header = list.out.lines().findFirst().orElseThrow();
    assertTrue(header.matches("INTERVIEW_ID +STATUS +SCORE +INTERVIEWED +NAME +EMAIL"), list::toString);
    String knockedOut = list.out.lines().filter(l -> l.startsWith(SandboxData.KNOCKED_OUT_INTERVIEW_ID)).findFirst().orElseThrow();
    assertTrue(knockedOut.contains("knocked out"), list::toString);
  }

  @Test
  void candidatesBulk_fromAnAtsCsvExport_perRowResults(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("export.csv");
    Files.writeString(csv, "\ufeffFirst Name,Last Name,Email Address,Phone,Req ID\r\n"
        + "Jane,Smith,jane.smith@example.com,+15551234567,R-1\r\n"
        + "\"O'Brien, Jr.\",Pat,pat@example.com,,R-1\r\n"
        + "No,Email,,,R-1\r\n"
        + "Sam,Lee,sam@example.com,,R-1\r\n");
    Run run = api("candidates", "bulk", SandboxData.POSTING_ID, "--file", csv.toString(), "--batch-size", "2");

    assertExit(5, run);
    List<String> lines = run.out.lines().collect(Collectors.toList());
    assertTrue(lines.get(0).startsWith("ROW"), run::toString);
    assertEquals(5, lines.size(), run::toString);
    assertTrue(lines.get(1).matches("2 +ingested +\\S+ +Jane Smith +jane.smith@example.com +http.*"), run::toString);
    assertTrue(lines.get(2).contains("O'Brien, Jr. Pat"), run::toString);
    assertTrue(lines.get(3).matches("4 +skipped +- +No Email +email is empty"), run::toString);
    assertContains("ignoring columns Req ID", run.err, run);
    assertContains("3 of 4 candidates ingested; 1 not (see their rows)", run.err, run);
  }

  @Test
  void candidatesBulk_fromJson_allIngested_asJson(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("candidates.json");
    Files.writeString(json, "{\"data\": [{\"name\": \"Jane Smith\", \"email\": \"jane@example.com\"}, "
        + "{\"name\": \"Sam Lee\", \"email\": \"sam@example.com\", \"phone_number\": \"+15551234567\"}]}");
    Run run = api("candidates", "bulk", SandboxData.POSTING_ID, "--file", json.toString(), "--json");

    assertExit(0, run);
    JsonArray rows = run.outArray();
    assertEquals(2, rows.size());
    assertEquals("ingested", rows.get(1).getAsJsonObject().get("result").getAsString());
    assertTrue(rows.get(1).getAsJsonObject().get("interview_id").getAsString().length() > 0);
    assertExit(2, api("candidates", "bulk", SandboxData.POSTING_ID, "--file", dir.resolve("missing.csv").toString()));
  }

  @Test
  void interviewsScorecard_withTranscriptVideoAndReasons() {
    completeInterview(SandboxData.INTERVIEW_ID);
    Run run = api("interviews", "scorecard", SandboxData.INTERVIEW_ID, "--transcript");

    assertExit(0, run);
    assertContains("Overall score", run.out, run);
    assertContains("speech ", run.out, run);
    assertContains("  Video", run.out, run);
    assertContains("WHY", run.out, run);
    assertContains("Transcript:", run.out, run);
    assertTrue(run.out.lines().anyMatch(line -> line.matches("    \\[\\d\\d:\\d\\d\\] \\w+: .+")), run::toString);
    assertTrue(!api("interviews", "scorecard", SandboxData.INTERVIEW_ID).out.contains("Transcript:"));
  }

  @Test
  void interviewsGet_knockedOutCandidateIsShownAsSuch() {
    completeInterview(SandboxData.KNOCKED_OUT_INTERVIEW_ID);
    Run run = api("interviews", "get", SandboxData.KNOCKED_OUT_INTERVIEW_ID);

    assertExit(0, run);
    assertContains("status knocked_out", run.out, run);
    assertContains("knocked out — a knockout answer ended the interview", run.out, run);
    assertTrue(!run.out.contains("not scored yet"), run::toString);
  }

  @Test
  void interviewsWait_showsProgressThenTheScorecard() {
    Run run = api("interviews", "wait", SandboxData.INTERVIEW_ID, "--interval", "100ms");

    assertExit(0, run);
    assertContains("interview " + SandboxData.INTERVIEW_ID + ": not_ready · poll 1", run.err, run);
    assertContains(": completed · poll 3", run.err, run);
    assertContains("status completed", run.out, run);
  }

  @Test
  void interviewsMetadata_getSetDelete() {
    Run set = api("interviews", "metadata", "set", SandboxData.INTERVIEW_ID, "external_id=ats_12345", "source=workday");
    Run get = api("interviews", "metadata", "get", SandboxData.INTERVIEW_ID, "--json");
    Run delete = api("interviews", "metadata", "delete", SandboxData.INTERVIEW_ID);

    assertExit(0, set);
    assertTrue(set.out.lines().anyMatch(line -> line.matches("external_id +ats_12345")), set::toString);
    JsonObject stored = JsonParser.parseString(get.out).getAsJsonObject();
    assertEquals("workday", stored.get("source").getAsString());
    assertExit(0, delete);
  }

  @Test
  void webhooks_listGetCreateDelete() {
    Run list = api("webhooks", "list");
    Run get = api("webhooks", "get", SandboxData.WEBHOOK_ID);
    Run create = api("webhooks", "create", "--posting-id", SandboxData.POSTING_ID, "--url", "https://hooks.example.com/heymilo",
        "--event", "report_available");
    Run delete = api("webhooks", "delete", SandboxData.WEBHOOK_ID);

    assertContains(SandboxData.WEBHOOK_ID, list.out, list);
    assertTrue(get.out.startsWith("webhook " + SandboxData.WEBHOOK_ID + ": "), get::toString);
    assertTrue(create.out.startsWith("created webhook "), create::toString);
    assertContains("report_available", create.out, create);
    assertEquals("deleted webhook " + SandboxData.WEBHOOK_ID + "\n", delete.out);
    assertExit(2, api("webhooks", "create", "--posting-id", SandboxData.POSTING_ID, "--url", "https://x.example", "--event", "hired"));
  }

  @Test
  void ats_connectionsAndPushStatus() {
    Run connections = api("ats", "connections");
    Run now = api("ats", "push-status", SandboxData.PUSH_ITEM_ID);
    Run waited = api("ats", "push-status", SandboxData.PUSH_ITEM_ID, "--wait", "--interval", "100ms");

    assertExit(0, connections);
    assertContains(SandboxData.ATS_INTEGRATION_ID, connections.out, connections);
    assertTrue(now.out.startsWith("push " + SandboxData.PUSH_ITEM_ID + ": "), now::toString);
    assertTrue(waited.out.startsWith("push " + SandboxData.PUSH_ITEM_ID + ": completed"), waited::toString);
  }

  @Test
  void verbose_logsRequestLinesHeadersAndBodies_keyMasked() {
    Run one = api("postings", "get", SandboxData.POSTING_ID, "-v");
    Run two = api("postings", "get", SandboxData.POSTING_ID, "-vv");
    Run three = api("postings", "get", SandboxData.POSTING_ID, "-vvv");
    Run quiet = api("postings", "get", SandboxData.POSTING_ID);

    assertContains("--> GET " + sandbox.baseUrl() + "/api/v2/postings/" + SandboxData.POSTING_ID, one.err, one);
    assertContains("<-- 200", one.err, one);
    assertTrue(!one.err.toLowerCase(java.util.Locale.ROOT).contains("x-api-key"), one::toString);
    assertTrue(two.err.toLowerCase(java.util.Locale.ROOT).contains("x-api-key: "), two::toString);
    assertTrue(!two.err.contains("\"title\""), two::toString);
    assertContains("\"title\"", three.err, three);
    assertNoKey(one);
    assertNoKey(two);
    assertNoKey(three);
    assertEquals("", quiet.err);
  }

  /** The sandbox's interviews move on one status per read (not_ready, evaluating, then final): read until final. */
  private static void completeInterview(String interviewId) {
    for (int read = 0; read < 4; read++) {
      String out = api("interviews", "get", interviewId).out;
      if (!out.contains("status not_ready") && !out.contains("status evaluating")) {
        return;
      }
    }
    throw new AssertionError(interviewId + " never reached a final status");
  }
}
