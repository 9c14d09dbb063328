package dev.pagewalk.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code pagewalk} command: a parent for the subcommands {@code run}, {@code validate}, {@code
 * test}, {@code schema} and {@code init}. Holds the {@link CliEnvironment} the subcommands read
 * (environment variables, whether stderr is a terminal).
 */
@Command(
    name = "pagewalk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Declarative HTTP connectors: load a YAML spec, walk every page, emit every record.",
    synopsisSubcommandLabel = "COMMAND",
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.COMPLETE_HELP, ExitCodes.SPEC_HELP, ExitCodes.TRUNCATED_HELP,
      ExitCodes.FAILURE_HELP, ExitCodes.CANCELLED_HELP, ExitCodes.VERDICT_HELP,
      ExitCodes.USAGE_HELP, ExitCodes.INTERNAL_HELP
    },
    footerHeading = "%n",
    footer = {
      "Start with:  pagewalk init my-api && pagewalk test my-api/cases",
      "Run 'pagewalk COMMAND --help' for a command's options."
    })
public final class PagewalkCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec CommandSpec spec;

  /** Reads the real process environment. */
  public PagewalkCommand() {
    this(CliEnvironment.system());
  }

  public PagewalkCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  /** The subcommands, in the order the usage lists them. */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> all = new LinkedHashMap<>();
    all.put("run", RunCommand.class);
    all.put("plan", PlanCommand.class);
    all.put("auth", AuthCommand.class);
    all.put("validate", ValidateCommand.class);
    all.put("test", TestCommand.class);
    all.put("schema", SchemaCommand.class);
    all.put("init", InitCommand.class);
    all.put("reconcile", ReconcileCommand.class);
    all.put("demo", DemoCommand.class);
    all.put("mock", MockCommand.class);
    all.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(all);
  }

  /**
   * A command line with pagewalk's short error handling: a bad option prints one error line and a
   * hint to use {@code --help} (not the whole usage), and exits {@link ExitCodes#USAGE}.
   */
  public static CommandLine commandLine(CliEnvironment environment) {
    return commandLine(environment, null);
  }

  /**
   * As {@link #commandLine(CliEnvironment)}, for these arguments: when they start with a command's
   * name (other than {@code help}), or are {@code --version} ({@code -V}) alone, only that
   * command's options are read into the command line — picocli builds every command's model by
   * reflection, which is most of the start-up time of a short command. Otherwise (usage, help, a
   * mistyped command) all are.
   */
  public static CommandLine commandLine(CliEnvironment environment, String[] args) {
    CommandLine cli = new CommandLine(new PagewalkCommand(environment));
    cli.setParameterExceptionHandler(PagewalkCommand::shortUsageError);
    String first = args == null || args.length == 0 ? null : args[0];
    boolean versionOnly =
        args != null && args.length == 1 && ("--version".equals(first) || "-V".equals(first));
    Class<?> only = "help".equals(first) ? null : SUBCOMMANDS.get(first);
    if (versionOnly) {
      return cli;
    }
    for (Map.Entry<String, Class<?>> c : SUBCOMMANDS.entrySet()) {
      if (only == null || c.getValue() == only) {
        cli.addSubcommand(c.getKey(), c.getValue());
      }
    }
    return cli;
  }

  CliEnvironment environment() {
    return environment;
  }

  /** Without a subcommand: the usage on stderr, and a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  private static int shortUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("pagewalk: " + e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }
}
