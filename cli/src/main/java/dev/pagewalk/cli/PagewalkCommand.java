package dev.pagewalk.cli;

import java.io.PrintWriter;
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
    subcommands = {
      RunCommand.class,
      PlanCommand.class,
      AuthCommand.class,
      ValidateCommand.class,
      TestCommand.class,
      SchemaCommand.class,
      InitCommand.class,
      ReconcileCommand.class,
      DemoCommand.class,
      MockCommand.class,
      CommandLine.HelpCommand.class
    },
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

  /**
   * A command line with pagewalk's short error handling: a bad option prints one error line and a
   * hint to use {@code --help} (not the whole usage), and exits {@link ExitCodes#USAGE}.
   */
  public static CommandLine commandLine(CliEnvironment environment) {
    CommandLine cli = new CommandLine(new PagewalkCommand(environment));
    cli.setParameterExceptionHandler(PagewalkCommand::shortUsageError);
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
