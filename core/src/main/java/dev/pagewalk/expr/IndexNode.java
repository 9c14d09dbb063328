package dev.pagewalk.expr;

/** {@code target[index]}: 1-based list index (negative from the end) or map key; null-safe. */
record IndexNode(Node target, Node index, int offset) implements Node {
  @Override
  public void check(Validation validation) {
    target.check(validation);
    index.check(validation);
    if (target instanceof VariableNode variable
        && index instanceof LiteralNode literal
        && literal.value() instanceof String key) {
      validation.member(variable.name(), key, literal.offset());
    }
  }

  @Override
  public String translate(Translation translation) {
    return translation.invoke(
        Ops.INDEX, target.translate(translation), index.translate(translation));
  }

  @Override
  public int height() {
    return 1 + Math.max(target.height(), index.height());
  }
}
