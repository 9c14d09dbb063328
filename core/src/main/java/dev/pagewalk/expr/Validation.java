package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks a parsed expression against the scope's variables and the built-in functions. */
final class Validation {
  static final List<String> KNOWN_VARIABLES =
      List.of(
          "parameters",
          "connection",
          "temp",
          "now",
          "timestamp",
          "uuid",
          "state",
          "body",
          "headers",
          "statusCode",
          "links",
          "request",
          "item",
          "iterate",
          "pagination");

  private final Scope scope;
  private final String source;

  /** {@code source} is the expression's text, to explain names that YAML or dashes split. */
  Validation(Scope scope, String source) {
    this.scope = scope;
    this.source = source;
  }

  void variable(String name, int offset) {
    if (scope.allows(name)) {
      return;
    }
    DashedName dashed = DashedName.around(source, offset);
    if (dashed != null) {
      throw new SyntaxError(
          "'" + name + "' is not a variable here: " + dashed.reading(), offset, dashed.fix());
    }
    if (KNOWN_VARIABLES.contains(name)) {
      throw new SyntaxError(
          "variable '"
              + name
              + "' is not available in "
              + scope.place()
              + "; available here: "
              + String.join(", ", available()),
          offset);
    }
    Set<String> candidates = new LinkedHashSet<>(available());
    candidates.addAll(KNOWN_VARIABLES);
    throw new SyntaxError(
        "unknown variable '" + name + "'", offset, Hints.didYouMean(name, candidates));
  }

  /** {@code variable.key} (or {@code variable['key']}) where the scope declares the members. */
  void member(String variable, String key, int offset) {
    Set<String> names = scope.declared().get(variable);
    if (names == null || names.contains(key)) {
      return;
    }
    String read = variable + "." + DashedName.quoted(key);
    DashedName dashed = DashedName.around(source, offset);
    if (dashed != null) {
      throw new SyntaxError(read + " is not declared: " + dashed.reading(), offset, dashed.fix());
    }
    String kind = variable.equals("connection") ? "connection values" : variable;
    if (names.isEmpty()) {
      throw new SyntaxError(
          read + " is not declared: the spec declares no " + kind,
          offset,
          "declare it under " + variable + ":, e.g. " + key + ": {type: string}");
    }
    throw new SyntaxError(
        read
            + " is not declared; the declared "
            + kind
            + " are: "
            + String.join(", ", new TreeSet<>(names)),
        offset,
        nearest(key, names));
  }

  /** The declared name closest by spelling, or one that holds the other ({@code api_token}). */
  private static String nearest(String key, Set<String> names) {
    String hint = Hints.didYouMean(key, names);
    if (hint != null) {
      return hint;
    }
    return new TreeSet<>(names)
        .stream()
            .filter(n -> key.contains(n) || n.contains(key))
            .findFirst()
            .map(n -> "did you mean '" + n + "'?")
            .orElse(null);
  }

  private List<String> available() {
    List<String> names = new ArrayList<>();
    KNOWN_VARIABLES.stream().filter(scope::allows).forEach(names::add);
    scope.variables().stream()
        .filter(v -> !KNOWN_VARIABLES.contains(v))
        .sorted()
        .forEach(names::add);
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
      throw new SyntaxError(
          "unknown function '" + call.name() + "'",
          call.offset(),
          unknownFunctionHint(call.name()));
    }
    int n = call.arguments().size();
    if (n < builtin.min() || n > builtin.max()) {
      throw new SyntaxError(
          "function '" + call.name() + "' takes " + builtin.arity() + ", got " + n, call.offset());
    }
    if (builtin.jsonPath()
        && !(call.arguments().get(1) instanceof LiteralNode l && l.value() instanceof String)) {
      throw new SyntaxError(
          "the path of jsonpath must be a string literal", start(call.arguments().get(1)));
    }
  }

  private static String unknownFunctionHint(String name) {
    if (KNOWN_VARIABLES.contains(name)) {
      return "'" + name + "' is a variable, not a function: write " + name + " without ()";
    }
    String common = CommonNames.builtinFor(name);
    return common != null
        ? "did you mean '" + common + "'?"
        : Hints.didYouMean(name, Functions.names());
  }
}
