package ai.heymilo.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options every command takes: output format, verbosity, profile. */
final class Flags {
  /** How results are printed. */
  enum Format {
    /** For people: aligned tables and readable text, timestamps in the local zone. */
    TABLE,
    /** The API's models, for scripts. */
    JSON,
    /** Comma-separated values with a header line (lists: one row per item; one object: field,value). */
    CSV,
    /** The API's models as YAML. */
    YAML
  }

  @Option(names = "--json", description = "Same as --output json.")
  boolean json;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
      description = "table (default), json, csv or yaml. Errors are one JSON object on stderr under json.")
  @Nullable Format output;

  @Option(names = {"-v", "--verbose"},
      description = "Log HTTP to stderr: -v request lines, -vv also headers, -vvv also bodies (secrets masked).")
  boolean[] verbose = new boolean[0];

  @Option(names = "--profile", paramLabel = "NAME",
      description = "Use this profile of ~/.config/heymilo/config.toml (default: $HEYMILO_PROFILE, else 'default').")
  @Nullable String profile;

  Format format() {
    return json ? Format.JSON : output == null ? Format.TABLE : output;
  }

  /** 0 = quiet, 1 = request lines, 2 = headers, 3 = bodies. */
  int verbosity() {
    return Math.min(3, verbose.length);
  }
}
