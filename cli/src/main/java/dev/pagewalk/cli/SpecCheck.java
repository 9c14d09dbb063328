package dev.pagewalk.cli;

import dev.pagewalk.Diagnostic;
import dev.pagewalk.SpecException;
import dev.pagewalk.plan.PlanCompiler;
import dev.pagewalk.plan.SpecWarnings;
import dev.pagewalk.spec.SpecDocument;
import dev.pagewalk.spec.SpecReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code pagewalk validate} does with its spec files, apart from the command line: each is
 * loaded as a run would load it; {@code FILE: ok} goes to stdout, diagnostics and warnings to
 * stderr.
 */
final class SpecCheck {
  private SpecCheck() {}

  /** Checks every file, even after one fails; returns the exit code. */
  static int run(List<Path> specs, PrintWriter out, PrintWriter err) {
    int failed = 0;
    for (Path file : specs) {
      try {
        SpecDocument doc = SpecReader.read(file);
        PlanCompiler.compile(doc);
        out.println(file + ": ok");
        out.flush();
        for (Diagnostic warning : SpecWarnings.of(doc)) {
          err.println(SpecErrors.warning(warning).format());
        }
        err.flush();
      } catch (SpecException e) {
        failed++;
        SpecErrors.print(e, err);
      }
    }
    return failed == 0 ? ExitCodes.COMPLETE : ExitCodes.SPEC_ERROR;
  }
}
