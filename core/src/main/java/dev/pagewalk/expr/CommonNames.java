package dev.pagewalk.expr;

import java.util.Map;

/**
 * Names other tools (JavaScript, Python, Excel, Make, jq) give to what a built-in here does, so
 * that an unknown function can be answered with ours: {@code toNumber} → {@code parseNumber}.
 */
final class CommonNames {
  private static final Map<String, String> BUILTIN_FOR =
      Map.ofEntries(
          Map.entry("tonumber", "parseNumber"),
          Map.entry("toint", "parseNumber"),
          Map.entry("tointeger", "parseNumber"),
          Map.entry("parseint", "parseNumber"),
          Map.entry("parsefloat", "parseNumber"),
          Map.entry("int", "parseNumber"),
          Map.entry("float", "parseNumber"),
          Map.entry("number", "parseNumber"),
          Map.entry("str", "toString"),
          Map.entry("string", "toString"),
          Map.entry("tostr", "toString"),
          Map.entry("text", "toString"),
          Map.entry("lowercase", "lower"),
          Map.entry("tolowercase", "lower"),
          Map.entry("tolower", "lower"),
          Map.entry("downcase", "lower"),
          Map.entry("uppercase", "upper"),
          Map.entry("touppercase", "upper"),
          Map.entry("toupper", "upper"),
          Map.entry("upcase", "upper"),
          Map.entry("len", "length"),
          Map.entry("size", "length"),
          Map.entry("count", "length"),
          Map.entry("strlen", "length"),
          Map.entry("strip", "trim"),
          Map.entry("substr", "substring"),
          Map.entry("includes", "contains"),
          Map.entry("has", "contains"),
          Map.entry("coalesce", "ifempty"),
          Map.entry("ifnull", "ifempty"),
          Map.entry("default", "ifempty"),
          Map.entry("unique", "distinct"),
          Map.entry("uniq", "distinct"),
          Map.entry("avg", "average"),
          Map.entry("mean", "average"),
          Map.entry("tojson", "createJSON"),
          Map.entry("stringify", "createJSON"),
          Map.entry("fromjson", "parseJSON"),
          Map.entry("jsonparse", "parseJSON"),
          Map.entry("todate", "parseDate"),
          Map.entry("date", "parseDate"),
          Map.entry("dateformat", "formatDate"),
          Map.entry("formatdatetime", "formatDate"),
          Map.entry("urlencode", "encodeURL"),
          Map.entry("encodeuricomponent", "encodeURL"),
          Map.entry("urldecode", "decodeURL"),
          Map.entry("decodeuricomponent", "decodeURL"),
          Map.entry("btoa", "base64"),
          Map.entry("atob", "base64decode"),
          Map.entry("push", "add"),
          Map.entry("append", "add"));

  private CommonNames() {}

  /** Our built-in for another tool's function name (any case), or null. */
  static String builtinFor(String name) {
    return BUILTIN_FOR.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
