package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * List built-ins. They never change their arguments. {@code slice} counts from 0 like JavaScript
 * and Make's IML (negative from the end, end exclusive). A null list is treated as empty.
 */
final class Lists {
  private Lists() {}

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value, String function) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw new EvalFailure(function + " expects a list, got " + Values.typeName(value));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String function) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new EvalFailure(function + " expects a map, got " + Values.typeName(value));
  }

  static Object first(Object value) {
    List<Object> l = list(value, "first");
    return l.isEmpty() ? null : l.get(0);
  }

  static Object last(Object value) {
    List<Object> l = list(value, "last");
    return l.isEmpty() ? null : l.get(l.size() - 1);
  }

  static Object slice(Object value, Object start, Object end) {
    List<Object> l = list(value, "slice");
    int from = position(start, l.size());
    int to = end == null ? l.size() : position(end, l.size());
    return from >= to ? new ArrayList<>() : new ArrayList<>(l.subList(from, to));
  }

  private static int position(Object value, int size) {
    if (!(value instanceof Number n)) {
      throw new EvalFailure("slice expects a number as position, got " + Values.typeName(value));
    }
    long p = ValueLimits.saturated(n);
    return (int) Math.max(0, Math.min(size, p < 0 ? size + p : p));
  }

  static Object join(Object value, Object separator) {
    List<String> parts = new ArrayList<>();
    String sep = ValueLimits.toText(separator, "join");
    long length = 0;
    for (Object x : list(value, "join")) {
      String part = ValueLimits.toText(x, "join");
      length += part.length() + (parts.isEmpty() ? 0 : sep.length());
      ValueLimits.text(length, "join");
      parts.add(part);
    }
    return String.join(sep, parts);
  }

  static Object map(Object value, Object path) {
    PathExpr p = PathExpr.of(path);
    List<Object> out = new ArrayList<>();
    list(value, "map").forEach(x -> out.add(p.apply(x)));
    return out;
  }

  static Object flatten(Object value) {
    List<Object> items = list(value, "flatten");
    long count = 0;
    for (Object x : items) {
      count += x instanceof List<?> l ? l.size() : 1;
    }
    ValueLimits.elements(count, "flatten");
    List<Object> out = new ArrayList<>();
    for (Object x : items) {
      if (x instanceof List<?> l) {
        out.addAll(l);
      } else {
        out.add(x);
      }
    }
    return out;
  }

  static Object distinct(Object value, Object path) {
    PathExpr p = path == null ? null : PathExpr.of(path);
    List<Object> out = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (Object x : list(value, "distinct")) {
      if (seen.add(EqualityKey.of(p == null ? x : p.apply(x)))) {
        out.add(x);
      }
    }
    return out;
  }

  static Object sort(Object value, Object order, Object path) {
    String o = order == null ? "asc" : ValueLimits.toText(order, "sort");
    if (!o.equals("asc") && !o.equals("desc")) {
      throw new EvalFailure("sort order must be 'asc' or 'desc', not '" + o + "'");
    }
    PathExpr p = path == null ? null : PathExpr.of(path);
    Comparator<Object> byKey =
        Comparator.comparing(x -> p == null ? x : p.apply(x), Lists::compare);
    List<Object> out = new ArrayList<>(list(value, "sort"));
    out.sort(o.equals("asc") ? byKey : byKey.reversed());
    return out;
  }

  private static int compare(Object a, Object b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (a instanceof Number x) {
      return Numbers.compare(x, (Number) b);
    }
    if (a instanceof String x) {
      return x.compareTo((String) b);
    }
    if (a instanceof Boolean x) {
      return x.compareTo((Boolean) b);
    }
    return 0;
  }

  private static int rank(Object v) {
    return v instanceof Number
        ? 0
        : v instanceof String ? 1 : v instanceof Boolean ? 2 : v == null ? 4 : 3;
  }

  static Object reverse(Object value) {
    List<Object> out = new ArrayList<>(list(value, "reverse"));
    Collections.reverse(out);
    return out;
  }

  static Object keys(Object value) {
    return new ArrayList<Object>(map(value, "keys").keySet());
  }

  static Object merge(Object args) {
    List<Object> a = list(args, "merge");
    long count = 0;
    for (Object x : a) {
      count += x instanceof List<?> l ? l.size() : x instanceof Map<?, ?> m ? m.size() : 0;
    }
    ValueLimits.elements(count, "merge");
    if (a.stream().allMatch(x -> x == null || x instanceof Map<?, ?>)) {
      Map<String, Object> out = new LinkedHashMap<>();
      a.forEach(x -> out.putAll(map(x, "merge")));
      return out;
    }
    List<Object> out = new ArrayList<>();
    a.forEach(x -> out.addAll(list(x, "merge")));
    return out;
  }

  static Object add(Object args) {
    List<Object> a = list(args, "add");
    ValueLimits.elements((long) list(a.get(0), "add").size() + a.size() - 1, "add");
    List<Object> out = new ArrayList<>(list(a.get(0), "add"));
    out.addAll(a.subList(1, a.size()));
    return out;
  }

  static Object remove(Object args) {
    List<Object> a = list(args, "remove");
    Set<Object> drop = new HashSet<>();
    a.subList(1, a.size()).forEach(d -> drop.add(EqualityKey.of(d)));
    List<Object> out = new ArrayList<>();
    for (Object x : list(a.get(0), "remove")) {
      if (!drop.contains(EqualityKey.of(x))) {
        out.add(x);
      }
    }
    return out;
  }

  static Object toArray(Object value) {
    if (value instanceof List<?> l) {
      return new ArrayList<Object>(l);
    }
    List<Object> out = new ArrayList<>();
    map(value, "toArray")
        .forEach(
            (k, v) -> {
              Map<String, Object> pair = new LinkedHashMap<>();
              pair.put("key", k);
              pair.put("value", v);
              out.add(pair);
            });
    return out;
  }
}
