package dev.pagewalk.engine.start;

import dev.pagewalk.InputException;
import dev.pagewalk.expr.Values;
import dev.pagewalk.plan.ParamDecl;
import dev.pagewalk.plan.ParamType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks run inputs against their declarations and applies defaults, before any request is sent.
 * Text values from a command line ("100", "true") are converted to the declared type.
 */
public final class InputBinder {
  private InputBinder() {}

  public static Map<String, Object> bind(
      String spec, String kind, List<ParamDecl> decls, Map<String, Object> given) {
    Map<String, Object> bound = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Set<String> known = new TreeSet<>();
    for (ParamDecl d : decls) {
      known.add(d.name());
      Object value = given.containsKey(d.name()) ? given.get(d.name()) : d.defaultValue();
      if (value == null) {
        if (d.required()) {
          problems.add(kind + " '" + d.name() + "' is required" + describe(d));
        }
        continue;
      }
      try {
        Object typed = convert(d, value);
        check(d, typed);
        bound.put(d.name(), typed);
      } catch (IllegalArgumentException e) {
        problems.add(kind + " '" + d.name() + "' " + e.getMessage());
      }
    }
    for (String name : given.keySet()) {
      if (!known.contains(name)) {
        problems.add(
            "unknown "
                + kind
                + " '"
                + name
                + "'"
                + (known.isEmpty() ? "" : "; declared: " + known));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(spec + ": " + String.join("; ", problems));
    }
    return bound;
  }

  private static String describe(ParamDecl d) {
    return d.description() == null ? "" : " (" + d.description() + ")";
  }

  private static Object convert(ParamDecl d, Object value) {
    ParamType type = d.type();
    if (value instanceof String s && type != ParamType.STRING) {
      try {
        return switch (type) {
          case INTEGER -> Long.valueOf(s.trim());
          case NUMBER -> new BigDecimal(s.trim());
          case BOOLEAN -> parseBoolean(s);
          default ->
              throw new IllegalArgumentException("must be " + type.withArticle() + ", got text");
        };
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "must be " + type.withArticle() + ", got '" + (d.secret() ? "***" : s) + "'");
      }
    }
    boolean ok =
        switch (type) {
          case STRING -> value instanceof String;
          case INTEGER -> value instanceof Number n && isIntegral(n);
          case NUMBER -> value instanceof Number;
          case BOOLEAN -> value instanceof Boolean;
          case ARRAY -> value instanceof List;
          case OBJECT -> value instanceof Map;
        };
    if (!ok) {
      throw new IllegalArgumentException(
          "must be " + type.withArticle() + ", got " + (d.secret() ? "***" : Values.toText(value)));
    }
    return value instanceof Integer i ? Long.valueOf(i) : value;
  }

  private static Boolean parseBoolean(String s) {
    return switch (s.trim()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new NumberFormatException();
    };
  }

  private static boolean isIntegral(Number n) {
    if (n instanceof BigDecimal b) {
      return b.stripTrailingZeros().scale() <= 0;
    }
    return !(n instanceof Double || n instanceof Float)
        || n.doubleValue() == Math.rint(n.doubleValue());
  }

  private static void check(ParamDecl d, Object value) {
    String shown = d.secret() ? "***" : Values.toText(value);
    if (d.allowed() != null && d.allowed().stream().noneMatch(a -> sameValue(a, value))) {
      throw new IllegalArgumentException("must be one of " + d.allowed() + ", got " + shown);
    }
    if (value instanceof Number n) {
      BigDecimal v = new BigDecimal(n.toString());
      if (d.minimum() != null && v.compareTo(d.minimum()) < 0) {
        throw new IllegalArgumentException(
            "must be at least " + d.minimum().toPlainString() + ", got " + shown);
      }
      if (d.maximum() != null && v.compareTo(d.maximum()) > 0) {
        throw new IllegalArgumentException(
            "must be at most " + d.maximum().toPlainString() + ", got " + shown);
      }
    }
    if (d.pattern() != null && value instanceof String s) {
      Boolean matches = BoundedMatch.matches(d.pattern(), s);
      if (matches == null) {
        throw new IllegalArgumentException(
            "cannot be checked against pattern "
                + d.pattern().pattern()
                + ": matching took more than "
                + BoundedMatch.MAX_READS
                + " steps (the pattern backtracks"
                + " too much; simplify it)");
      }
      if (!matches) {
        throw new IllegalArgumentException(
            "must match " + d.pattern().pattern() + ", got '" + shown + "'");
      }
    }
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return a != null && a.equals(b);
  }
}
