package dev.pagewalk.expr;

/**
 * The only code MVEL-compiled expressions can reach, by the names {@link Helpers} gives them.
 * Public because MVEL invokes these static methods reflectively; not an API. The operators and path
 * steps are called directly; any other built-in through {@code callN}, whose first argument is an
 * opaque function object that the {@link ExpressionCompiler} put in the expression's constant table
 * (anything else fails). Stateless and thread-safe.
 */
public final class RuntimeCalls {
  private RuntimeCalls() {}

  /** Calls a compiler-generated function of no argument. */
  public static Object call0(Object fn) {
    EvalDeadline.work(1);
    if (fn instanceof Fn.F0 f) {
      return f.apply();
    }
    throw notAFunction();
  }

  /** Calls a compiler-generated function of one argument. */
  public static Object call1(Object fn, Object a) {
    EvalDeadline.work(EvalDeadline.sizeOf(a));
    if (fn instanceof Fn.F1 f) {
      return f.apply(a);
    }
    throw notAFunction();
  }

  /** Calls a compiler-generated function of two arguments. */
  public static Object call2(Object fn, Object a, Object b) {
    EvalDeadline.work(EvalDeadline.sizeOf(a) + EvalDeadline.sizeOf(b));
    if (fn instanceof Fn.F2 f) {
      return f.apply(a, b);
    }
    throw notAFunction();
  }

  /** Calls a compiler-generated function of three arguments. */
  public static Object call3(Object fn, Object a, Object b, Object c) {
    EvalDeadline.work(EvalDeadline.sizeOf(a) + EvalDeadline.sizeOf(b) + EvalDeadline.sizeOf(c));
    if (fn instanceof Fn.F3 f) {
      return f.apply(a, b, c);
    }
    throw notAFunction();
  }

  /** Calls a compiler-generated function of four arguments. */
  public static Object call4(Object fn, Object a, Object b, Object c, Object d) {
    EvalDeadline.work(
        EvalDeadline.sizeOf(a)
            + EvalDeadline.sizeOf(b)
            + EvalDeadline.sizeOf(c)
            + EvalDeadline.sizeOf(d));
    if (fn instanceof Fn.F4 f) {
      return f.apply(a, b, c, d);
    }
    throw notAFunction();
  }

  /** The language's truthiness as a Boolean, for the conditional operator. */
  public static Boolean truthy(Object value) {
    return Values.truthy(value);
  }

  /** {@code +}: numbers, or text when either side is text. */
  public static Object add(Object a, Object b) {
    return Ops.ADD.apply(a, b);
  }

  /** {@code -}. */
  public static Object sub(Object a, Object b) {
    return Ops.SUB.apply(a, b);
  }

  /** {@code *}. */
  public static Object mul(Object a, Object b) {
    return Ops.MUL.apply(a, b);
  }

  /** {@code /}. */
  public static Object div(Object a, Object b) {
    return Ops.DIV.apply(a, b);
  }

  /** {@code %}. */
  public static Object mod(Object a, Object b) {
    return Ops.MOD.apply(a, b);
  }

  /** {@code ==}. */
  public static Object eq(Object a, Object b) {
    return Ops.EQ.apply(a, b);
  }

  /** {@code !=}. */
  public static Object ne(Object a, Object b) {
    return Ops.NE.apply(a, b);
  }

  /** {@code <}. */
  public static Object lt(Object a, Object b) {
    return Ops.LT.apply(a, b);
  }

  /** {@code <=}. */
  public static Object le(Object a, Object b) {
    return Ops.LE.apply(a, b);
  }

  /** {@code >}. */
  public static Object gt(Object a, Object b) {
    return Ops.GT.apply(a, b);
  }

  /** {@code >=}. */
  public static Object ge(Object a, Object b) {
    return Ops.GE.apply(a, b);
  }

  /** {@code a.key}: null-safe map lookup. */
  public static Object member(Object a, Object b) {
    return Ops.MEMBER.apply(a, b);
  }

  /** {@code a[i]}: 1-based, negative from the end, null-safe. */
  public static Object index(Object a, Object b) {
    return Ops.INDEX.apply(a, b);
  }

  /** Unary {@code -}. */
  public static Object neg(Object a) {
    return Ops.NEG.apply(a);
  }

  /** {@code !}: the negated truthiness. */
  public static Object not(Object a) {
    return Ops.NOT.apply(a);
  }

  /** A list literal of no element. */
  public static Object list0() {
    return Ops.LIST0.apply();
  }

  /** A list literal of one element. */
  public static Object list1(Object a) {
    return Ops.LIST1.apply(a);
  }

  /** A list literal of two elements. */
  public static Object list2(Object a, Object b) {
    return Ops.LIST2.apply(a, b);
  }

  /** A list literal of three elements. */
  public static Object list3(Object a, Object b, Object c) {
    return Ops.LIST3.apply(a, b, c);
  }

  /** A list literal of four elements. */
  public static Object list4(Object a, Object b, Object c, Object d) {
    return Ops.LIST4.apply(a, b, c, d);
  }

  /** Two lists joined, for list literals of more than four elements. */
  public static Object concat(Object a, Object b) {
    return Ops.CONCAT.apply(a, b);
  }

  private static EvalFailure notAFunction() {
    return new EvalFailure("internal error: not a compiled function");
  }
}
