package dev.pagewalk.kafka;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code pagewalk.spec}: the YAML text itself (a value with a line break, or one that starts with
 * {@code pagewalk:}), named {@code pagewalk.spec} in diagnostics, or else the path of a spec file
 * the worker can read.
 */
final class SpecSource {
  private SpecSource() {}

  /**
   * Loads and compiles the spec.
   *
   * @throws dev.pagewalk.PagewalkException when it cannot be loaded; a {@link
   *     dev.pagewalk.SpecException} carries the located diagnostics
   */
  static Plan load(String value) {
    String text = value.strip();
    if (inline(text)) {
      return Pagewalk.parse(PagewalkConfig.SPEC, value);
    }
    return Pagewalk.load(Path.of(text));
  }

  /** The spec's YAML text, read from its file when the value is a path. */
  static String text(String value) throws IOException {
    String text = value.strip();
    return inline(text) ? value : Files.readString(Path.of(text));
  }

  private static boolean inline(String text) {
    return text.indexOf('\n') >= 0 || text.startsWith("pagewalk:");
  }
}
