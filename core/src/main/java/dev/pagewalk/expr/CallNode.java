package dev.pagewalk.expr;

import java.util.List;

/** A call of a built-in function; the function decides how it is translated. */
record CallNode(String name, List<Node> arguments, int offset) implements Node {
  CallNode {
    arguments = List.copyOf(arguments);
  }

  @Override
  public void check(Validation validation) {
    validation.call(this);
    arguments.forEach(a -> a.check(validation));
  }

  @Override
  public String translate(Translation translation) {
    return Functions.get(name).translate(this, translation);
  }

  @Override
  public int height() {
    return 1 + arguments.stream().mapToInt(Node::height).max().orElse(0);
  }
}
