package dev.pagewalk.kafka;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Record values as the types Connect's schemaless converters accept: maps with text keys, lists,
 * text, booleans, and numbers as {@code Long} or {@code Double}. A number neither holds exactly (a
 * large integer, a decimal with more digits than a double) becomes its text, so no digit is lost.
 */
final class ConnectValues {
  private ConnectValues() {}

  static Object plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(plain(v)));
      return out;
    }
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return Double.valueOf(f.toString());
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : big.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal(decimal);
    }
    return value.toString();
  }

  private static Object decimal(BigDecimal decimal) {
    BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
      return stripped.longValueExact();
    }
    double d = decimal.doubleValue();
    if (Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(decimal) == 0) {
      return d;
    }
    return decimal.toPlainString();
  }
}
