package ai.heymilo.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code heymilo}: the HeyMilo API from a terminal. Without {@code HEYMILO_API_KEY} every command
 * runs on the embedded recorded sandbox.
 */
@Command(name = "heymilo", mixinStandardHelpOptions = true, versionProvider = HeyMiloCli.Version.class,
    description = "The HeyMilo API from your terminal: postings, candidates, questions, interviews, webhooks, ATS.",
    footerHeading = "%nEnvironment:%n",
    footer = {
        "  HEYMILO_API_KEY       your API key; without it every command runs on the embedded recorded sandbox",
        "  HEYMILO_BASE_URL      API base URL (default https://api.heymilo.ai)",
        "  HEYMILO_WORKSPACE_ID  workspace to act in (OAuth callers with several)",
        "",
        "Exit codes: 0 ok, 1 other failure, 2 usage, 3 auth, 4 not found, 5 invalid request, 6 rate limited, 7 network, 8 wait timed out."})
public final class HeyMiloCli implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  private HeyMiloCli() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(Console.system(), args));
  }

  /** Runs the command line against {@code console}; returns the exit code. */
  static int run(Console console, String... args) {
    Session session = new Session(console);
    CommandLine cli = new CommandLine(new HeyMiloCli())
        .addSubcommand(new CommandLine(new PostingsCommands(session)))
        .addSubcommand(new CommandLine(new CandidatesCommands(session)))
        .addSubcommand(new CommandLine(new QuestionsCommands(session)))
        .addSubcommand(new CommandLine(new InterviewsCommands(session))
            .addSubcommand(new CommandLine(new InterviewsCommands.MetadataCommands(session))))
        .addSubcommand(new CommandLine(new WebhooksCommands(session)))
        .addSubcommand(new CommandLine(new AtsCommands(session)))
        .addSubcommand(new CommandLine(new DemoCommand(session)));
    cli.setOut(console.out).setErr(console.err);
    cli.setExecutionExceptionHandler((failure, commandLine, parsed) -> session.fail(failure));
    return cli.execute(args);
  }

  /** Without a subcommand: show the usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.USAGE.code;
  }

  /** The SDK's version, from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties properties = new java.util.Properties();
      try (java.io.InputStream in = HeyMiloCli.class.getResourceAsStream("/ai/heymilo/sdk/version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"heymilo " + properties.getProperty("version", "unknown") + " (Java " + System.getProperty("java.version") + ")"};
    }
  }
}
