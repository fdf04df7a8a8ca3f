package ai.heymilo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sandbox.HeyMiloSandbox;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the CLI the way a user does — arguments in, text and exit code out — against one sandbox reached
 * as a real API is (HEYMILO_API_KEY and HEYMILO_BASE_URL), reset before each test; the embedded sandbox
 * is started only by the tests about it, since each start takes seconds.
 */
abstract class CliTest {
  /** Fixed, so that local-time output can be asserted. */
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  static HeyMiloSandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    if (sandbox == null) {
      sandbox = HeyMiloSandbox.start();
      Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    }
  }

  @AfterAll
  static void keepSandbox() {
    // One sandbox serves every test class in this JVM; it stops with the JVM.
  }

  @BeforeEach
  void resetSandbox() {
    sandbox.reset();
    sandbox.clearFaults();
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

    JsonObject errorJson() {
      return JsonParser.parseString(err).getAsJsonObject().getAsJsonObject("error");
    }

    JsonArray outArray() {
      return JsonParser.parseString(out).getAsJsonArray();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** The environment that points the CLI at the shared sandbox. */
  static Map<String, String> apiEnvironment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("HEYMILO_API_KEY", HeyMiloSandbox.API_KEY);
    environment.put("HEYMILO_BASE_URL", sandbox.baseUrl());
    // No profile file of the machine's user may change what the tests see.
    environment.put("HEYMILO_CONFIG", "/nonexistent/heymilo-test-config.toml");
    return environment;
  }

  /** Runs against the shared sandbox. */
  static Run api(String... args) {
    return run(apiEnvironment(), args);
  }

  /** Runs with no key at all: the embedded sandbox. */
  static Run embedded(String... args) {
    return run(Map.of("HEYMILO_CONFIG", "/nonexistent/heymilo-test-config.toml"), args);
  }

  static Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = HeyMiloCli.run(new Console(new PrintWriter(out), new PrintWriter(err), false, environment, ZONE), args);
    return new Run(code, out.toString(), err.toString());
  }

  static void assertExit(int expected, Run run) {
    assertEquals(expected, run.exitCode, run::toString);
  }

  static void assertContains(String expected, String actual, Run run) {
    assertTrue(actual.contains(expected), () -> "expected '" + expected + "' in\n" + run);
  }

  static void assertNoKey(Run run) {
    assertFalse(run.out.contains(HeyMiloSandbox.API_KEY) || run.err.contains(HeyMiloSandbox.API_KEY), () -> "the key was printed:\n" + run);
  }
}
