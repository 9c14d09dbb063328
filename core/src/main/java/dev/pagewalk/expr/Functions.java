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
    add("get", 2, 2, (Fn.F2) General::get, 1);
    add("if", 3, 3, null, -1);
    add("ifempty", 2, 2, (Fn.F2) General::ifempty, -1);
    add("switch", 3, Builtin.VARARGS, (Fn.F1) General::switchCase, -1);
    add("omit", 2, Builtin.VARARGS, (Fn.F1) General::omit, -1);
    add("pick", 2, Builtin.VARARGS, (Fn.F1) General::pick, -1);

    add("length", 1, 1, (Fn.F1) Text::length, -1);
    add("lower", 1, 1, (Fn.F1) Text::lower, -1);
    add("upper", 1, 1, (Fn.F1) Text::upper, -1);
    add("trim", 1, 1, (Fn.F1) Text::trim, -1);
    add("capitalize", 1, 1, (Fn.F1) Text::capitalize, -1);
    add("startcase", 1, 1, (Fn.F1) Text::startcase, -1);
    add("replace", 3, 3, (Fn.F3) Text::replace, -1);
    add("substring", 2, 3, (Fn.F3) Text::substring, -1);
    add("indexOf", 2, 3, (Fn.F3) Text::indexOf, -1);
    add("split", 2, 2, (Fn.F2) Text::split, -1);
    add("contains", 2, 2, (Fn.F2) Text::contains, -1);
    add("encodeURL", 1, 1, (Fn.F1) Text::encodeUrl, -1);
    add("decodeURL", 1, 1, (Fn.F1) Text::decodeUrl, -1);
    add("escapeHTML", 1, 1, (Fn.F1) Text::escapeHtml, -1);
    add("stripHTML", 1, 1, (Fn.F1) Text::stripHtml, -1);
    add("toString", 1, 1, (Fn.F1) v -> ValueLimits.toText(v, "toString"), -1);
    add("md5", 1, 1, (Fn.F1) v -> Digests.hex("MD5", v), -1);
    add("sha1", 1, 1, (Fn.F1) v -> Digests.hex("SHA-1", v), -1);
    add("sha256", 1, 1, (Fn.F1) v -> Digests.hex("SHA-256", v), -1);
    add("sha512", 1, 1, (Fn.F1) v -> Digests.hex("SHA-512", v), -1);
    add("base64", 1, 1, (Fn.F1) Digests::base64, -1);
    add("base64decode", 1, 1, (Fn.F1) Digests::base64decode, -1);

    add("first", 1, 1, (Fn.F1) Lists::first, -1);
    add("last", 1, 1, (Fn.F1) Lists::last, -1);
    add("slice", 2, 3, (Fn.F3) Lists::slice, -1);
    add("join", 2, 2, (Fn.F2) Lists::join, -1);
    add("map", 2, 2, (Fn.F2) Lists::map, 1);
    add("flatten", 1, 1, (Fn.F1) Lists::flatten, -1);
    add("distinct", 1, 2, (Fn.F2) Lists::distinct, 1);
    add("sort", 1, 3, (Fn.F3) Lists::sort, 2);
    add("reverse", 1, 1, (Fn.F1) Lists::reverse, -1);
    add("keys", 1, 1, (Fn.F1) Lists::keys, -1);
    add("merge", 1, Builtin.VARARGS, (Fn.F1) Lists::merge, -1);
    add("add", 2, Builtin.VARARGS, (Fn.F1) Lists::add, -1);
    add("remove", 2, Builtin.VARARGS, (Fn.F1) Lists::remove, -1);
    add("toArray", 1, 1, (Fn.F1) Lists::toArray, -1);

    add("abs", 1, 1, (Fn.F1) NumberFunctions::abs, -1);
    add("ceil", 1, 1, (Fn.F1) NumberFunctions::ceil, -1);
    add("floor", 1, 1, (Fn.F1) NumberFunctions::floor, -1);
    add("round", 1, 1, (Fn.F1) NumberFunctions::round, -1);
    add("trunc", 1, 1, (Fn.F1) NumberFunctions::trunc, -1);
    add("min", 1, Builtin.VARARGS, (Fn.F1) NumberFunctions::min, -1);
    add("max", 1, Builtin.VARARGS, (Fn.F1) NumberFunctions::max, -1);
    add("sum", 1, Builtin.VARARGS, (Fn.F1) NumberFunctions::sum, -1);
    add("average", 1, Builtin.VARARGS, (Fn.F1) NumberFunctions::average, -1);
    add("parseNumber", 1, 2, (Fn.F2) NumberFunctions::parseNumber, -1);
    add("formatNumber", 2, 4, (Fn.F4) NumberFunctions::formatNumber, -1);

    add("formatDate", 2, 3, (Fn.F3) Dates::formatDate, -1);
    add("parseDate", 1, 3, (Fn.F3) Dates::parseDate, -1);
    add(
        "addSeconds",
        2,
        2,
        (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.SECONDS),
        -1);
    add(
        "addMinutes",
        2,
        2,
        (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.MINUTES),
        -1);
    add(
        "addHours",
        2,
        2,
        (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.HOURS),
        -1);
    add("addDays", 2, 2, (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.DAYS), -1);
    add(
        "addMonths",
        2,
        2,
        (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.MONTHS),
        -1);
    add(
        "addYears",
        2,
        2,
        (Fn.F2) (d, n) -> Dates.add(d, n, java.time.temporal.ChronoUnit.YEARS),
        -1);

    add("createJSON", 1, 1, (Fn.F1) Json::write, -1);
    add("parseJSON", 1, 1, (Fn.F1) JsonFunctions::parseJson, -1);
    ALL.put(
        "jsonpath",
        new Builtin(
            "jsonpath", 2, 2, checked("jsonpath", (Fn.F2) JsonFunctions::jsonpath), -1, true));
    add("basicAuth", 2, 2, (Fn.F2) Digests::basicAuth, -1);
    add("hash", 1, Builtin.VARARGS, (Fn.F1) Digests::hash, -1);
  }

  private Functions() {}

  private static void add(String name, int min, int max, Object fn, int pathArg) {
    ALL.put(name, new Builtin(name, min, max, checked(name, fn), pathArg, false));
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
