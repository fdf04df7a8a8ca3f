package ai.heymilo.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs of a harness's command line. */
final class Flags {
  private Flags() {}

  static Map<String, String> parse(String[] args, int from) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = from; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("expected --name value pairs, but found '" + args[i] + "'");
      }
      flags.put(args[i].substring(2), args[++i]);
    }
    return flags;
  }
}
