package dev.pagewalk.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The language's value rules, shared by the engine: truthiness, equality, text form. Values are
 * plain data (String, Number, Boolean, List, Map with String keys, null). Stateless and
 * thread-safe.
 */
public final class Values {
  private Values() {}

  /** null, false, 0 (any numeric zero), '', empty list and empty map are false; all else true. */
  public static boolean truthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return Numbers.decimal(n).signum() != 0;
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (value instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /**
   * The text form used by string interpolation, query strings and headers: null is "", numbers in
   * plain notation (never an exponent), booleans "true"/"false", lists and maps compact JSON.
   */
  public static String toText(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString();
    }
    if (value instanceof List<?> || value instanceof Map<?, ?>) {
      return Json.writeUnbounded(value);
    }
    return value.toString();
  }

  /**
   * The language's equality: numbers by value ({@code 1 == 1.0}), no coercion between strings and
   * numbers, lists and maps compared deeply.
   */
  public static boolean equal(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Numbers.compare(x, y) == 0;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return listsEqual(x, y);
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return mapsEqual(x, y);
    }
    return a.equals(b);
  }

  private static boolean listsEqual(List<?> x, List<?> y) {
    if (x.size() != y.size()) {
      return false;
    }
    Iterator<?> i = x.iterator();
    Iterator<?> j = y.iterator();
    while (i.hasNext()) {
      if (!equal(i.next(), j.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean mapsEqual(Map<?, ?> x, Map<?, ?> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (Map.Entry<?, ?> e : x.entrySet()) {
      if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The language's name of a value's type, used in error messages. */
  public static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof List<?>) {
      return "list";
    }
    if (value instanceof Map<?, ?>) {
      return "map";
    }
    return value.getClass().getSimpleName();
  }

  static boolean isIntegral(Object n) {
    return n instanceof Long
        || n instanceof Integer
        || n instanceof Short
        || n instanceof Byte
        || n instanceof BigInteger;
  }
}
