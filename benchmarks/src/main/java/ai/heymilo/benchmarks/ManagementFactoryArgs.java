package ai.heymilo.benchmarks;

import java.lang.management.ManagementFactory;

/** The JVM options this harness runs with, for the report. */
final class ManagementFactoryArgs {
  private ManagementFactoryArgs() {}

  static String inputArguments() {
    return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
  }
}
