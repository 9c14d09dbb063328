package dev.pagewalk.expr;

/** A top-level variable such as {@code body}; must be in the scope. */
record VariableNode(String name, int offset) implements Node {
  @Override
  public void check(Validation validation) {
    validation.variable(name, offset);
  }

  @Override
  public String translate(Translation translation) {
    return translation.variable(name);
  }

  @Override
  public int height() {
    return 1;
  }
}
