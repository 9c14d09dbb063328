package dev.pagewalk.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Number built-ins. Rounding functions return integers; {@code min}, {@code max}, {@code sum} and
 * {@code average} take one list or several numbers and skip nulls. {@code formatNumber} uses Make's
 * defaults: ',' as decimal separator and '.' for thousands.
 */
final class NumberFunctions {
  private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /** Digits that parseNumber reads; BigInteger parsing is not linear beyond. */
  static final int MAX_DIGITS = 1000;

  private NumberFunctions() {}

  static Number number(Object value, String function) {
    if (value instanceof Number n) {
      return Numbers.normalize(n);
    }
    throw new EvalFailure(function + " expects a number, got " + Values.typeName(value));
  }

  static Object abs(Object value) {
    Number n = number(value, "abs");
    return Numbers.compare(n, 0L) < 0 ? Numbers.negate(n) : n;
  }

  static Object ceil(Object value) {
    return integral(number(value, "ceil"), RoundingMode.CEILING, "ceil");
  }

  static Object floor(Object value) {
    return integral(number(value, "floor"), RoundingMode.FLOOR, "floor");
  }

  static Object round(Object value) {
    return integral(number(value, "round"), RoundingMode.HALF_UP, "round");
  }

  static Object trunc(Object value) {
    return integral(number(value, "trunc"), RoundingMode.DOWN, "trunc");
  }

  private static Number integral(Number n, RoundingMode mode, String function) {
    if (Values.isIntegral(n)) {
      return n;
    }
    BigDecimal d = Numbers.decimal(n);
    ValueLimits.digits(d.precision() - (long) d.scale(), function);
    return Numbers.normalize(d.setScale(0, mode).toBigIntegerExact());
  }

  private static List<Number> numbers(Object args, String function) {
    List<?> a = (List<?>) args;
    List<?> items = a.size() == 1 && a.get(0) instanceof List<?> l ? l : a;
    List<Number> out = new ArrayList<>();
    for (Object x : items) {
      if (x != null) {
        out.add(number(x, function));
      }
    }
    return out;
  }

  static Object min(Object args) {
    return numbers(args, "min").stream().min(Numbers::compare).orElse(null);
  }

  static Object max(Object args) {
    return numbers(args, "max").stream().max(Numbers::compare).orElse(null);
  }

  static Object sum(Object args) {
    Number total = 0L;
    for (Number n : numbers(args, "sum")) {
      Number sum = total;
      total = Ops.arithmetic("add", () -> Numbers.add(sum, n));
    }
    return total;
  }

  static Object average(Object args) {
    List<Number> items = numbers(args, "average");
    return items.isEmpty() ? null : Numbers.divide((Number) sum(args), (long) items.size());
  }

  static Object parseNumber(Object value, Object decimalSeparator) {
    if (value instanceof Number n) {
      return Numbers.normalize(n);
    }
    String text = Text.text(value, "parseNumber");
    if (text == null) {
      return null;
    }
    String sep =
        decimalSeparator == null ? "." : ValueLimits.toText(decimalSeparator, "parseNumber");
    String plain = text.strip().replace(" ", "").replace("\u00a0", "");
    plain = sep.equals(",") ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
    if (!PLAIN.matcher(plain).matches()) {
      throw new EvalFailure("cannot parse '" + ValueLimits.quote(text) + "' as a number");
    }
    if (plain.length() > MAX_DIGITS + 2) {
      throw new EvalFailure(
          "cannot parse '"
              + ValueLimits.quote(text)
              + "' as a number: more than "
              + MAX_DIGITS
              + " digits");
    }
    return plain.contains(".") ? new BigDecimal(plain) : Numbers.normalize(new BigInteger(plain));
  }

  static Object formatNumber(
      Object value, Object places, Object decimalSeparator, Object thousandsSeparator) {
    BigDecimal d = Numbers.decimal(number(value, "formatNumber"));
    Number p = number(places, "formatNumber");
    int scale = Numbers.compare(p, 20L) > 0 ? 20 : Numbers.compare(p, 0L) < 0 ? 0 : p.intValue();
    String decimal =
        decimalSeparator == null ? "," : ValueLimits.toText(decimalSeparator, "formatNumber");
    String thousands =
        thousandsSeparator == null ? "." : ValueLimits.toText(thousandsSeparator, "formatNumber");
    ValueLimits.text(ValueLimits.plainLength(d) + scale, "formatNumber");
    BigDecimal rounded = d.setScale(scale, RoundingMode.HALF_UP);
    long digits = Math.max(1, rounded.precision() - (long) rounded.scale());
    ValueLimits.text(
        ValueLimits.plainLength(rounded) + (digits - 1) / 3 * thousands.length() + decimal.length(),
        "formatNumber");
    String plain = rounded.abs().toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(thousands);
      }
      out.append(whole.charAt(i));
    }
    if (dot >= 0) {
      out.append(decimal).append(plain.substring(dot + 1));
    }
    return (rounded.signum() < 0 ? "-" : "") + out;
  }
}
