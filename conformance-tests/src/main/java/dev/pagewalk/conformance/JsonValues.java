package dev.pagewalk.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.json.JsonConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * JSON values as plain data, compared the way a case means them: objects by their members (key
 * order does not matter), lists in order, numbers by value ({@code 1 == 1.0}), everything else by
 * equality; no coercion between strings and numbers. Stateless and thread-safe.
 */
final class JsonValues {
  private static final ObjectMapper MAPPER = JsonConfig.MAPPER;

  private JsonValues() {}

  /** Parses one JSON text into plain data (Map, List, String, BigDecimal/Integer/Long, Boolean). */
  static Object parse(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, Object.class);
  }

  /** Compact one-line JSON, members in their own order. */
  static String render(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  static boolean same(Object expected, Object actual) {
    return firstDifference(expected, actual) == null;
  }

  /**
   * The JSON path of the first place where the two values differ ({@code $} for the values
   * themselves), or null when they are the same.
   */
  static String firstDifference(Object expected, Object actual) {
    return difference(expected, actual, "$");
  }

  private static String difference(Object e, Object a, String at) {
    if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
      TreeSet<String> keys = new TreeSet<>();
      em.keySet().forEach(k -> keys.add(String.valueOf(k)));
      am.keySet().forEach(k -> keys.add(String.valueOf(k)));
      for (String k : keys) {
        String where = at + member(k);
        if (em.containsKey(k) != am.containsKey(k)) {
          return where;
        }
        String d = difference(em.get(k), am.get(k), where);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (e instanceof List<?> el && a instanceof List<?> al) {
      Iterator<?> ei = el.iterator();
      Iterator<?> ai = al.iterator();
      for (int i = 0; ei.hasNext() || ai.hasNext(); i++) {
        String where = at + "[" + i + "]";
        if (!ei.hasNext() || !ai.hasNext()) {
          return where;
        }
        String d = difference(ei.next(), ai.next(), where);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (e instanceof Number en && a instanceof Number an) {
      return decimal(en).compareTo(decimal(an)) == 0 ? null : at;
    }
    return java.util.Objects.equals(e, a) ? null : at;
  }

  private static String member(String key) {
    return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + key : "['" + key + "']";
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue());
  }

  /** Plain data from SnakeYAML/Jackson with maps copied in order; used to hand values to core. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> plainMap(Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }

  static List<Object> list(Object value) {
    return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }
}
