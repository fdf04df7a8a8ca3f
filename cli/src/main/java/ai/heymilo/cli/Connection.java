package ai.heymilo.cli;

import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.LogLevel;
import org.jspecify.annotations.Nullable;

/**
 * The client the commands use: the real API when {@code HEYMILO_API_KEY} is set (at
 * {@code HEYMILO_BASE_URL} if given), otherwise the embedded recorded sandbox, announced in one line.
 */
final class Connection implements AutoCloseable {
  final HeyMiloClient client;
  final boolean sandbox;
  private final @Nullable HeyMiloSandbox embedded;

  private Connection(HeyMiloClient client, @Nullable HeyMiloSandbox embedded) {
    this.client = client;
    this.embedded = embedded;
    this.sandbox = embedded != null;
  }

  static Connection open(Console console, boolean verbose) {
    String key = console.environment.get("HEYMILO_API_KEY");
    LogLevel logLevel = verbose ? LogLevel.BASIC : LogLevel.NONE;
    if (key != null && !key.isBlank()) {
      HeyMiloClient.Builder builder = HeyMiloClient.builder().apiKey(key.strip()).logLevel(logLevel);
      String baseUrl = console.environment.get("HEYMILO_BASE_URL");
      if (baseUrl != null && !baseUrl.isBlank()) {
        builder.baseUrl(baseUrl.strip());
      }
      String workspace = console.environment.get("HEYMILO_WORKSPACE_ID");
      if (workspace != null && !workspace.isBlank()) {
        builder.workspaceId(workspace.strip());
      }
      return new Connection(builder.build(), null);
    }
    console.note("No HEYMILO_API_KEY set: using the embedded recorded sandbox (no real data).");
    return sandbox(verbose);
  }

  /** The embedded recorded sandbox, whatever the environment says. */
  static Connection sandbox(boolean verbose) {
    HeyMiloSandbox sandbox = HeyMiloSandbox.start();
    return new Connection(sandbox.clientBuilder().logLevel(verbose ? LogLevel.BASIC : LogLevel.NONE).build(), sandbox);
  }

  @Override
  public void close() {
    client.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
