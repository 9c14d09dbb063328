package dev.pagewalk;

import dev.pagewalk.plan.PlanCompiler;
import dev.pagewalk.spec.SpecReader;
import java.nio.file.Path;

/**
 * Loads spec files into plans. Loading reads the YAML safely, validates it against the JSON Schema,
 * compiles every expression and checks the rules a schema cannot; every problem is a {@link
 * SpecException} whose diagnostics say file, line, column and JSON pointer.
 */
public final class Pagewalk {
  private Pagewalk() {}

  /** Loads a spec file. */
  public static Plan load(Path specFile) {
    return PlanCompiler.compile(SpecReader.read(specFile));
  }

  /** Loads spec text; {@code fileName} is used in diagnostics. */
  public static Plan parse(String fileName, String yamlText) {
    return PlanCompiler.compile(SpecReader.read(fileName, yamlText));
  }
}
