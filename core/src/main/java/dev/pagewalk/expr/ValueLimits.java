package dev.pagewalk.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Bounds on the values an expression builds, so that no spec can make one evaluation exhaust
 * memory: a text has at most {@link #MAX_TEXT} characters, a list or map at most {@link
 * #MAX_ELEMENTS} elements. Built-ins that can grow a value check the size before they build it;
 * every built-in's result is checked again after. Stateless.
 */
final class ValueLimits {
  static final int MAX_TEXT = 16 * 1024 * 1024;
  static final int MAX_ELEMENTS = 1024 * 1024;

  /** Digits of a number that arithmetic or rounding builds. */
  static final int MAX_DIGITS = 10_000;

  private static final int MAX_BITS = (int) Math.ceil(MAX_DIGITS * Math.log(10) / Math.log(2));

  private ValueLimits() {}

  /** Refuses a text of {@code length} characters that {@code function} is about to build. */
  static void text(long length, String function) {
    if (length > MAX_TEXT) {
      throw new EvalFailure(
          "result too large: "
              + function
              + " would build "
              + length
              + " characters (at most "
              + MAX_TEXT
              + ")");
    }
  }

  /** The failure for a text that {@code what} was building when it passed the limit. */
  static EvalFailure textPastLimit(String what) {
    return new EvalFailure(
        "result too large: " + what + " would have more than " + MAX_TEXT + " characters");
  }

  /**
   * {@code n} as a whole number clamped to the range of long, so that a huge index or position
   * means "past the end" rather than whatever its low 64 bits happen to be.
   */
  static long saturated(Number n) {
    if (Numbers.compare(n, Long.MAX_VALUE) > 0) {
      return Long.MAX_VALUE;
    }
    if (Numbers.compare(n, Long.MIN_VALUE) < 0) {
      return Long.MIN_VALUE;
    }
    return n instanceof BigDecimal d ? d.longValue() : n.longValue();
  }

  /** Refuses a list or map of {@code count} elements that {@code function} is about to build. */
  static void elements(long count, String function) {
    if (count > MAX_ELEMENTS) {
      throw new EvalFailure(
          "result too large: "
              + function
              + " would build "
              + count
              + " elements (at most "
              + MAX_ELEMENTS
              + ")");
    }
  }

  /** Refuses a number of {@code digits} digits that {@code function} is about to build. */
  static void digits(long digits, String function) {
    if (digits > MAX_DIGITS) {
      throw new EvalFailure(
          "result too large: "
              + function
              + " would build a number of "
              + digits
              + " digits (at most "
              + MAX_DIGITS
              + ")");
    }
  }

  /** {@code n}, after checking that {@code function} did not build a number of too many digits. */
  static Number number(Number n, String function) {
    BigInteger magnitude =
        n instanceof BigInteger i ? i : n instanceof BigDecimal d ? d.unscaledValue() : null;
    if (magnitude != null && magnitude.bitLength() > MAX_BITS) {
      digits(new BigDecimal(magnitude).precision(), function);
    }
    return n;
  }

  /** {@code result}, after checking that {@code function} did not build too large a value. */
  static Object checked(Object result, String function) {
    if (result instanceof String s) {
      text(s.length(), function);
    } else if (result instanceof List<?> l) {
      elements(l.size(), function);
    } else if (result instanceof Map<?, ?> m) {
      elements(m.size(), function);
    }
    return result;
  }

  /** {@link Values#toText}, refusing a text that would be too large before building it. */
  static String toText(Object value, String function) {
    if (value instanceof BigDecimal d) {
      text(plainLength(d), function);
    }
    if (value instanceof List<?> || value instanceof Map<?, ?>) {
      return Json.write(value);
    }
    return Values.toText(value);
  }

  /** {@code text} as quoted in an error message: at most 60 characters. */
  static String quote(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  /** The number of characters of {@code d.toPlainString()}, without building it. */
  static long plainLength(BigDecimal d) {
    long digits = d.precision();
    long scale = d.scale();
    long length = scale <= 0 ? digits - scale : Math.max(digits, scale + 1) + 1;
    return length + (d.signum() < 0 ? 1 : 0);
  }
}
