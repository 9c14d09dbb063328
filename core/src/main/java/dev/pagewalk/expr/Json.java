package dev.pagewalk.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Jackson set up for plain data: Long for integers, BigDecimal for decimals, plain notation. */
final class Json {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_LONG_FOR_INTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new EvalFailure("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  static Object parse(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new EvalFailure("cannot parse JSON: " + e.getOriginalMessage());
    }
  }

  /** Canonical JSON: keys sorted, numbers without trailing zeros, no whitespace. */
  static String canonical(Object value) {
    return write(canonicalData(value));
  }

  private static Object canonicalData(Object value) {
    if (value instanceof Number n) {
      BigDecimal d = Numbers.decimal(n).stripTrailingZeros();
      return d.scale() < 0 ? d.setScale(0) : d;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(Json::canonicalData).toList();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put(String.valueOf(k), canonicalData(v)));
      return sorted;
    }
    return value;
  }

}
