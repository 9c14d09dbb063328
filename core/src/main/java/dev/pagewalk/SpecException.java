package dev.pagewalk;

import java.util.List;
import java.util.stream.Collectors;

/** A spec file that cannot be loaded; carries every diagnostic found, in source order. */
public final class SpecException extends PagewalkException {
  private final List<Diagnostic> diagnostics;

  public SpecException(List<Diagnostic> diagnostics) {
    super(ErrorCode.SPEC, render(diagnostics), null);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public SpecException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
  }
}
