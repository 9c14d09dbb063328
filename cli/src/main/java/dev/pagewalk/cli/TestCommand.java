package dev.pagewalk.cli;

import dev.pagewalk.conformance.ConformanceMain;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pagewalk test}: runs conformance case folders (spec + WireMock mappings + expected
 * records) through the conformance runner and exits with its code.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run conformance cases against a local WireMock server.",
      "A case folder holds case.yaml (which spec, inputs, expected outcome), mappings/*.json",
      "(WireMock stubs) and expected.jsonl; every case folder under DIR is run."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:every case passed",
      "1:at least one case failed (each failure is printed with a diff)",
      "2:no case.yaml was found under DIR",
      ExitCodes.USAGE_HELP
    })
final class TestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders of conformance cases.")
  List<Path> dirs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (PrintStream stream = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8)) {
      return ConformanceMain.run(dirs, stream);
    }
  }
}
