package dev.pagewalk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pagewalk validate}: loads each spec as a run would — schema, expressions, structural rules
 * — and prints {@code FILE: ok} on stdout or every diagnostic, compiler-style, on stderr. A valid
 * spec may also get warnings on stderr (what is allowed but likely to surprise, such as Make's
 * default caps); they do not change the exit code.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check spec files without sending any request.",
      "Checks YAML, schema, expressions and rules.",
      "Prints 'FILE: ok' for a good spec; for a bad one every problem as",
      "'file:line:col: message (at /json/pointer)', the source line, a caret and a hint.",
      "Warnings ('file:line:col: warning: ...') do not change the exit code."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.COMPLETE + ":every spec is valid",
      ExitCodes.SPEC_ERROR + ":at least one spec has errors",
      ExitCodes.USAGE_HELP
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SPEC", description = "Spec files to check.")
  List<Path> specs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return SpecCheck.run(specs, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
