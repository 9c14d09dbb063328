package dev.pagewalk.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from a streaming parser into plain data in a single pass: LinkedHashMap,
 * ArrayList, String, Long (BigInteger when larger), BigDecimal, Boolean, null. The parser's
 * stream constraints (nesting depth, string length) still apply.
 */
final class PlainJson {
  private PlainJson() {}

  static Object read(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      return null;
    }
    Object value = value(p, t);
    if (p.nextToken() != null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p,
          "Trailing token (of type " + p.currentToken() + ") found after value");
    }
    return value;
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
          map.put(name, value(p, p.nextToken()));
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
          throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + p.currentToken());
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
          if (next == null) {
            throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "Unexpected end-of-input in array");
          }
          list.add(value(p, next));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + t);
    }
  }
}
