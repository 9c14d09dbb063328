package dev.pagewalk.expr;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** General built-ins: get, ifempty, switch, omit, pick. */
final class General {
  private General() {}

  static Object get(Object value, Object path) {
    return PathExpr.of(path).apply(value);
  }

  static Object ifempty(Object value, Object fallback) {
    boolean empty =
        value == null
            || "".equals(value)
            || value instanceof Collection<?> c && c.isEmpty()
            || value instanceof Map<?, ?> m && m.isEmpty();
    return empty ? fallback : value;
  }

  static Object switchCase(Object args) {
    List<?> a = (List<?>) args;
    Object subject = a.get(0);
    int i = 1;
    for (; i + 1 < a.size(); i += 2) {
      if (Values.equal(subject, a.get(i))) {
        return a.get(i + 1);
      }
    }
    return i < a.size() ? a.get(i) : null;
  }

  static Object omit(Object args) {
    List<?> a = (List<?>) args;
    Map<String, Object> out = new LinkedHashMap<>(Lists.map(a.get(0), "omit"));
    out.keySet().removeAll(keys(a));
    return out;
  }

  static Object pick(Object args) {
    List<?> a = (List<?>) args;
    Map<String, Object> source = Lists.map(a.get(0), "pick");
    Map<String, Object> out = new LinkedHashMap<>();
    Set<Object> keys = keys(a);
    source.forEach(
        (k, v) -> {
          if (keys.contains(k)) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static Set<Object> keys(List<?> args) {
    Set<Object> keys = new HashSet<>();
    for (Object k : args.subList(1, args.size())) {
      if (k instanceof List<?> l) {
        l.forEach(x -> keys.add(ValueLimits.toText(x, "a key")));
      } else {
        keys.add(ValueLimits.toText(k, "a key"));
      }
    }
    return keys;
  }
}
