package ai.heymilo.cli;

import ai.heymilo.sdk.HeyMiloClient;

/** Runs one command: opens the connection, runs the action, turns failures into a line and an exit code. */
final class Session {
  final Console console;

  Session(Console console) {
    this.console = console;
  }

  /** Something a command does with a connected client; returns the exit code. */
  interface Action {
    int run(HeyMiloClient client, Connection connection) throws Exception;
  }

  /**
   * Prints a command's result: as JSON under {@code --json} (the API's model, for scripts), otherwise
   * as {@code asText} writes it. Returns exit code 0.
   */
  <T> int show(Flags flags, T result, java.util.function.Consumer<T> asText) {
    if (flags.json) {
      console.printJson(result);
    } else {
      asText.accept(result);
    }
    return 0;
  }

  int run(Flags flags, Action action) {
    return run(() -> Connection.open(console, flags.verbose), action);
  }

  /** Runs on the embedded sandbox even when an API key is set (the demo must not create real data). */
  int runOnSandbox(Flags flags, Action action) {
    return run(() -> Connection.sandbox(flags.verbose), action);
  }

  private int run(java.util.function.Supplier<Connection> connect, Action action) {
    try (Connection connection = connect.get()) {
      return action.run(connection.client, connection);
    } catch (Exception failure) {
      return fail(failure);
    }
  }

  int fail(Throwable failure) {
    console.note(ExitCode.describe(failure));
    return ExitCode.of(failure).code;
  }
}
