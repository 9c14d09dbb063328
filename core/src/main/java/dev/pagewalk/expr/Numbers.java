package dev.pagewalk.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Arithmetic on the language's numbers: Long while it fits, then BigInteger, else BigDecimal. */
final class Numbers {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Numbers() {}

  static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new EvalFailure("not a finite number: " + d);
      }
      return BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(n.longValue());
  }

  static BigInteger integer(Number n) {
    return n instanceof BigInteger i ? i : BigInteger.valueOf(n.longValue());
  }

  static Number normalize(BigInteger i) {
    return i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0 ? (Number) i.longValue() : i;
  }

  static Number normalize(Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (n instanceof Double || n instanceof Float) {
      return decimal(n);
    }
    return n;
  }

  static int compare(Number a, Number b) {
    if (isLong(a) && isLong(b)) {
      return Long.compare(a.longValue(), b.longValue());
    }
    return decimal(a).compareTo(decimal(b));
  }

  static Number add(Number a, Number b) {
    if (isLong(a) && isLong(b)) {
      long x = a.longValue();
      long y = b.longValue();
      long r = x + y;
      if (((x ^ r) & (y ^ r)) >= 0) {
        return r;
      }
    }
    if (Values.isIntegral(a) && Values.isIntegral(b)) {
      return normalize(integer(a).add(integer(b)));
    }
    return decimal(a).add(decimal(b));
  }

  static Number subtract(Number a, Number b) {
    if (isLong(a) && isLong(b)) {
      long x = a.longValue();
      long y = b.longValue();
      long r = x - y;
      if (((x ^ y) & (x ^ r)) >= 0) {
        return r;
      }
    }
    if (Values.isIntegral(a) && Values.isIntegral(b)) {
      return normalize(integer(a).subtract(integer(b)));
    }
    return decimal(a).subtract(decimal(b));
  }

  static Number multiply(Number a, Number b) {
    if (isLong(a) && isLong(b)) {
      long x = a.longValue();
      long y = b.longValue();
      long hi = Math.multiplyHigh(x, y);
      long lo = x * y;
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
        return lo;
      }
    }
    if (Values.isIntegral(a) && Values.isIntegral(b)) {
      return normalize(integer(a).multiply(integer(b)));
    }
    return decimal(a).multiply(decimal(b));
  }

  static Number divide(Number a, Number b) {
    if (decimal(b).signum() == 0) {
      throw new EvalFailure("division by zero");
    }
    if (Values.isIntegral(a) && Values.isIntegral(b)) {
      BigInteger[] qr = integer(a).divideAndRemainder(integer(b));
      if (qr[1].signum() == 0) {
        return normalize(qr[0]);
      }
    }
    return decimal(a).divide(decimal(b), MathContext.DECIMAL64);
  }

  static Number remainder(Number a, Number b) {
    if (decimal(b).signum() == 0) {
      throw new EvalFailure("division by zero");
    }
    if (Values.isIntegral(a) && Values.isIntegral(b)) {
      return normalize(integer(a).remainder(integer(b)));
    }
    return decimal(a).remainder(decimal(b), MathContext.DECIMAL64);
  }

  static Number negate(Number a) {
    if (isLong(a) && a.longValue() != Long.MIN_VALUE) {
      return -a.longValue();
    }
    if (Values.isIntegral(a)) {
      return normalize(integer(a).negate());
    }
    return decimal(a).negate();
  }

  private static boolean isLong(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }
}
