package ai.heymilo.cli;

import ai.heymilo.sdk.HeyMiloClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs one command: opens the connection, runs the action, prints the result, turns failures into an exit code. */
final class Session {
  final Console console;
  /** Set from the raw command line, so that even a parse error comes out as JSON under {@code --json}. */
  boolean jsonErrors;

  Session(Console console) {
    this.console = console;
  }

  /** Something a command does with a connected client; returns the exit code. */
  interface Action {
    int run(HeyMiloClient client, Connection connection) throws Exception;
  }

  /**
   * Prints a list-like result: a table fitted to the terminal, or CSV of the same rows, or the API's
   * models as JSON or YAML. Returns exit code 0.
   */
  <T> int showTable(Flags flags, T result, Function<T, Table> asTable) {
    switch (flags.format()) {
      case TABLE:
        asTable.apply(result).print(console.out, console.width());
        return 0;
      case CSV:
        asTable.apply(result).printCsv(console.out);
        return 0;
      default:
        return showData(flags, result);
    }
  }

  /**
   * Prints one object: as {@code asText} writes it for people, as {@code field,value} CSV rows (nested
   * fields as {@code a.b} and {@code a[0]}), or the API's model as JSON or YAML. Returns exit code 0.
   */
  <T> int showText(Flags flags, T result, Consumer<T> asText) {
    switch (flags.format()) {
      case TABLE:
        asText.accept(result);
        return 0;
      case CSV:
        console.println(Table.csvLine("field", "value"));
        flatten("", Console.tree(result), (field, value) -> console.out.println(Table.csvLine(field, value)));
        console.out.flush();
        return 0;
      default:
        return showData(flags, result);
    }
  }

  private int showData(Flags flags, Object result) {
    if (flags.format() == Flags.Format.YAML) {
      console.out.print(Yaml.write(Console.tree(result)));
      console.out.flush();
    } else {
      console.printJson(result);
    }
    return 0;
  }

  private static void flatten(String path, JsonElement value, java.util.function.BiConsumer<String, String> row) {
    if (value.isJsonObject()) {
      for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
        flatten(path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), entry.getValue(), row);
      }
    } else if (value.isJsonArray()) {
      for (int i = 0; i < value.getAsJsonArray().size(); i++) {
        flatten(path + "[" + i + "]", value.getAsJsonArray().get(i), row);
      }
    } else if (!value.isJsonNull()) {
      row.accept(path, value.getAsString());
    }
  }

  int run(Flags flags, Action action) {
    return run(() -> Connection.open(console, flags), action);
  }

  /** Runs on the embedded sandbox even when an API key is set (the demo must not create real data). */
  int runOnSandbox(Flags flags, Action action) {
    return run(() -> Connection.sandbox(console, flags.verbosity()), action);
  }

  private int run(java.util.function.Supplier<Connection> connect, Action action) {
    try (Connection connection = connect.get()) {
      return action.run(connection.client, connection);
    } catch (Exception failure) {
      return fail(failure);
    }
  }

  /** Reports a failure on stderr — one line, or one JSON object under {@code --json} — and returns its exit code. */
  int fail(Throwable failure) {
    if (jsonErrors) {
      JsonObject error = ExitCode.toJson(failure);
      console.err.println(new com.google.gson.Gson().toJson(error));
      console.err.flush();
    } else {
      console.note(ExitCode.describe(failure));
    }
    return ExitCode.of(failure).code;
  }
}
