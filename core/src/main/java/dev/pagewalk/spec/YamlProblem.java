package dev.pagewalk.spec;

import org.yaml.snakeyaml.error.Mark;

/** A problem that stops composing the YAML tree, with where it was found (mark may be null). */
final class YamlProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Mark mark;
  private final String hint;

  YamlProblem(String message, Mark mark, String hint) {
    super(message, null, false, false);
    this.mark = mark;
    this.hint = hint;
  }

  Mark mark() {
    return mark;
  }

  String hint() {
    return hint;
  }
}
