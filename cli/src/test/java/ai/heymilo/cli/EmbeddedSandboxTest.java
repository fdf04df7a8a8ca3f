package ai.heymilo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sandbox.SandboxData;
import org.junit.jupiter.api.Test;

/** Without a key: the embedded sandbox, announced in one line; the demo runs the whole flow on it, its wait ended by a webhook. */
class EmbeddedSandboxTest {
  @Test
  void withoutKey_saysItUsesTheSandboxInOneLine() {
    CliTest.Run run = CliTest.embedded("postings", "get", SandboxData.POSTING_ID);

    assertEquals(0, run.exitCode, run::toString);
    assertEquals("No HEYMILO_API_KEY set: using the embedded recorded sandbox (no real data).\n", run.err);
    assertTrue(run.out.startsWith("Customer Service Representative  (" + SandboxData.POSTING_ID + ")"), run::toString);
  }

  @Test
  void demo_runsTheWholeFlow() {
    CliTest.Run run = CliTest.embedded("demo");

    assertEquals(0, run.exitCode, run::toString);
    for (String step : new String[] {"1. Created posting", "2. Ingested a candidate", "3. Registered a report_available webhook",
        "← webhook report_available for interview ", "4. Scorecard", "5. Tagged the interview"}) {
      assertTrue(run.out.contains(step), () -> step + " missing in\n" + run);
    }
    // The event, not the schedule, ends the wait: one poll at the start, one confirming poll after the event.
    assertTrue(run.err.contains(": not_ready · poll 1"), run::toString);
    assertTrue(run.err.contains(": completed · poll 2"), run::toString);
    assertTrue(run.out.contains("Overall score"), run::toString);
  }
}
