package dev.pagewalk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON tree into plain Java data (Map, List, String, Long/BigInteger, BigDecimal, Boolean).
 */
final class PlainValues {
  private PlainValues() {}

  static Object of(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), of(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(of(item)));
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.asText();
  }
}
