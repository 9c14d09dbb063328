package dev.pagewalk.cli;

import dev.pagewalk.InputException;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.Runner;
import dev.pagewalk.SpecException;
import dev.pagewalk.sink.Reconciliation;
import dev.pagewalk.sinks.DatabaseSink;
import dev.pagewalk.sinks.Sinks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pagewalk reconcile}: walks the API for keys only (writing nothing) and compares them with
 * the keys a database destination holds — the "count first, then write" pass.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the keys the API has now with the keys a destination holds; write nothing.",
      "Prints the counts and samples of missing and extra keys."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:in sync: the walk ended naturally and both sides hold the same keys",
      "3:out of sync, or the walk was truncated",
      ExitCodes.SPEC_HELP,
      ExitCodes.FAILURE_HELP,
      ExitCodes.USAGE_HELP
    })
final class ReconcileCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (YAML).")
  Path specFile;

  @Mixin InputOptions inputs = new InputOptions();

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "sqlite:PATH|postgresql://...",
      description = "The destination to compare with.")
  String out;

  @Mixin LimitOptions limits = new LimitOptions();

  @ParentCommand PagewalkCommand parent;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Plan plan;
    try {
      plan = Pagewalk.load(specFile);
    } catch (SpecException e) {
      SpecErrors.print(e, err);
      return ExitCodes.SPEC_ERROR;
    }
    try (dev.pagewalk.sink.RecordSink sink = Sinks.fromUri(out);
        Runner runner = Runner.builder().build()) {
      if (!(sink instanceof DatabaseSink db)) {
        throw new UsageException(
            "reconcile needs a database --out (sqlite:PATH or postgresql://...)");
      }
      Reconciliation r =
          runner.reconcile(
              plan,
              inputs.input(parent.environment().variables()).withLimits(limits.overrides()),
              db::keys);
      stdout.println(r.summary());
      stdout.flush();
      if (r.walk().failure() != null) {
        err.println("pagewalk reconcile: " + r.walk().failure().getMessage());
        err.flush();
        return ExitCodes.RUN_FAILURE;
      }
      return r.inSync() ? ExitCodes.COMPLETE : ExitCodes.TRUNCATED;
    } catch (UsageException | InputException e) {
      err.println("pagewalk reconcile: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }
}
