package ai.heymilo.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code heymilo}: the HeyMilo API from a terminal. Without an API key every command runs on the
 * embedded recorded sandbox.
 */
@Command(name = "heymilo", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = HeyMiloCli.Version.class,
    subcommands = CommandLine.HelpCommand.class, sortOptions = false, usageHelpAutoWidth = false,
    description = "The HeyMilo API from your terminal: postings, questions, candidates, interviews, webhooks, ATS.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  heymilo demo                     the whole flow on the embedded sandbox",
        "  heymilo postings create --title \"Customer Service Rep\" --video",
        "  heymilo candidates bulk POSTING_ID --file export.csv",
        "  heymilo interviews wait INTERVIEW_ID --timeout 30m",
        "  heymilo interviews scorecard INTERVIEW_ID --transcript",
        "  heymilo webhooks listen --port 8080",
        "  heymilo help postings            (or heymilo postings --help)",
        "",
        "Environment and profiles:",
        "  HEYMILO_API_KEY       your API key; without one (and no profile with one)",
        "                        every command runs on the embedded recorded sandbox",
        "  HEYMILO_BASE_URL      API base URL (default https://api.heymilo.ai)",
        "  HEYMILO_WORKSPACE_ID  workspace to act in (OAuth callers with several)",
        "  HEYMILO_PROFILE       profile of ~/.config/heymilo/config.toml (or --profile);",
        "                        keys: api_key_file, api_key_env, api_key, base_url,",
        "                        workspace_id",
        "",
        "Exit codes: 0 ok, 1 other failure, 2 usage, 3 auth or configuration,",
        "4 not found, 5 invalid request, 6 rate limited, 7 network, 8 wait timed out."})
public final class HeyMiloCli implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  private HeyMiloCli() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // The embedded sandbox's WireMock finds no SLF4J binding and would say so on every run; its logs are not ours to show.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(run(Console.system(), args));
  }

  /** The top-level commands, each built only when needed (building one reflects over its classes). */
  private static Map<String, Function<Session, CommandLine>> commands() {
    Map<String, Function<Session, CommandLine>> commands = new LinkedHashMap<>();
    commands.put("postings", session -> new CommandLine(new PostingsCommands(session)));
    commands.put("questions", session -> new CommandLine(new QuestionsCommands(session)));
    commands.put("candidates", session -> new CommandLine(new CandidatesCommands(session)));
    commands.put("interviews", session -> new CommandLine(new InterviewsCommands(session))
        .addSubcommand(new CommandLine(new InterviewsCommands.MetadataCommands(session))));
    commands.put("webhooks", session -> new CommandLine(new WebhooksCommands(session))
        .addSubcommand(new CommandLine(new ListenCommand(session))));
    commands.put("ats", session -> new CommandLine(new AtsCommands(session)));
    commands.put("demo", session -> new CommandLine(new DemoCommand(session)));
    commands.put("completion", session -> new CommandLine(new CompletionCommand()));
    return commands;
  }

  /** Runs the command line against {@code console}; returns the exit code. */
  static int run(Console console, String... args) {
    Session session = new Session(console);
    session.jsonErrors = wantsJson(args);
    CommandLine cli = new CommandLine(new HeyMiloCli());
    Map<String, Function<Session, CommandLine>> commands = commands();
    Function<Session, CommandLine> only = commands.get(firstWord(args));
    if (only != null && !"completion".equals(firstWord(args))) {
      // One command named: the others are not needed, not even for its help.
      cli.addSubcommand(only.apply(session));
    } else {
      commands.values().forEach(command -> cli.addSubcommand(command.apply(session)));
    }
    cli.setOut(console.out).setErr(console.err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpWidth(console.helpWidth());
    cli.setUsageHelpLongOptionsMaxWidth(28);
    cli.setParameterExceptionHandler((problem, arguments) -> {
      int code = session.fail(problem);
      if (!session.jsonErrors) {
        console.note("Try '" + problem.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      }
      return code;
    });
    cli.setExecutionExceptionHandler((failure, commandLine, parsed) -> {
      int code = session.fail(failure);
      if (failure instanceof UsageException && !session.jsonErrors) {
        console.note("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
      }
      return code;
    });
    return cli.execute(args);
  }

  private static String firstWord(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return "";
  }

  /** Whether errors should come out as JSON: {@code --json}, {@code -o json}, {@code --output=json}, … */
  static boolean wantsJson(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--json") || arg.equalsIgnoreCase("--output=json") || arg.equalsIgnoreCase("-ojson")
          || arg.equalsIgnoreCase("-o=json")) {
        return true;
      }
      if ((arg.equals("-o") || arg.equals("--output")) && i + 1 < args.length && args[i + 1].equalsIgnoreCase("json")) {
        return true;
      }
    }
    return false;
  }

  /** Without a subcommand: show the usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
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
