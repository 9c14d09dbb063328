package dev.pagewalk.cli;

import dev.pagewalk.conformance.CaseFinder;
import dev.pagewalk.conformance.ConformanceMain;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
      "(WireMock stubs) and expected.jsonl; every case folder under DIR is run.",
      "Each DIR must exist and hold at least one case."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:every case passed",
      "1:at least one case failed (each failure is printed with a diff)",
      ExitCodes.USAGE
          + ":usage error: bad options, or a DIR that does not exist, is not a folder or holds no case"
    })
final class TestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders of conformance cases.")
  List<Path> dirs;

  @Option(
      names = "--update",
      description = {
        "Rewrite a failing case's expected records (expect.records, expect.keys) and the counts",
        "its case.yaml states from the actual run, print what was rewritten, then run it again.",
        "Stop reasons, errors, verdicts and checks are never rewritten."
      })
  boolean update;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    for (Path dir : dirs) {
      String refused = refusal(dir);
      if (refused != null) {
        spec.commandLine().getErr().println("pagewalk test: " + refused);
        return ExitCodes.USAGE;
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    try (PrintStream stream =
        new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8)) {
      return ConformanceMain.run(dirs, stream, update);
    }
  }

  /** Why a DIR cannot be tested, or null: every folder named must hold at least one case. */
  private static String refusal(Path dir) {
    if (!Files.exists(dir)) {
      return "no such folder: " + dir;
    }
    if (!Files.isDirectory(dir)) {
      return "not a folder: " + dir;
    }
    if (CaseFinder.find(dir).isEmpty()) {
      return "no case.yaml under " + dir;
    }
    return null;
  }
}
