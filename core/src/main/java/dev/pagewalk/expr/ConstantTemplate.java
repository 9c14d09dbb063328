package dev.pagewalk.expr;

/** A value without expressions; evaluates to the same immutable value every time. */
record ConstantTemplate(Object value) implements Template {
  @Override
  public Object evaluate(Bindings bindings) {
    return value;
  }

  @Override
  public boolean isConstant() {
    return true;
  }
}
