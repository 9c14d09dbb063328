package dev.pagewalk.expr;

/** {@code target.key} or {@code target.`key`}: a null-safe map lookup. */
record MemberNode(Node target, String key, int offset) implements Node {
  @Override
  public void check(Validation validation) {
    target.check(validation);
    if (target instanceof VariableNode variable) {
      validation.member(variable.name(), key, offset);
    }
  }

  @Override
  public String translate(Translation translation) {
    return translation.invoke(Ops.MEMBER, target.translate(translation), translation.constant(key));
  }

  @Override
  public int height() {
    return 1 + target.height();
  }
}
