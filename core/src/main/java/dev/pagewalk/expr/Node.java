package dev.pagewalk.expr;

/** A node of the expression syntax tree: checked by a {@link Validation}, then translated. */
interface Node {
  int offset();

  void check(Validation validation);

  String translate(Translation translation);

  int height();
}
