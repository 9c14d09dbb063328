package dev.pagewalk.expr;

/**
 * The only code MVEL-compiled expressions can reach. Public because MVEL invokes imported static
 * methods reflectively; not an API. The first argument is an opaque function object that the
 * {@link ExpressionCompiler} put in the expression's constant table; anything else fails.
 * Stateless and thread-safe.
 */
public final class RuntimeCalls {
  private RuntimeCalls() {}

  /** Calls a compiler-generated function of no argument. */
  public static Object call0(Object fn) {
    if (fn instanceof Fn.F0 f) {
      return f.apply();
    }
    throw notAFunction();
  }

  /** Calls a compiler-generated function of one argument. */
  public static Object call1(Object fn, Object a) {
    if (fn instanceof Fn.F1 f) {
      return f.apply(a);
    }
    throw notAFunction();
  }

  /** Calls a compiler-generated function of two arguments. */
  public static Object call2(Object fn, Object a, Object b) {
    if (fn instanceof Fn.F2 f) {
      return f.apply(a, b);
    }
    throw notAFunction();
  }

  /** Calls a compiler-generated function of three arguments. */
  public static Object call3(Object fn, Object a, Object b, Object c) {
    if (fn instanceof Fn.F3 f) {
      return f.apply(a, b, c);
    }
    throw notAFunction();
  }

  /** Calls a compiler-generated function of four arguments. */
  public static Object call4(Object fn, Object a, Object b, Object c, Object d) {
    if (fn instanceof Fn.F4 f) {
      return f.apply(a, b, c, d);
    }
    throw notAFunction();
  }

  /** The language's truthiness as a Boolean, for the conditional operator. */
  public static Boolean truthy(Object value) {
    return Values.truthy(value);
  }

  private static EvalFailure notAFunction() {
    return new EvalFailure("internal error: not a compiled function");
  }
}
