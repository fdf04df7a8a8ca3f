package ai.heymilo.cli;

import ai.heymilo.client.HeyMiloGson;
import com.google.gson.Gson;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Where the CLI writes and what it knows about its surroundings: output streams, whether stdout
 * is a terminal (live progress line vs plain lines), and the environment (for the API key).
 */
final class Console {
  private static final Gson PRETTY = HeyMiloGson.builder().setPrettyPrinting().create();

  final PrintWriter out;
  final PrintWriter err;
  final boolean terminal;
  final Map<String, String> environment;

  Console(PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.environment = environment;
  }

  /** The process's own console. */
  static Console system() {
    return new Console(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.console() != null, System.getenv());
  }

  /** Prints a model (or any value) as indented JSON, exactly as the API sent it. */
  void printJson(Object value) {
    out.println(PRETTY.toJson(value));
    out.flush();
  }

  void println(String line) {
    out.println(line);
    out.flush();
  }

  /** Messages about the CLI itself (not results) go to stderr so that stdout stays parseable. */
  void note(String line) {
    err.println(line);
    err.flush();
  }
}
