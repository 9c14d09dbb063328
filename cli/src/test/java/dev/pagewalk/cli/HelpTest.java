package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpTest {
  @Test
  void topLevelHelpListsCommandsAndExitCodes() {
    Cli.Result r = Cli.plain().run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    Golden.assertMatches("help.txt", r.out());
  }

  @Test
  void runHelpDocumentsEveryOptionAndExitCode() {
    Cli.Result r = Cli.plain().run("run", "--help");
    assertThat(r.code()).isZero();
    Golden.assertMatches("run-help.txt", r.out());
  }

  @Test
  void planHelpDocumentsEveryOptionAndExitCode() {
    Cli.Result r = Cli.plain().run("plan", "--help");
    assertThat(r.code()).isZero();
    Golden.assertMatches("plan-help.txt", r.out());
  }

  @Test
  void withoutACommandPrintsUsageAndFailsAsAUsageError() {
    Cli.Result r = Cli.plain().run();
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("Usage: pagewalk [-hV] COMMAND");
  }

  @Test
  void anUnknownOptionIsAOneLineUsageError() {
    Cli.Result r = Cli.plain().run("validate", "--frobnicate", "x.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "pagewalk: Unknown option: '--frobnicate'\n"
                + "Try 'pagewalk validate --help' for more information.\n");
  }

  @Test
  void anUnknownCommandSuggestsTheNearestOne() {
    Cli.Result r = Cli.plain().run("valdate", "x.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Did you mean: pagewalk validate");
  }

  @Test
  void aCommandLineForOneCommandReadsOnlyThatCommand() {
    CliEnvironment env = new CliEnvironment(java.util.Map.of(), false);
    assertThat(
            PagewalkCommand.commandLine(env, new String[] {"validate", "x.yaml"}).getSubcommands())
        .containsOnlyKeys("validate");
    assertThat(PagewalkCommand.commandLine(env, new String[] {"--version"}).getSubcommands())
        .isEmpty();
    assertThat(PagewalkCommand.commandLine(env, new String[] {"help", "run"}).getSubcommands())
        .containsOnlyKeys(
            "run",
            "plan",
            "auth",
            "validate",
            "test",
            "schema",
            "init",
            "reconcile",
            "demo",
            "mock",
            "help");
    assertThat(PagewalkCommand.commandLine(env, new String[] {"valdate"}).getSubcommands())
        .hasSize(11);
  }

  @Test
  void versionNamesTheProject() {
    Cli.Result r = Cli.plain().run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("pagewalk 0.1.0-SNAPSHOT\n");
  }
}
