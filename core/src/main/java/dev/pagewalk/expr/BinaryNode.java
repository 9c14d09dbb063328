package dev.pagewalk.expr;

import java.util.Map;

/** An arithmetic, equality or comparison operator; both operands are always evaluated. */
record BinaryNode(String operator, Node left, Node right, int offset) implements Node {
  static final Map<String, String> HELPERS = Map.ofEntries(
      Map.entry("+", "pw_add"), Map.entry("-", "pw_sub"), Map.entry("*", "pw_mul"),
      Map.entry("/", "pw_div"), Map.entry("%", "pw_mod"), Map.entry("==", "pw_eq"),
      Map.entry("=", "pw_eq"), Map.entry("!=", "pw_ne"), Map.entry("<", "pw_lt"),
      Map.entry("<=", "pw_le"), Map.entry(">", "pw_gt"), Map.entry(">=", "pw_ge"));

  @Override
  public void check(Validation validation) {
    left.check(validation);
    right.check(validation);
  }

  @Override
  public String translate(Translation translation) {
    return translation.call(HELPERS.get(operator), left.translate(translation), right.translate(translation));
  }

  @Override
  public int height() {
    return 1 + Math.max(left.height(), right.height());
  }
}
