package dev.pagewalk.cli;

import dev.pagewalk.Diagnostic;
import dev.pagewalk.SpecException;
import java.io.PrintWriter;

/**
 * Prints a spec's diagnostics compiler-style, exactly as {@link Diagnostic#format()} gives them.
 */
final class SpecErrors {
  private SpecErrors() {}

  static void print(SpecException e, PrintWriter err) {
    for (Diagnostic d : e.diagnostics()) {
      err.println(d.format());
    }
    err.flush();
  }

  /** The diagnostic with {@code warning: } before its message, as compilers mark warnings. */
  static Diagnostic warning(Diagnostic d) {
    return new Diagnostic(
        d.file(),
        d.line(),
        d.column(),
        d.pointer(),
        "warning: " + d.message(),
        d.sourceLine(),
        d.hint());
  }
}
