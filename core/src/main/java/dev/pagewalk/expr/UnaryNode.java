package dev.pagewalk.expr;

/** Unary minus or logical not. */
record UnaryNode(boolean negate, Node operand, int offset) implements Node {
  @Override
  public void check(Validation validation) {
    operand.check(validation);
  }

  @Override
  public String translate(Translation translation) {
    return translation.invoke(negate ? Ops.NEG : Ops.NOT, operand.translate(translation));
  }

  @Override
  public int height() {
    return 1 + operand.height();
  }
}
