package ai.heymilo.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class Flags {
  @Option(names = "--json", description = "Print the API's response as JSON (for scripts).")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Log each HTTP exchange (method, URL, status, time) to stderr.")
  boolean verbose;
}
