package dev.pagewalk.sinks;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text a database sink stores as a record's key: the canonical JSON of the key, so keys equal
 * in the spec language are one row — {@code 1}, {@code 1.0} and {@code 1.00} are {@code 1};
 * {@code "1"} (text) is {@code "1"} with its quotes; a composite key is a JSON array; map entries
 * are sorted by name. A record without a key is stored under {@code sha256:<hex>} of the
 * canonical JSON of its value, which no JSON key text can equal: identical records are then one
 * row, which is what a resumed run repeating a page needs.
 */
public final class RecordKeys {
  private RecordKeys() {}

  /** The stored key of a record: its key's canonical JSON, or a hash of its value without one. */
  public static String of(Object key, Object value) {
    return key != null ? canonical(key) : contentHash(value);
  }

  /** Canonical JSON text of a key or value. */
  public static String canonical(Object value) {
    StringBuilder sb = new StringBuilder(24);
    append(sb, value);
    return sb.toString();
  }

  /** {@code sha256:<hex>} of the canonical JSON of a value. */
  public static String contentHash(Object value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(canonical(value).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  private static void append(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof CharSequence s) {
      sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s.toString())).append('"');
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      sb.append(((Number) v).longValue());
    } else if (v instanceof BigInteger b) {
      sb.append(b);
    } else if (v instanceof Number n) {
      BigDecimal d = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
      sb.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
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
