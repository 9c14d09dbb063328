package dev.pagewalk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** Runs the real {@code pagewalk} command line in-process with captured stdout and stderr. */
final class Cli {
  private final Map<String, String> environment;
  private final boolean terminal;

  private Cli(Map<String, String> environment, boolean terminal) {
    this.environment = environment;
    this.terminal = terminal;
  }

  static Cli plain() {
    return new Cli(Map.of(), false);
  }

  static Cli withEnvironment(Map<String, String> environment) {
    return new Cli(environment, false);
  }

  Cli onTerminal() {
    return new Cli(environment, true);
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = PagewalkCommand.commandLine(new CliEnvironment(environment, terminal), args);
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** What a command did: its exit code and everything it printed. */
  record Result(int code, String out, String err) {}
}
