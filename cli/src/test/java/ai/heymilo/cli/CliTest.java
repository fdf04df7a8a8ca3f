package ai.heymilo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sandbox.SandboxData;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command on the embedded sandbox, the way a user runs it: arguments in, text and exit code out. */
class CliTest {
  /** A sandbox reached the way a real API is: through HEYMILO_API_KEY and HEYMILO_BASE_URL. */
  private static HeyMiloSandbox external;

  @BeforeAll
  static void startExternal() {
    external = HeyMiloSandbox.start();
  }

  @AfterAll
  static void stopExternal() {
    external.close();
  }

  /** The outcome of one run. */
  static final class Run {
    final int exitCode;
    final String out;
    final String err;

    Run(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs without HEYMILO_API_KEY: the embedded sandbox. */
  static Run heymilo(String... args) {
    return run(Map.of(), args);
  }

  static Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = HeyMiloCli.run(new Console(new PrintWriter(out), new PrintWriter(err), false, environment), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void withoutKey_saysItUsesTheSandboxInOneLine() {
    Run run = heymilo("postings", "get", SandboxData.POSTING_ID);

    assertEquals(0, run.exitCode, run::toString);
    assertEquals("No HEYMILO_API_KEY set: using the embedded recorded sandbox (no real data).\n", run.err);
    assertTrue(run.out.startsWith("Customer Service Representative  (" + SandboxData.POSTING_ID + ")"), run::toString);
  }

  @Test
  void withKey_talksToTheConfiguredApi() {
    Run run = run(Map.of("HEYMILO_API_KEY", HeyMiloSandbox.API_KEY, "HEYMILO_BASE_URL", external.baseUrl()),
        "postings", "get", SandboxData.POSTING_ID);

    assertEquals(0, run.exitCode, run::toString);
    assertEquals("", run.err, "no sandbox note when a key is set");
  }

  @Test
  void postingsList_printsATableAndStopsAtTheLimit() {
    Run all = heymilo("postings", "list");
    Run one = heymilo("postings", "list", "--limit", "1");

    assertEquals(0, all.exitCode, all::toString);
    assertTrue(all.out.startsWith("ID"), all::toString);
    assertTrue(all.out.contains(SandboxData.POSTING_ID), all::toString);
    assertEquals(2, one.out.lines().count(), one::toString);
  }

  @Test
  void json_printsTheModelsForScripts() {
    Run run = heymilo("postings", "list", "--json");

    JsonArray postings = JsonParser.parseString(run.out).getAsJsonArray();
    assertTrue(postings.size() >= 1, run::toString);
    assertEquals(SandboxData.POSTING_ID, postings.get(0).getAsJsonObject().get("id").getAsString());
  }

  @Test
  void postingsCreate_fromOptionsAndFromAFile(@TempDir Path dir) throws Exception {
    Run fromOptions = heymilo("postings", "create", "--title", "Customer Service Representative", "--video",
        "--question", "Tell me about a hard customer.");
    Path file = dir.resolve("posting.json");
    Files.writeString(file, "{\"title\": \"Barista\", \"workflow\": [{\"type\": \"web_interview\", \"config\": {\"video\": false}}]}");
    Run fromFile = heymilo("postings", "create", "--file", file.toString());

    assertEquals(0, fromOptions.exitCode, fromOptions::toString);
    assertTrue(fromOptions.out.startsWith("created posting "), fromOptions::toString);
    assertEquals(0, fromFile.exitCode, fromFile::toString);
  }

  @Test
  void postingsCreate_withoutTitle_isAValidationError() {
    Run run = heymilo("postings", "create");

    assertEquals(5, run.exitCode, run::toString);
    assertTrue(run.err.contains("error: --title is required (or pass a whole request with --file)"), run::toString);
  }

  @Test
  void candidates_listAndIngest() {
    Run list = heymilo("candidates", "list", SandboxData.POSTING_ID);
    Run ingest = heymilo("candidates", "ingest", SandboxData.POSTING_ID, "--name", "Ada Lovelace", "--email", "ada@example.com");

    assertEquals(0, list.exitCode, list::toString);
    assertTrue(list.out.contains(SandboxData.INTERVIEW_ID), list::toString);
    assertEquals(0, ingest.exitCode, ingest::toString);
    assertTrue(ingest.out.startsWith("interview "), ingest::toString);
    assertTrue(ingest.out.contains("interview link http"), ingest::toString);
  }

  @Test
  void questions_list() {
    Run run = heymilo("questions", "list", SandboxData.POSTING_ID, "--modality", "voice");

    assertEquals(0, run.exitCode, run::toString);
    assertTrue(run.out.contains(SandboxData.QUESTION_ID), run::toString);
  }

  @Test
  void interviewsGet_printsTheScorecard() {
    Run run = heymilo("interviews", "get", SandboxData.INTERVIEW_ID);

    assertEquals(0, run.exitCode, run::toString);
    assertTrue(run.out.contains("Interview " + SandboxData.INTERVIEW_ID), run::toString);
  }

  @Test
  void interviewsWait_showsProgressThenTheScorecard() {
    Run run = heymilo("interviews", "wait", SandboxData.INTERVIEW_ID);

    assertEquals(0, run.exitCode, run::toString);
    assertTrue(run.err.contains("interview " + SandboxData.INTERVIEW_ID + ": not_ready · poll 1"), run::toString);
    assertTrue(run.err.contains(": evaluating · poll 2"), run::toString);
    assertTrue(run.err.contains(": completed · poll 3"), run::toString);
    assertTrue(run.out.contains("status completed"), run::toString);
    assertTrue(run.out.contains("Overall score"), run::toString);
    assertTrue(run.out.contains("WEIGHT"), run::toString);
  }

  @Test
  void interviewsWait_knockedOutCandidate() {
    Run run = heymilo("interviews", "wait", SandboxData.KNOCKED_OUT_INTERVIEW_ID);

    assertEquals(0, run.exitCode, run::toString);
    assertTrue(run.out.contains("status knocked_out"), run::toString);
  }

  @Test
  void interviewsWait_timeout_exitsWithCode8() {
    Run run = heymilo("interviews", "wait", SandboxData.PENDING_INTERVIEW_ID, "--timeout", "2s");

    assertEquals(8, run.exitCode, run::toString);
    assertTrue(run.err.contains("error: Timed out after 2s waiting for interview " + SandboxData.PENDING_INTERVIEW_ID), run::toString);
  }

  @Test
  void interviewsMetadata_getSetDelete() {
    Run get = heymilo("interviews", "metadata", "get", SandboxData.INTERVIEW_ID);
    Run set = heymilo("interviews", "metadata", "set", SandboxData.INTERVIEW_ID, "external_id=ats_12345", "source=workday");
    Run delete = heymilo("interviews", "metadata", "delete", SandboxData.INTERVIEW_ID);
    Run bad = heymilo("interviews", "metadata", "set", SandboxData.INTERVIEW_ID, "no-equals-sign");

    assertEquals(0, get.exitCode, get::toString);
    assertEquals(0, set.exitCode, set::toString);
    assertTrue(set.out.contains("external_id="), set::toString);
    assertEquals(0, delete.exitCode, delete::toString);
    assertEquals(5, bad.exitCode, bad::toString);
  }

  @Test
  void webhooks_listCreateDelete() {
    Run list = heymilo("webhooks", "list");
    Run create = heymilo("webhooks", "create", "--posting-id", SandboxData.POSTING_ID, "--url", "https://hooks.example.com/heymilo");
    Run delete = heymilo("webhooks", "delete", SandboxData.WEBHOOK_ID);

    assertEquals(0, list.exitCode, list::toString);
    assertTrue(list.out.contains(SandboxData.WEBHOOK_ID), list::toString);
    assertTrue(create.out.startsWith("created webhook "), create::toString);
    assertEquals("deleted webhook " + SandboxData.WEBHOOK_ID + "\n", delete.out);
  }

  @Test
  void atsPushStatus_nowAndWaiting() {
    Run now = heymilo("ats", "push-status", SandboxData.PUSH_ITEM_ID);
    Run waited = heymilo("ats", "push-status", SandboxData.PUSH_ITEM_ID, "--wait");

    assertEquals(0, now.exitCode, now::toString);
    assertTrue(now.out.startsWith("push " + SandboxData.PUSH_ITEM_ID + ": "), now::toString);
    assertEquals(0, waited.exitCode, waited::toString);
    assertTrue(waited.out.startsWith("push " + SandboxData.PUSH_ITEM_ID + ": completed"), waited::toString);
  }

  @Test
  void demo_runsTheWholeFlow() {
    Run run = heymilo("demo");

    assertEquals(0, run.exitCode, run::toString);
    for (String step : new String[] {"1. Created posting", "2. Ingested a candidate", "3. Waiting", "4. Scorecard", "5. Tagged the interview"}) {
      assertTrue(run.out.contains(step), () -> step + " missing in\n" + run);
    }
    assertTrue(run.err.contains("completed · poll 3"), run::toString);
    assertTrue(run.out.contains("Overall score"), run::toString);
  }

  @Test
  void notFound_exitsWith4AndOneClearLine() {
    Run run = heymilo("interviews", "get", "missing_iv");

    assertEquals(4, run.exitCode, run::toString);
    assertTrue(run.err.lines().anyMatch(line -> line.startsWith("error: HTTP 404")), run::toString);
    assertEquals("", run.out);
  }

  @Test
  void wrongKey_exitsWith3() {
    Run run = run(Map.of("HEYMILO_API_KEY", HeyMiloSandbox.INVALID_API_KEY, "HEYMILO_BASE_URL", external.baseUrl()),
        "postings", "list");

    assertEquals(3, run.exitCode, run::toString);
    assertTrue(run.err.startsWith("error: HTTP 401"), run::toString);
    assertFalse(run.err.contains(HeyMiloSandbox.INVALID_API_KEY), "the key is never printed");
  }

  @Test
  void rateLimited_exitsWith6() {
    Run run = run(Map.of("HEYMILO_API_KEY", HeyMiloSandbox.RATE_LIMITED_API_KEY, "HEYMILO_BASE_URL", external.baseUrl()),
        "interviews", "get", SandboxData.INTERVIEW_ID);

    assertEquals(6, run.exitCode, run::toString);
  }

  @Test
  void unreachableApi_exitsWith7() {
    Run run = run(Map.of("HEYMILO_API_KEY", "hm_key", "HEYMILO_BASE_URL", "http://127.0.0.1:1"), "postings", "list");

    assertEquals(7, run.exitCode, run::toString);
    assertTrue(run.err.startsWith("error: Connection failed"), run::toString);
  }

  @Test
  void usageErrors_exitWith2() {
    assertEquals(2, heymilo("postings", "bogus").exitCode);
    assertEquals(2, heymilo("interviews", "wait").exitCode);
    assertEquals(2, heymilo("interviews", "wait", "x", "--timeout", "soon").exitCode);
    assertEquals(2, heymilo().exitCode);
  }

  @Test
  void help_listsEveryCommandAndTheEnvironment() {
    Run run = heymilo("--help");

    assertEquals(0, run.exitCode);
    for (String command : new String[] {"postings", "candidates", "questions", "interviews", "webhooks", "ats", "demo", "HEYMILO_API_KEY"}) {
      assertTrue(run.out.contains(command), () -> command + " missing in\n" + run.out);
    }
  }
}
