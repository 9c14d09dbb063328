package dev.pagewalk.expr;

/** A string, number, boolean or null literal; translated to a constant-table reference. */
record LiteralNode(Object value, int offset) implements Node {
  @Override
  public void check(Validation validation) {}

  @Override
  public String translate(Translation translation) {
    return translation.constant(value);
  }

  @Override
  public int height() {
    return 1;
  }
}
