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
    String l = t.truthy(left.translate(t));
    String r = t.truthy(right.translate(t));
    return and ? t.choice(l, r, t.constant(Boolean.FALSE)) : t.choice(l, t.constant(Boolean.TRUE), r);
  }

  @Override
  public int height() {
    return 1 + Math.max(left.height(), right.height());
  }
}
