package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks a parsed expression against the scope's variables and the built-in functions. */
final class Validation {
  static final List<String> KNOWN_VARIABLES = List.of("parameters", "connection", "temp", "now",
      "timestamp", "uuid", "state", "body", "headers", "statusCode", "links", "item", "iterate",
      "pagination");

  private final Scope scope;

  Validation(Scope scope) {
    this.scope = scope;
  }

  void variable(String name, int offset) {
    if (scope.allows(name)) {
      return;
    }
    if (KNOWN_VARIABLES.contains(name)) {
      throw new SyntaxError("variable '" + name + "' is not available in " + scope.place()
          + "; available here: " + String.join(", ", available()), offset);
    }
    Set<String> candidates = new LinkedHashSet<>(available());
    candidates.addAll(KNOWN_VARIABLES);
    throw new SyntaxError("unknown variable '" + name + "'", offset, Hints.didYouMean(name, candidates));
  }

  private List<String> available() {
    List<String> names = new ArrayList<>();
    KNOWN_VARIABLES.stream().filter(scope::allows).forEach(names::add);
    scope.variables().stream().filter(v -> !KNOWN_VARIABLES.contains(v)).sorted().forEach(names::add);
    return names;
  }

  static int start(Node node) {
    if (node instanceof MemberNode m) {
      return start(m.target());
    }
    if (node instanceof IndexNode i) {
      return start(i.target());
    }
    if (node instanceof BinaryNode b) {
      return start(b.left());
    }
    if (node instanceof LogicalNode l) {
      return start(l.left());
    }
    return node instanceof ConditionalNode c ? start(c.condition()) : node.offset();
  }

  void call(CallNode call) {
    Builtin builtin = Functions.get(call.name());
    if (builtin == null) {
      throw new SyntaxError("unknown function '" + call.name() + "'", call.offset(),
          Hints.didYouMean(call.name(), Functions.names()));
    }
    int n = call.arguments().size();
    if (n < builtin.min() || n > builtin.max()) {
      throw new SyntaxError("function '" + call.name() + "' takes " + builtin.arity() + ", got " + n,
          call.offset());
    }
    if (builtin.jsonPath() && !(call.arguments().get(1) instanceof LiteralNode l && l.value() instanceof String)) {
      throw new SyntaxError("the path of jsonpath must be a string literal", start(call.arguments().get(1)));
    }
  }
}
