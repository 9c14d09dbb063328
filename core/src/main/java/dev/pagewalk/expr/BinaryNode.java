package dev.pagewalk.expr;

import java.util.Map;

/** An arithmetic, equality or comparison operator; both operands are always evaluated. */
record BinaryNode(String operator, Node left, Node right, int offset) implements Node {
  private static final Map<String, Fn.F2> OPERATIONS =
      Map.ofEntries(
          Map.entry("+", Ops.ADD),
          Map.entry("-", Ops.SUB),
          Map.entry("*", Ops.MUL),
          Map.entry("/", Ops.DIV),
          Map.entry("%", Ops.MOD),
          Map.entry("==", Ops.EQ),
          Map.entry("=", Ops.EQ),
          Map.entry("!=", Ops.NE),
          Map.entry("<", Ops.LT),
          Map.entry("<=", Ops.LE),
          Map.entry(">", Ops.GT),
          Map.entry(">=", Ops.GE));

  @Override
  public void check(Validation validation) {
    left.check(validation);
    right.check(validation);
  }

  @Override
  public String translate(Translation translation) {
    return translation.invoke(
        OPERATIONS.get(operator), left.translate(translation), right.translate(translation));
  }

  @Override
  public int height() {
    return 1 + Math.max(left.height(), right.height());
  }
}
