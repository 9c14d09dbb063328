package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * One built-in function: its arity, and how a call is translated into a call of its function object
 * ({@link Functions#implementation}). A path argument that is a string literal is compiled at load
 * time; {@code jsonpath} requires one.
 */
record Builtin(String name, int min, int max, int pathArg, boolean jsonPath) {
  static final int VARARGS = Integer.MAX_VALUE;

  boolean variadic() {
    return max == VARARGS;
  }

  String arity() {
    if (variadic()) {
      return "at least " + plural(min);
    }
    return min == max ? plural(min) : min + " to " + max + " arguments";
  }

  private static String plural(int n) {
    return n == 1 ? "1 argument" : n + " arguments";
  }

  String translate(CallNode call, Translation t) {
    Object fn = Functions.implementation(name);
    List<String> args = new ArrayList<>();
    for (int i = 0; i < call.arguments().size(); i++) {
      args.add(argument(call.arguments().get(i), i, t));
    }
    if (fn == null) {
      return t.choice(t.truthy(args.get(0)), args.get(1), args.get(2));
    }
    if (variadic()) {
      return t.invoke(fn, List.of(t.list(args)));
    }
    while (args.size() < max) {
      args.add(t.constant(null));
    }
    return t.invoke(fn, args);
  }

  private String argument(Node arg, int index, Translation t) {
    if (index == pathArg && arg instanceof LiteralNode l && l.value() instanceof String s) {
      return t.constant(PathExpr.compile(s, l.offset()));
    }
    if (jsonPath && index == 1) {
      LiteralNode l = (LiteralNode) arg;
      return t.constant(JsonFunctions.compilePath((String) l.value(), l.offset()));
    }
    return arg.translate(t);
  }
}
