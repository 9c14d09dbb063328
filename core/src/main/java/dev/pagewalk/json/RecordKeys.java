package dev.pagewalk.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a record key: its canonical JSON, so that keys equal in the language are
 * equal here — {@code 1}, {@code 1.0} and {@code 1.00} are {@code 1}; {@code "1"} (text) keeps its
 * quotes; a composite key is a JSON array; map entries are sorted by name. Sinks store keys in this
 * form, the engine de-duplicates by it and reconciliation compares it. A decimal too large to write
 * out in full ({@link PlainNumbers}: {@code 1e999999999}) has no canonical text: {@link #canonical}
 * throws {@link PlainNumbers.NumberTooLargeException} rather than fill the heap.
 */
public final class RecordKeys {
  private RecordKeys() {}

  /** Canonical JSON text of a key (or any plain value). */
  public static String canonical(Object key) {
    StringBuilder sb = new StringBuilder(24);
    append(sb, key);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof CharSequence s) {
      sb.append('"')
          .append(JsonStringEncoder.getInstance().quoteAsString(s.toString()))
          .append('"');
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      sb.append(((Number) v).longValue());
    } else if (v instanceof BigInteger b) {
      sb.append(b);
    } else if (v instanceof Number n) {
      BigDecimal d = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
      sb.append(
          d.signum() == 0 ? "0" : PlainNumbers.bounded(d.stripTrailingZeros()).toPlainString());
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        append(sb, list.get(i));
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, x) -> sorted.put(String.valueOf(k), x));
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
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
      append(sb, v.toString());
    }
  }
}
