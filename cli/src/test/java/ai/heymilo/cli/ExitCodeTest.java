package ai.heymilo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sandbox.SandboxData;
import ai.heymilo.sandbox.SandboxFault;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each exit code, the one-line error, and the JSON error under --json. */
class ExitCodeTest extends CliTest {
  static Map<String, String> withKey(String key, String baseUrl) {
    Map<String, String> environment = new HashMap<>(apiEnvironment());
    environment.put("HEYMILO_API_KEY", key);
    environment.put("HEYMILO_BASE_URL", baseUrl);
    return environment;
  }

  @Test
  void ok_is0() {
    assertExit(0, api("postings", "get", SandboxData.POSTING_ID));
  }

  @Test
  void serverError_is1() {
    sandbox.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v2/postings/BROKEN500")
        .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)
            .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"boom\"}}")));
    Run run = api("postings", "get", "BROKEN500");

    assertExit(1, run);
    assertTrue(run.err.startsWith("error: HTTP 500"), run::toString);
  }

  @Test
  void connectionReset_is7() {
    sandbox.inject("getPosting", SandboxFault.connectionReset());

    // A reset connection is a network failure once the retries are spent.
    assertExit(7, api("postings", "get", SandboxData.POSTING_ID));
  }

  @Test
  void usageErrors_are2_andStartNothing() {
    assertExit(2, api("postings", "bogus"));
    assertExit(2, api("interviews", "wait"));
    assertExit(2, api("interviews", "wait", "x", "--timeout", "soon"));
    assertExit(2, api());
    assertExit(2, api("postings", "list", "--limit", "-1"));
    assertExit(2, api("interviews", "metadata", "set", SandboxData.INTERVIEW_ID, "no-equals-sign"));

    // No key: a usage error must fail before the embedded sandbox starts (which would say so on stderr).
    long start = System.nanoTime();
    Run run = embedded("postings", "create");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertExit(2, run);
    assertTrue(run.err.startsWith("error: --title is required (or pass a whole request with --file)\n"), run::toString);
    assertTrue(run.err.contains("Try 'heymilo postings create --help'"), run::toString);
    assertFalse(run.err.contains("sandbox"), run::toString);
    assertTrue(millis < 1500, () -> "took " + millis + " ms");
  }

  @Test
  void missingFile_namesTheProblem() {
    Run run = embedded("postings", "create", "--file", "nope.json");

    assertExit(2, run);
    assertTrue(run.err.startsWith("error: cannot read nope.json: no such file\n"), run::toString);
  }

  @Test
  void wrongKey_is3_andTheKeyIsNeverPrinted() {
    Run run = run(withKey(HeyMiloSandbox.INVALID_API_KEY, sandbox.baseUrl()), "postings", "list");

    assertExit(3, run);
    assertTrue(run.err.startsWith("error: HTTP 401"), run::toString);
    assertFalse(run.err.contains(HeyMiloSandbox.INVALID_API_KEY), "the key is never printed");
  }

  @Test
  void notFound_is4_withOneLine() {
    Run run = api("interviews", "get", SandboxData.MISSING_ID);

    assertExit(4, run);
    assertEquals(1, run.err.lines().count(), run::toString);
    assertTrue(run.err.startsWith("error: HTTP 404"), run::toString);
    assertEquals("", run.out);
  }

  @Test
  void invalidRequest_is5() {
    Run run = api("questions", "create", SandboxData.POSTING_ID, "--text", "Why?", "--weight", "-4");

    assertExit(5, run);
    assertTrue(run.err.startsWith("error: "), run::toString);
  }

  @Test
  void rateLimited_is6() {
    assertExit(6, run(withKey(HeyMiloSandbox.RATE_LIMITED_API_KEY, sandbox.baseUrl()), "interviews", "get", SandboxData.INTERVIEW_ID));
  }

  @Test
  void unreachableApi_is7() {
    Run run = run(withKey("hm_key", "http://127.0.0.1:1"), "postings", "list");

    assertExit(7, run);
    assertTrue(run.err.startsWith("error: Connection failed"), run::toString);
  }

  @Test
  void waitOnAnUnreachableApi_is7_notATimeout() {
    Run run = run(withKey("hm_key", "http://127.0.0.1:1"), "interviews", "wait", SandboxData.INTERVIEW_ID, "--timeout", "1s", "--interval", "200ms");

    assertExit(7, run);
  }

  @Test
  void waitTimeout_is8() {
    Run run = api("interviews", "wait", SandboxData.PENDING_INTERVIEW_ID, "--timeout", "1500ms", "--interval", "200ms");

    assertExit(8, run);
    assertTrue(run.err.contains("error: Timed out after 1.5s waiting for interview " + SandboxData.PENDING_INTERVIEW_ID)
        || run.err.contains("error: Timed out after"), run::toString);
  }

  @Test
  void json_errorIsOneObjectOnStderr() {
    Run notFound = api("interviews", "get", SandboxData.MISSING_ID, "--json");
    Run usage = api("postings", "create", "-o", "json");
    Run parse = api("postings", "list", "--limit", "many", "--json");

    JsonObject error = notFound.errorJson();
    assertEquals(4, error.get("exit_code").getAsInt());
    assertEquals("not_found", error.get("kind").getAsString());
    assertEquals(404, error.get("status").getAsInt());
    assertEquals("", notFound.out);
    assertEquals(1, notFound.err.lines().count(), notFound::toString);
    assertEquals(2, usage.errorJson().get("exit_code").getAsInt());
    assertTrue(usage.errorJson().get("message").getAsString().contains("--title is required"), usage::toString);
    assertEquals("usage", parse.errorJson().get("kind").getAsString());
  }
}
