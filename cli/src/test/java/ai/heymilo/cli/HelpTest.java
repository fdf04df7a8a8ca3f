package ai.heymilo.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help works on every command, three ways, with named parameters, examples, and the terminal's width. */
class HelpTest extends CliTest {
  static final List<String> COMMANDS = List.of("postings", "postings list", "postings get", "postings create", "postings update",
      "postings archive", "postings activate", "postings clone", "postings stats", "questions", "questions list", "questions create",
      "questions update", "questions delete", "questions reorder", "candidates", "candidates list", "candidates ingest",
      "candidates bulk", "interviews", "interviews get", "interviews scorecard", "interviews wait", "interviews metadata",
      "interviews metadata get", "interviews metadata set", "interviews metadata delete", "webhooks", "webhooks list",
      "webhooks get", "webhooks create", "webhooks delete", "webhooks listen", "ats", "ats connections", "ats push",
      "ats push-status", "demo", "completion");

  @Test
  void everyCommand_helpWithNamedParametersAndNoSandbox() {
    for (int i = 0; i < COMMANDS.size(); i++) {
      String command = COMMANDS.get(i);
      {
        // Both spellings, taking turns: each run builds the command's whole model, and the spellings share it.
        String[] args = (command + " " + (i % 2 == 0 ? "--help" : "-h")).split(" ");
        Run run = api(args);
        assertExit(0, run);
        assertTrue(run.out.startsWith("Usage: heymilo " + command), run::toString);
        assertFalse(run.out.contains("<arg"), () -> "unnamed parameter in help of " + command + "\n" + run.out);
        assertFalse(run.err.contains("sandbox"), run::toString);
      }
    }
  }

  @Test
  void helpSubcommand_namesTheCommand() {
    Run run = api("help", "postings");

    assertExit(0, run);
    assertTrue(run.out.startsWith("Usage: heymilo postings"), run::toString);
    assertContains("archive", run.out, run);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postings", "questions", "candidates", "interviews", "webhooks", "ats", "postings create", "candidates bulk",
      "interviews wait", "webhooks listen", "completion"})
  void commandsShowExamples(String command) {
    Run run = api((command + " --help").split(" "));

    assertContains("heymilo " + command.split(" ")[0], run.out.substring(run.out.indexOf("Examples:")), run);
  }

  @Test
  void topLevelHelp_listsEveryCommandTheEnvironmentAndExitCodes() {
    Run run = api("--help");

    assertExit(0, run);
    for (String expected : new String[] {"postings", "candidates", "questions", "interviews", "webhooks", "ats", "demo", "completion",
        "HEYMILO_API_KEY", "HEYMILO_PROFILE", "7 network"}) {
      assertContains(expected, run.out, run);
    }
  }

  @Test
  void help_wrapsAtTheTerminalWidth() {
    Run narrow = withColumns(80, "postings", "create", "--help");
    Run wide = withColumns(120, "postings", "create", "--help");

    assertTrue(narrow.out.lines().allMatch(line -> line.length() <= 80), narrow::toString);
    assertTrue(wide.out.lines().allMatch(line -> line.length() <= 120), wide::toString);
    assertTrue(wide.out.lines().anyMatch(line -> line.length() > 80), () -> "help does not use a wide terminal\n" + wide);
  }

  static Run withColumns(int columns, String... args) {
    Map<String, String> environment = new HashMap<>(apiEnvironment());
    environment.put("COLUMNS", String.valueOf(columns));
    return run(environment, args);
  }

  @Test
  void completion_bashScriptCoversTheCommands() {
    Run bash = api("completion", "bash");
    Run zsh = api("completion", "zsh");
    Run fish = api("completion", "fish");

    assertExit(0, bash);
    assertContains("complete -F", bash.out, bash);
    assertContains("reorder", bash.out, bash);
    assertContains("listen", bash.out, bash);
    assertTrue(zsh.out.startsWith("#compdef heymilo"), zsh::toString);
    assertExit(2, fish);
  }

  @Test
  void version() {
    Run run = api("--version");

    assertExit(0, run);
    assertTrue(run.out.startsWith("heymilo "), run::toString);
  }
}
