package dev.pagewalk.sink;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a record key, so that keys equal in the language are equal here: {@code
 * 1}, {@code 1.0} and {@code 1.00} are one key; {@code "1"} (text) is another. Sinks store keys
 * in this form, the engine de-duplicates by it and reconciliation compares it.
 */
public final class RecordKeys {
  private RecordKeys() {}

  /** Text in quotes (JSON-escaped), integers plain, decimals without trailing zeros, lists and maps as JSON. */
  public static String canonical(Object key) {
    StringBuilder sb = new StringBuilder(24);
    append(sb, key);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object key) {
    if (key == null) {
      sb.append('~');
    } else if (key instanceof String s) {
      sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else if (key instanceof Long || key instanceof Integer || key instanceof Short) {
      sb.append(((Number) key).longValue());
    } else if (key instanceof BigInteger b) {
      sb.append(b);
    } else if (key instanceof Number n) {
      BigDecimal d = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
      sb.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    } else if (key instanceof Boolean b) {
      sb.append(b);
    } else if (key instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        append(sb, list.get(i));
      }
      sb.append(']');
    } else if (key instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : new TreeMap<String, Object>(castMap(map)).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        append(sb, e.getKey());
        sb.append(':');
        append(sb, e.getValue());
      }
      sb.append('}');
    } else {
      sb.append(key);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
