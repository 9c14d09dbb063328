package dev.pagewalk.expr;

/** {@code condition ? then : otherwise}, by truthiness; only the chosen branch is evaluated. */
record ConditionalNode(Node condition, Node then, Node otherwise, int offset) implements Node {
  @Override
  public void check(Validation validation) {
    condition.check(validation);
    then.check(validation);
    otherwise.check(validation);
  }

  @Override
  public String translate(Translation t) {
    return t.choice(t.truthy(condition.translate(t)), then.translate(t), otherwise.translate(t));
  }

  @Override
  public int height() {
    return 1 + Math.max(condition.height(), Math.max(then.height(), otherwise.height()));
  }
}
