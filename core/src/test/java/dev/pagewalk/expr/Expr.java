package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helper: compiles and evaluates expressions in a scope with every known variable. */
final class Expr {
  static final Scope ALL = new Scope("test", Set.copyOf(Validation.KNOWN_VARIABLES));
  static final List<String> MVEL_SOURCES = new ArrayList<>();
  static final ExpressionCompiler COMPILER = new ExpressionCompiler(s -> {
    synchronized (MVEL_SOURCES) {
      MVEL_SOURCES.add(s);
    }
  });

  private Expr() {}

  static Template compile(Object value) throws ExpressionException {
    return COMPILER.compile(value, ALL);
  }

  /**
   * Evaluates as pagewalk does, and checks that MVEL, run on the same generated source, gives the
   * same value or the same error: every expression test is so also a test of {@link
   * DirectProgram}. (Nothing in the language reads the clock or a random source itself; {@code
   * now} and {@code uuid} come from the bindings, fixed here.)
   */
  static Object eval(String expression, Map<String, Object> variables) {
    Template t;
    try {
      t = compile("{{" + expression + "}}");
    } catch (ExpressionException e) {
      throw new AssertionError(e.getMessage() + " at " + e.offset(), e);
    }
    if (t instanceof ExpressionTemplate et) {
      Object viaMvel;
      try {
        viaMvel = et.expression().evaluateWithMvel(variables::get);
      } catch (EvaluationException e) {
        viaMvel = e;
      }
      try {
        Object value = t.evaluate(variables::get);
        if (viaMvel instanceof EvaluationException e) {
          throw new AssertionError("MVEL failed (" + e.getMessage() + ") where pagewalk gave " + value);
        }
        if (!java.util.Objects.equals(value, viaMvel)) {
          throw new AssertionError("pagewalk gave " + value + ", MVEL " + viaMvel + " for " + expression);
        }
        return value;
      } catch (EvaluationException e) {
        if (!(viaMvel instanceof EvaluationException m) || !m.getMessage().equals(e.getMessage())) {
          throw new AssertionError("pagewalk failed (" + e.getMessage() + ") where MVEL gave " + viaMvel, e);
        }
        throw e;
      }
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
