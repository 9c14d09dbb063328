package dev.pagewalk.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
      ExitCodes.COMPLETE + ":every case passed",
      "other:the conformance runner's code for failed or broken cases",
      ExitCodes.USAGE_HELP
    })
final class TestCommand implements Callable<Integer> {
  static final String RUNNER = "dev.pagewalk.conformance.ConformanceMain";

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders of conformance cases.")
  List<Path> dirs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (PrintStream stream = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8)) {
      return runConformance(dirs, stream);
    }
  }

  // TODO(cli): call ConformanceMain.run(dirs, out) directly once it is merged into main; until
  // then it is looked up at run time so this module compiles without it.
  private int runConformance(List<Path> folders, PrintStream stream) throws Exception {
    Method run;
    try {
      run = Class.forName(RUNNER).getMethod("run", List.class, PrintStream.class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      spec.commandLine().getErr().println(
          "pagewalk test: this build has no conformance runner (" + RUNNER + ") yet");
      return ExitCodes.INTERNAL;
    }
    try {
      return (Integer) run.invoke(null, folders, stream);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
