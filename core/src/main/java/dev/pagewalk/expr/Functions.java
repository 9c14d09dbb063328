package dev.pagewalk.expr;

import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of built-in functions, by name. Immutable after class initialisation. Every
 * function's result is checked against {@link ValueLimits}.
 */
final class Functions {
  private static final Map<String, Builtin> ALL = new TreeMap<>();

  static {
    add("get", 2, 2, 1);
    add("if", 3, 3, -1);
    add("ifempty", 2, 2, -1);
    add("switch", 3, Builtin.VARARGS, -1);
    add("omit", 2, Builtin.VARARGS, -1);
    add("pick", 2, Builtin.VARARGS, -1);

    add("length", 1, 1, -1);
    add("lower", 1, 1, -1);
    add("upper", 1, 1, -1);
    add("trim", 1, 1, -1);
    add("capitalize", 1, 1, -1);
    add("startcase", 1, 1, -1);
    add("replace", 3, 3, -1);
    add("substring", 2, 3, -1);
    add("indexOf", 2, 3, -1);
    add("split", 2, 2, -1);
    add("contains", 2, 2, -1);
    add("encodeURL", 1, 1, -1);
    add("decodeURL", 1, 1, -1);
    add("escapeHTML", 1, 1, -1);
    add("stripHTML", 1, 1, -1);
    add("toString", 1, 1, -1);
    add("md5", 1, 1, -1);
    add("sha1", 1, 1, -1);
    add("sha256", 1, 1, -1);
    add("sha512", 1, 1, -1);
    add("base64", 1, 1, -1);
    add("base64decode", 1, 1, -1);

    add("first", 1, 1, -1);
    add("last", 1, 1, -1);
    add("slice", 2, 3, -1);
    add("join", 2, 2, -1);
    add("map", 2, 2, 1);
    add("flatten", 1, 1, -1);
    add("distinct", 1, 2, 1);
    add("sort", 1, 3, 2);
    add("reverse", 1, 1, -1);
    add("keys", 1, 1, -1);
    add("merge", 1, Builtin.VARARGS, -1);
    add("add", 2, Builtin.VARARGS, -1);
    add("remove", 2, Builtin.VARARGS, -1);
    add("toArray", 1, 1, -1);

    add("abs", 1, 1, -1);
    add("ceil", 1, 1, -1);
    add("floor", 1, 1, -1);
    add("round", 1, 1, -1);
    add("trunc", 1, 1, -1);
    add("min", 1, Builtin.VARARGS, -1);
    add("max", 1, Builtin.VARARGS, -1);
    add("sum", 1, Builtin.VARARGS, -1);
    add("average", 1, Builtin.VARARGS, -1);
    add("parseNumber", 1, 2, -1);
    add("formatNumber", 2, 4, -1);

    add("formatDate", 2, 3, -1);
    add("parseDate", 1, 3, -1);
    add("addSeconds", 2, 2, -1);
    add("addMinutes", 2, 2, -1);
    add("addHours", 2, 2, -1);
    add("addDays", 2, 2, -1);
    add("addMonths", 2, 2, -1);
    add("addYears", 2, 2, -1);

    add("createJSON", 1, 1, -1);
    add("parseJSON", 1, 1, -1);
    ALL.put("jsonpath", new Builtin("jsonpath", 2, 2, -1, true));
    add("basicAuth", 2, 2, -1);
    add("hash", 1, Builtin.VARARGS, -1);
  }

