package dev.pagewalk.cli;

import dev.pagewalk.InputException;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.Runner;
import dev.pagewalk.SpecException;
import dev.pagewalk.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pagewalk auth}: runs only the auth step of a spec — one token request, as {@code run}
 * would send it — and says whether it worked, where the token came from and when it expires. The
 * token itself is never printed. A refresh token the server rotates is saved where {@code run}
 * keeps it, so checking does not lose it.
 */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch a token with the spec's auth block and say whether it worked and when it",
      "expires (the token is never printed). Sends no other request."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.COMPLETE + ":a token was fetched",
      ExitCodes.SPEC_HELP,
      ExitCodes.RUN_FAILURE
          + ":the token endpoint refused the credentials (auth-refused) or failed",
      ExitCodes.USAGE_HELP
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pagewalk auth salesforce.yaml -c secrets.yaml",
      "  pagewalk auth salesforce.yaml -c secrets.yaml -o sqlite:crm.db"
    })
final class AuthCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (YAML).")
  Path specFile;

  @Mixin InputOptions inputs = new InputOptions();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE|sqlite:PATH|postgresql://...",
      description =
          "The --out of the runs this checks for: a rotated refresh token is read from and "
              + "saved where they keep it (the database, or the state directory of a FILE).")
  String out;

  @Option(
      names = "--state",
      paramLabel = "DIR",
      description =
          "The --state of the runs this checks for (default: .pagewalk-state next to --out, or "
              + "in the current directory).")
  Path stateDir;

  @ParentCommand PagewalkCommand parent;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Plan plan;
      try {
        plan = Plan.of(Pagewalk.load(specFile));
      } catch (SpecException e) {
        SpecErrors.print(e, err);
        return ExitCodes.SPEC_ERROR;
      }
      Runner.AuthCheck check;
      try (Runner runner =
          Runner.builder().tokenStore(SinkTarget.tokenStore(out, stateDir)).build()) {
        check = runner.authenticate(plan, inputs.input(parent.environment().variables()));
      }
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("pagewalk auth: ok: a token from " + check.endpoint());
      stdout.println("pagewalk auth: " + expiry(check.expiresAt(), Instant.now()));
      stdout.flush();
      return ExitCodes.COMPLETE;
    } catch (UsageException | InputException e) {
      return fail(err, e.getMessage(), ExitCodes.USAGE);
    } catch (PagewalkException e) {
      return fail(err, e.getMessage(), ExitCodes.RUN_FAILURE);
    }
  }

  /** When the token expires, to the second, and how long that is from {@code now}. */
  static String expiry(Instant expiresAt, Instant now) {
    if (expiresAt == null) {
      return "the server did not say when the token expires; it is used until refused";
    }
    Duration left = Duration.between(now, expiresAt).truncatedTo(ChronoUnit.SECONDS);
    return "the token expires at "
        + expiresAt.truncatedTo(ChronoUnit.SECONDS)
        + " (in "
        + left.toMinutes()
        + "m "
        + left.toSecondsPart()
        + "s)";
  }

  private static int fail(PrintWriter err, String message, int code) {
    err.println("pagewalk auth: " + message);
    err.flush();
    return code;
  }
}
