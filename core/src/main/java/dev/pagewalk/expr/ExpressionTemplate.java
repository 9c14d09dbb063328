package dev.pagewalk.expr;

/** A string that is exactly one {@code {{expression}}}: keeps the expression's type. */
record ExpressionTemplate(CompiledExpression expression) implements Template {
  @Override
  public Object evaluate(Bindings bindings) {
    return expression.evaluate(bindings);
  }

  @Override
  public java.util.function.Function<Object, Object> asFunctionOf(String variable) {
    PathAccessor path = expression.path();
    // uuid is fresh on every use, never a function of a saved value
    return path != null && path.variable().equals(variable) && !variable.equals("uuid")
        ? path::from
        : null;
  }

  @Override
  public boolean isConstant() {
    return false;
  }
}