  /**
   * The function object of the built-in {@code name}, its result checked against {@link
   * ValueLimits}; null for {@code if}, which is translated inline. One case per function, so that
   * only the functions a spec calls are linked: linking all of them when the class was initialised
   * was 4 % of {@code pagewalk validate}'s start-up.
   */
  static Object implementation(String name) {
    Object fn =
        switch (name) {
          case "get" -> (Fn.F2) General::get;
          case "if" -> null;
          case "ifempty" -> (Fn.F2) General::ifempty;
          case "switch" -> (Fn.F1) General::switchCase;
          case "omit" -> (Fn.F1) General::omit;
          case "pick" -> (Fn.F1) General::pick;
          case "length" -> (Fn.F1) Text::length;
          case "lower" -> (Fn.F1) Text::lower;
          case "upper" -> (Fn.F1) Text::upper;
          case "trim" -> (Fn.F1) Text::trim;
          case "capitalize" -> (Fn.F1) Text::capitalize;
          case "startcase" -> (Fn.F1) Text::startcase;
          case "replace" -> (Fn.F3) Text::replace;
          case "substring" -> (Fn.F3) Text::substring;
          case "indexOf" -> (Fn.F3) Text::indexOf;
          case "split" -> (Fn.F2) Text::split;
          case "contains" -> (Fn.F2) Text::contains;
          case "encodeURL" -> (Fn.F1) Text::encodeUrl;
          case "decodeURL" -> (Fn.F1) Text::decodeUrl;
          case "escapeHTML" -> (Fn.F1) Text::escapeHtml;
          case "stripHTML" -> (Fn.F1) Text::stripHtml;
          case "toString" -> (Fn.F1) v -> ValueLimits.toText(v, "toString");
          case "md5" -> (Fn.F1) v -> Digests.hex("MD5", v);
          case "sha1" -> (Fn.F1) v -> Digests.hex("SHA-1", v);
          case "sha256" -> (Fn.F1) v -> Digests.hex("SHA-256", v);
          case "sha512" -> (Fn.F1) v -> Digests.hex("SHA-512", v);
          case "base64" -> (Fn.F1) Digests::base64;
          case "base64decode" -> (Fn.F1) Digests::base64decode;
          case "first" -> (Fn.F1) Lists::first;
          case "last" -> (Fn.F1) Lists::last;
          case "slice" -> (Fn.F3) Lists::slice;
          case "join" -> (Fn.F2) Lists::join;
          case "map" -> (Fn.F2) Lists::map;
          case "flatten" -> (Fn.F1) Lists::flatten;
          case "distinct" -> (Fn.F2) Lists::distinct;
          case "sort" -> (Fn.F3) Lists::sort;
          case "reverse" -> (Fn.F1) Lists::reverse;
          case "keys" -> (Fn.F1) Lists::keys;
          case "merge" -> (Fn.F1) Lists::merge;
          case "add" -> (Fn.F1) Lists::add;
          case "remove" -> (Fn.F1) Lists::remove;
          case "toArray" -> (Fn.F1) Lists::toArray;
          case "abs" -> (Fn.F1) NumberFunctions::abs;
          case "ceil" -> (Fn.F1) NumberFunctions::ceil;
          case "floor" -> (Fn.F1) NumberFunctions::floor;
          case "round" -> (Fn.F1) NumberFunctions::round;
          case "trunc" -> (Fn.F1) NumberFunctions::trunc;
          case "min" -> (Fn.F1) NumberFunctions::min;
          case "max" -> (Fn.F1) NumberFunctions::max;
          case "sum" -> (Fn.F1) NumberFunctions::sum;
          case "average" -> (Fn.F1) NumberFunctions::average;
          case "parseNumber" -> (Fn.F2) NumberFunctions::parseNumber;
          case "formatNumber" -> (Fn.F4) NumberFunctions::formatNumber;
          case "formatDate" -> (Fn.F3) Dates::formatDate;
          case "parseDate" -> (Fn.F3) Dates::parseDate;
          case "addSeconds" ->
              (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.SECONDS);
          case "addMinutes" ->
              (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.MINUTES);
          case "addHours" -> (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.HOURS);
          case "addDays" -> (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.DAYS);
          case "addMonths" ->
              (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.MONTHS);
          case "addYears" -> (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.YEARS);
          case "createJSON" -> (Fn.F1) Json::write;
          case "parseJSON" -> (Fn.F1) JsonFunctions::parseJson;
          case "jsonpath" -> (Fn.F2) JsonFunctions::jsonpath;
          case "basicAuth" -> (Fn.F2) Digests::basicAuth;
          case "hash" -> (Fn.F1) Digests::hash;
          default -> throw new IllegalArgumentException("no built-in function " + name);
        };
    return checked(name, fn);
  }

  private Functions() {}

  private static void add(String name, int min, int max, int pathArg) {
    ALL.put(name, new Builtin(name, min, max, pathArg, false));
  }

  /** {@code fn}, with its result checked against {@link ValueLimits}. */
  private static Object checked(String name, Object fn) {
    if (fn instanceof Fn.F1 f) {
      return (Fn.F1) a -> ValueLimits.checked(f.apply(a), name);
    }
    if (fn instanceof Fn.F2 f) {
      return (Fn.F2) (a, b) -> ValueLimits.checked(f.apply(a, b), name);
    }
    if (fn instanceof Fn.F3 f) {
      return (Fn.F3) (a, b, c) -> ValueLimits.checked(f.apply(a, b, c), name);
    }
    if (fn instanceof Fn.F4 f) {
      return (Fn.F4) (a, b, c, d) -> ValueLimits.checked(f.apply(a, b, c, d), name);
    }
    return fn;
  }

  static Builtin get(String name) {
    return ALL.get(name);
  }

  static Iterable<String> names() {
    return ALL.keySet();
  }
}
