package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated expression that is only a path — {@code item.id}, {@code body.data}, {@code
 * item.tags[1]}, {@code headers.`x-next`} — evaluated by walking the data directly with the steps
 * resolved at load time: the same null-safe, 1-based rules as the MVEL translation ({@link
 * Ops#member}, {@link Ops#index}), without an interpreter on the per-record path. Immutable and
 * thread-safe.
 */
final class PathAccessor {
  private final String variable;
  private final Object[] steps;
  private final boolean[] member;

  private PathAccessor(String variable, Object[] steps, boolean[] member) {
    this.variable = variable;
    this.steps = steps;
    this.member = member;
  }

  /** The accessor for a pure path, or null when the expression is anything else. */
  static PathAccessor of(Node node) {
    List<Object> steps = new ArrayList<>();
    List<Boolean> kinds = new ArrayList<>();
    Node n = node;
    while (true) {
      if (n instanceof MemberNode m) {
        // interned like the field names the JSON decoder produces, so map lookups and the
        // variable switch match by identity before comparing characters
        steps.add(0, m.key().intern());
        kinds.add(0, true);
        n = m.target();
      } else if (n instanceof IndexNode i
          && i.index() instanceof LiteralNode l
          && (l.value() instanceof String || l.value() instanceof Number)) {
        steps.add(0, l.value());
        kinds.add(0, false);
        n = i.target();
      } else if (n instanceof VariableNode v) {
        boolean[] member = new boolean[kinds.size()];
        for (int k = 0; k < member.length; k++) {
          member[k] = kinds.get(k);
        }
        return new PathAccessor(v.name().intern(), steps.toArray(), member);
      } else {
        return null;
      }
    }
  }

  Object evaluate(Bindings bindings) {
    return from(bindings.variable(variable));
  }

  /** The variable this path starts from. */
  String variable() {
    return variable;
  }

  /** Walks the steps from {@code root}, the variable's value already looked up. */
  Object from(Object root) {
    Object v = root;
    for (int i = 0; i < steps.length && v != null; i++) {
      if (member[i]) {
        v = v instanceof Map<?, ?> m ? m.get(steps[i]) : null;
      } else {
        v = Ops.index(v, steps[i]);
      }
    }
    return v;
  }
}
