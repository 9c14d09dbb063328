package dev.pagewalk.expr;

/** Unary minus or logical not. */
record UnaryNode(boolean negate, Node operand, int offset) implements Node {
  @Override
  public void check(Validation validation) {
    operand.check(validation);
  }

  @Override
  public String translate(Translation translation) {
    return translation.call(negate ? "pw_neg" : "pw_not", operand.translate(translation));
  }

  @Override
  public int height() {
    return 1 + operand.height();
  }
}
