package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helper: compiles and evaluates expressions in a scope with every known variable. */
final class Expr {
  static final Scope ALL = new Scope("test", Set.copyOf(Validation.KNOWN_VARIABLES));
  static final List<String> MVEL_SOURCES = new ArrayList<>();
  static final ExpressionCompiler COMPILER =
      new ExpressionCompiler(
          s -> {
            synchronized (MVEL_SOURCES) {
              MVEL_SOURCES.add(s);
            }
          });

  private Expr() {}

  static Template compile(Object value) throws ExpressionException {
    return COMPILER.compile(value, ALL);
  }

  /** Evaluates as pagewalk does: a pure path by its accessor, anything else by compiled MVEL. */
  static Object eval(String expression, Map<String, Object> variables) {
    Template t;
    try {
      t = compile("{{" + expression + "}}");
    } catch (ExpressionException e) {
      throw new AssertionError(e.getMessage() + " at " + e.offset(), e);
    }
    return t.evaluate(variables::get);
  }

  static Object eval(String expression) {
    return eval(expression, Map.of());
  }

  static String json(Object value) {
    return Json.write(value);
  }

  static ExpressionException error(Object value, Scope scope) {
    try {
      COMPILER.compile(value, scope);
    } catch (ExpressionException e) {
      return e;
    }
    throw new AssertionError("compiled: " + value);
  }

  static ExpressionException error(String expression) {
    return error("{{" + expression + "}}", ALL);
  }
}
