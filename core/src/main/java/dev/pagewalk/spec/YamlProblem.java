package dev.pagewalk.spec;

import org.yaml.snakeyaml.error.Mark;

/**
 * A problem that stops composing the YAML tree, with where it was found (mark may be null) and, for
 * a syntax error, what SnakeYAML was reading when it failed (context and its mark, or null).
 */
final class YamlProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Mark mark;
  private final String hint;
  private final String context;
  private final transient Mark contextMark;

  YamlProblem(String message, Mark mark, String hint) {
    this(message, mark, hint, null, null);
  }

  YamlProblem(String message, Mark mark, String hint, String context, Mark contextMark) {
    super(message, null, false, false);
    this.mark = mark;
    this.hint = hint;
    this.context = context;
    this.contextMark = contextMark;
  }

  Mark mark() {
    return mark;
  }

  String hint() {
    return hint;
  }

  String context() {
    return context;
  }

  Mark contextMark() {
    return contextMark;
  }
}
