package dev.pagewalk.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The operators and null-safe path steps of the language. */
final class Ops {
  static final Fn.F2 ADD = Ops::add;
  static final Fn.F2 SUB =
      (a, b) -> arithmetic("subtract", () -> Numbers.subtract(num(a, b, "subtract"), (Number) b));
  static final Fn.F2 MUL =
      (a, b) -> arithmetic("multiply", () -> Numbers.multiply(num(a, b, "multiply"), (Number) b));
  static final Fn.F2 DIV =
      (a, b) -> arithmetic("divide", () -> Numbers.divide(num(a, b, "divide"), (Number) b));
  static final Fn.F2 MOD =
      (a, b) ->
          arithmetic(
              "take the remainder of",
              () -> Numbers.remainder(num(a, b, "take the remainder of"), (Number) b));
  static final Fn.F2 EQ = (a, b) -> Values.equal(a, b);
  static final Fn.F2 NE = (a, b) -> !Values.equal(a, b);
  static final Fn.F2 LT = (a, b) -> compare(a, b) < 0;
  static final Fn.F2 LE = (a, b) -> compare(a, b) <= 0;
  static final Fn.F2 GT = (a, b) -> compare(a, b) > 0;
  static final Fn.F2 GE = (a, b) -> compare(a, b) >= 0;
  static final Fn.F1 NEG = Ops::negate;
  static final Fn.F1 NOT = a -> !Values.truthy(a);
  static final Fn.F2 MEMBER = Ops::member;
  static final Fn.F2 INDEX = Ops::index;
  static final Fn.F0 LIST0 = ArrayList::new;
  static final Fn.F1 LIST1 = a -> list(a);
  static final Fn.F2 LIST2 = (a, b) -> list(a, b);
  static final Fn.F3 LIST3 = (a, b, c) -> list(a, b, c);
  static final Fn.F4 LIST4 = (a, b, c, d) -> list(a, b, c, d);
  static final Fn.F2 CONCAT =
      (a, b) -> {
        ValueLimits.elements((long) ((List<?>) a).size() + ((List<?>) b).size(), "a list");
        List<Object> out = new ArrayList<>((List<?>) a);
        out.addAll((List<?>) b);
        return out;
      };

  private Ops() {}

  static Object add(Object a, Object b) {
    if (a instanceof String || b instanceof String) {
      String x = ValueLimits.toText(a, "the + operator");
      String y = ValueLimits.toText(b, "the + operator");
      ValueLimits.text((long) x.length() + y.length(), "the + operator");
      return x + y;
    }
    return arithmetic("add", () -> Numbers.add(num(a, b, "add"), (Number) b));
  }

  /** The result of {@code op}, or a plain failure when it is out of range or too large. */
  static Number arithmetic(String verb, Supplier<Number> op) {
    try {
      return ValueLimits.number(op.get(), verb);
    } catch (ArithmeticException e) {
      throw new EvalFailure("cannot " + verb + " these numbers: the result is out of range");
    }
  }

  static Object negate(Object a) {
    if (a instanceof Number n) {
      return Numbers.negate(n);
    }
    throw new EvalFailure("cannot negate " + Values.typeName(a));
  }

  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Numbers.compare(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    throw new EvalFailure("cannot compare " + Values.typeName(a) + " with " + Values.typeName(b));
  }

  static Object member(Object target, Object key) {
    return target instanceof Map<?, ?> m ? m.get(key) : null;
  }

  static Object index(Object target, Object index) {
    if (target instanceof Map<?, ?> m) {
      return index instanceof String ? m.get(index) : null;
    }
    if (target instanceof List<?> l && index instanceof Number n) {
      return element(l, n);
    }
    return null;
  }

  static Object element(List<?> list, Number index) {
    if (!Values.isIntegral(index) && !isWhole(index)) {
      return null;
    }
    long i = ValueLimits.saturated(index);
    long at = i > 0 ? i - 1 : list.size() + i;
    return i == 0 || at < 0 || at >= list.size() ? null : list.get((int) at);
  }

  private static boolean isWhole(Number n) {
    BigDecimal d = Numbers.decimal(n);
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  private static Number num(Object a, Object b, String verb) {
    if (a instanceof Number n && b instanceof Number) {
      return n;
    }
    throw new EvalFailure(
        "cannot " + verb + " " + Values.typeName(a) + " and " + Values.typeName(b));
  }

  private static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }
}
