package dev.pagewalk.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Number built-ins. Rounding functions return integers; {@code min}, {@code max}, {@code sum}
 * and {@code average} take one list or several numbers and skip nulls. {@code formatNumber}
 * uses Make's defaults: ',' as decimal separator and '.' for thousands.
 */
final class NumberFunctions {
  private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

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
    return integral(number(value, "ceil"), RoundingMode.CEILING);
  }

  static Object floor(Object value) {
    return integral(number(value, "floor"), RoundingMode.FLOOR);
  }

  static Object round(Object value) {
    return integral(number(value, "round"), RoundingMode.HALF_UP);
  }

  static Object trunc(Object value) {
    return integral(number(value, "trunc"), RoundingMode.DOWN);
  }

  private static Number integral(Number n, RoundingMode mode) {
    if (Values.isIntegral(n)) {
      return n;
    }
    BigInteger i = Numbers.decimal(n).setScale(0, mode).toBigIntegerExact();
    return Numbers.normalize(i);
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
      total = Numbers.add(total, n);
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
    String sep = decimalSeparator == null ? "." : Values.toText(decimalSeparator);
    String plain = text.strip().replace(" ", "").replace("\u00a0", "");
    plain = sep.equals(",") ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
    if (!PLAIN.matcher(plain).matches()) {
      throw new EvalFailure("cannot parse '" + text + "' as a number");
    }
    return plain.contains(".") ? new BigDecimal(plain) : Numbers.normalize(new BigInteger(plain));
  }

  static Object formatNumber(Object value, Object places, Object decimalSeparator, Object thousandsSeparator) {
    BigDecimal d = Numbers.decimal(number(value, "formatNumber"));
    int scale = (int) Math.max(0, Math.min(20, number(places, "formatNumber").longValue()));
    String decimal = decimalSeparator == null ? "," : Values.toText(decimalSeparator);
    String thousands = thousandsSeparator == null ? "." : Values.toText(thousandsSeparator);
    String plain = d.setScale(scale, RoundingMode.HALF_UP).abs().toPlainString();
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
    return (d.setScale(scale, RoundingMode.HALF_UP).signum() < 0 ? "-" : "") + out;
  }
}
