package ai.heymilo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sandbox.SandboxData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles in config.toml: key from a file or the environment, base URL, chosen by --profile or HEYMILO_PROFILE; the key never shown. */
class ProfilesTest extends CliTest {
  @TempDir
  Path dir;

  private Map<String, String> environment(String config) throws Exception {
    Path file = dir.resolve("config.toml");
    Files.writeString(file, config);
    Map<String, String> environment = new HashMap<>();
    environment.put("HEYMILO_CONFIG", file.toString());
    return environment;
  }

  @Test
  void defaultProfile_keyFromAFile() throws Exception {
    Path key = dir.resolve("key");
    Files.writeString(key, HeyMiloSandbox.API_KEY + "\n");
    Map<String, String> environment = environment("# HeyMilo\n[default]\napi_key_file = \"" + key + "\"  # never inline\nbase_url = '"
        + sandbox.baseUrl() + "'\n");
    Run run = run(environment, "postings", "get", SandboxData.POSTING_ID, "-vv");

    assertExit(0, run);
    assertTrue(!run.err.contains("sandbox (no real data)"), run::toString);
    assertNoKey(run);
  }

  @Test
  void namedProfile_keyFromAnotherVariable_overridesTheEnvironment() throws Exception {
    Map<String, String> environment = environment("[default]\nbase_url = \"http://127.0.0.1:1\"\n\n[staging]\napi_key_env = \"STAGING_KEY\"\n"
        + "base_url = \"" + sandbox.baseUrl() + "\"\n");
    environment.put("STAGING_KEY", HeyMiloSandbox.API_KEY);
    environment.put("HEYMILO_API_KEY", HeyMiloSandbox.INVALID_API_KEY);
    Run flag = run(environment, "postings", "get", SandboxData.POSTING_ID, "--profile", "staging");
    environment.put("HEYMILO_PROFILE", "staging");
    Run variable = run(environment, "postings", "get", SandboxData.POSTING_ID);

    assertExit(0, flag);
    assertExit(0, variable);
  }

  @Test
  void unknownProfile_isAUsageErrorListingTheProfiles() throws Exception {
    Run run = run(environment("[default]\n[staging]\n"), "postings", "list", "--profile", "prod");

    assertExit(2, run);
    assertTrue(run.err.startsWith("error: no profile 'prod' in "), run::toString);
    assertTrue(run.err.contains("profiles there: default, staging"), run::toString);
  }

  @Test
  void typoInAKey_failsNamingTheLine() throws Exception {
    Run run = run(environment("[default]\napikey = \"x\"\n"), "postings", "list");

    assertExit(3, run);
    assertTrue(run.err.contains("line 2: unknown key 'apikey'"), run::toString);
  }

  @Test
  void missingKeyFile_isNamed() throws Exception {
    Run run = run(environment("[default]\napi_key_file = \"" + dir.resolve("nope") + "\"\n"), "postings", "list");

    assertExit(3, run);
    assertTrue(run.err.contains("cannot read the API key file " + dir.resolve("nope") + ": no such file"), run::toString);
  }

  @Test
  void settings_neverShowTheKey() {
    assertEquals("Settings{apiKey=****, baseUrl=null, workspaceId=null}", new Profiles.Settings("hm_secret", null, null).toString());
  }
}
