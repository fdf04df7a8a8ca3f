package ai.heymilo.cli;

import ai.heymilo.sandbox.HeyMiloSandbox;
import ai.heymilo.sdk.HeyMiloClient;
import ai.heymilo.sdk.LogLevel;
import org.jspecify.annotations.Nullable;

/**
 * The client the commands use: the real API when a key is configured (environment or profile, see
 * {@link Profiles}), otherwise the embedded recorded sandbox, announced in one line.
 */
final class Connection implements AutoCloseable {
  final HeyMiloClient client;
  final boolean sandbox;
  private final @Nullable HeyMiloSandbox embedded;
  private final AutoCloseable logging;

  private Connection(HeyMiloClient client, @Nullable HeyMiloSandbox embedded, AutoCloseable logging) {
    this.client = client;
    this.embedded = embedded;
    this.sandbox = embedded != null;
    this.logging = logging;
  }

  static Connection open(Console console, Flags flags) {
    Profiles.Settings settings = Profiles.resolve(console.environment, flags.profile);
    if (settings.apiKey == null) {
      console.note("No HEYMILO_API_KEY set: using the embedded recorded sandbox (no real data).");
      return sandbox(console, flags.verbosity());
    }
    AutoCloseable logging = Logging.toStderr(flags.verbosity(), console.err);
    HeyMiloClient.Builder builder = HeyMiloClient.builder().apiKey(settings.apiKey).logLevel(Logging.level(flags.verbosity()));
    if (settings.baseUrl != null) {
      builder.baseUrl(settings.baseUrl);
    }
    if (settings.workspaceId != null) {
      builder.workspaceId(settings.workspaceId);
    }
    return new Connection(builder.build(), null, logging);
  }

  /** The embedded recorded sandbox, whatever the environment says. */
  static Connection sandbox(Console console, int verbosity) {
    HeyMiloSandbox sandbox = HeyMiloSandbox.start();
    LogLevel level = Logging.level(verbosity);
    return new Connection(sandbox.clientBuilder().logLevel(level).build(), sandbox, Logging.toStderr(verbosity, console.err));
  }

  /** The embedded sandbox, when this connection runs on one. */
  @Nullable HeyMiloSandbox embeddedSandbox() {
    return embedded;
  }

  @Override
  public void close() {
    client.close();
    if (embedded != null) {
      embedded.close();
    }
    try {
      logging.close();
    } catch (Exception impossible) {
      // Removing a handler does not fail.
    }
  }
}
