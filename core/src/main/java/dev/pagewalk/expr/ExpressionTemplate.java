package dev.pagewalk.expr;

/** A string that is exactly one {@code {{expression}}}: keeps the expression's type. */
record ExpressionTemplate(CompiledExpression expression) implements Template {
  @Override
  public Object evaluate(Bindings bindings) {
    return expression.evaluate(bindings);
  }

  @Override
  public boolean isConstant() {
    return false;
  }
}
