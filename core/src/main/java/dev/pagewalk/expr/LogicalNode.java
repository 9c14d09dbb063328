package dev.pagewalk.expr;

/** {@code &&}/{@code and} and {@code ||}/{@code or}: short-circuit, result is a boolean. */
record LogicalNode(boolean and, Node left, Node right, int offset) implements Node {
  @Override
  public void check(Validation validation) {
    left.check(validation);
    right.check(validation);
  }

  @Override
  public String translate(Translation t) {
    return t.logical(and, left.translate(t), right.translate(t));
  }

  @Override
  public int height() {
    return 1 + Math.max(left.height(), right.height());
  }
}
