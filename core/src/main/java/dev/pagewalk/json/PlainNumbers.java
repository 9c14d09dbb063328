package dev.pagewalk.json;

import java.math.BigDecimal;

/**
 * The bound on decimal numbers that are ever written out in full (plain notation): in record keys
 * ({@code dev.pagewalk.json.RecordKeys}), in JSON Lines output, and on the way in, where the
 * response decoder refuses a larger one. A decimal is small in memory however large its exponent —
 * {@code 1e999999999} is one digit and a scale — but written out in full it is a billion digits,
 * and {@code 1e2147483647} overflows the length computation itself. {@link #MAX_DIGITS} is the
 * longest number text Jackson reads (its {@code maxNumberLength}), and leaves room for every double
 * ({@code 1.7976931348623157e308} is 309 digits, {@code 4.9e-324} about 325).
 */
public final class PlainNumbers {
  /** The most digits a number may have written out in full. */
  public static final int MAX_DIGITS = 1000;

  private PlainNumbers() {}

  /**
   * How many digits {@code d} has written out in full (the leading {@code 0} of {@code 0.5}
   * counted), without writing it.
   */
  public static long plainDigits(BigDecimal d) {
    long precision = d.precision();
    long scale = d.scale();
    if (scale <= 0) {
      return precision - scale;
    }
    return scale >= precision ? scale + 1 : precision;
  }

  /** {@code d} itself, when it has at most {@link #MAX_DIGITS} digits written out in full. */
  public static BigDecimal bounded(BigDecimal d) throws NumberTooLargeException {
    long digits = plainDigits(d);
    if (digits > MAX_DIGITS) {
      throw new NumberTooLargeException(
          "number "
              + d
              + " is too large to write out in full: it has "
              + digits
              + " digits (limit "
              + MAX_DIGITS
              + ")");
    }
    return d;
  }

  /** A number whose plain form is longer than {@link #MAX_DIGITS} digits. */
  public static final class NumberTooLargeException extends IllegalArgumentException {
    NumberTooLargeException(String message) {
      super(message);
    }
  }
}
