package dev.pagewalk.spec;

import dev.pagewalk.SpecException;
import java.nio.file.Path;

/**
 * Reads a spec file safely (no tags, no duplicate keys, few aliases, at most 1 MiB) and
 * validates it against the published JSON Schema. Every problem is a {@link
 * dev.pagewalk.Diagnostic} with file, line, column, pointer and caret.
 */
public final class SpecReader {
  private SpecReader() {}

  public static SpecDocument read(Path file) throws SpecException {
    throw new UnsupportedOperationException("implemented by the spec package");
  }

  public static SpecDocument read(String fileName, String yamlText) throws SpecException {
    throw new UnsupportedOperationException("implemented by the spec package");
  }
}
