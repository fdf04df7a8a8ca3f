package ai.heymilo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sandbox.SandboxData;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every output format, for lists and for one object; local times for people, raw for programs. */
class OutputTest extends CliTest {
  private static final String ISO_LOCAL = "20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00";

  @Test
  void table_isTheDefault_withLocalIsoTimes() {
    Run run = api("postings", "list");

    assertExit(0, run);
    assertTrue(run.out.startsWith("ID"), run::toString);
    String row = run.out.lines().filter(line -> line.startsWith(SandboxData.POSTING_ID)).findFirst().orElseThrow();
    assertTrue(row.matches(".*\\b" + ISO_LOCAL + "\\b.*"), () -> "no local ISO time in '" + row + "'");
  }

  @Test
  void table_fitsTheTerminal() {
    Map<String, String> environment = new HashMap<>(apiEnvironment());
    environment.put("COLUMNS", "60");
    Run run = run(environment, "questions", "list", SandboxData.POSTING_ID);

    assertExit(0, run);
    assertTrue(run.out.lines().allMatch(line -> line.length() <= 60), run::toString);
    assertTrue(run.out.contains("…"), () -> "long texts are cut with an ellipsis\n" + run);
  }

  @Test
  void json_keepsTheApiModelsAndRawTimestamps() {
    Run list = api("postings", "list", "--json");
    Run get = api("postings", "get", SandboxData.POSTING_ID, "-o", "json");

    JsonObject first = list.outArray().get(0).getAsJsonObject();
    assertEquals(SandboxData.POSTING_ID, first.get("id").getAsString());
    assertTrue(first.get("created_at").getAsJsonPrimitive().isNumber(), list::toString);
    assertTrue(first.get("created_at").getAsString().matches("\\d{10}(\\.\\d+)?"), () -> "a Unix timestamp as written by the API: " + first.get("created_at"));
    assertEquals(SandboxData.POSTING_ID, com.google.gson.JsonParser.parseString(get.out).getAsJsonObject().get("id").getAsString());
  }

  @Test
  void csv_listHasAHeaderAndOneRowPerItem() {
    Run run = api("candidates", "list", SandboxData.POSTING_ID, "--output", "csv");

    assertExit(0, run);
    List<String> lines = run.out.lines().collect(java.util.stream.Collectors.toList());
    assertEquals("INTERVIEW_ID,STATUS,SCORE,INTERVIEWED,NAME,EMAIL", lines.get(0));
    assertTrue(lines.stream().anyMatch(line -> line.startsWith(SandboxData.INTERVIEW_ID + ",")), run::toString);
    assertTrue(lines.stream().anyMatch(line -> line.startsWith(SandboxData.KNOCKED_OUT_INTERVIEW_ID + ",knocked_out,knocked out,")), run::toString);
  }

  @Test
  void csv_oneObjectIsFieldValueRows() {
    Run run = api("postings", "get", SandboxData.POSTING_ID, "-o", "csv");

    assertExit(0, run);
    assertTrue(run.out.startsWith("field,value\n"), run::toString);
    assertTrue(run.out.contains("\nid," + SandboxData.POSTING_ID + "\n"), run::toString);
    assertTrue(run.out.contains("\nworkflow[0].type,"), run::toString);
  }

  @Test
  void yaml_ofAListAndOfOneObject() {
    Run list = api("webhooks", "list", "-o", "yaml");
    Run one = api("interviews", "get", SandboxData.INTERVIEW_ID, "-o", "YAML");

    assertExit(0, list);
    assertTrue(list.out.startsWith("- "), list::toString);
    assertTrue(list.out.contains("\n  webhook_id: " + SandboxData.WEBHOOK_ID + "\n") || list.out.startsWith("- webhook_id: "), list::toString);
    assertExit(0, one);
    assertTrue(one.out.contains("interview_id: " + SandboxData.INTERVIEW_ID + "\n"), one::toString);
    assertTrue(one.out.contains("\nworkflow:\n  steps:\n    - step_id: "), one::toString);
  }

  @Test
  void unknownFormat_isAUsageError() {
    Run run = api("postings", "list", "-o", "xml");

    assertExit(2, run);
    assertTrue(run.err.contains("xml"), run::toString);
  }
}
