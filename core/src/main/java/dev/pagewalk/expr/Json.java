package dev.pagewalk.expr;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.json.JsonConfig;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Jackson set up for plain data ({@link JsonConfig}), with Long for integers. */
final class Json {
  static final ObjectMapper MAPPER =
      JsonConfig.builder()
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private static final ObjectMapper BIG_INTEGERS =
      MAPPER
          .copy()
          .disable(DeserializationFeature.USE_LONG_FOR_INTS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private Json() {}

  /** Compact JSON; refuses (before building it) a text beyond {@link ValueLimits#MAX_TEXT}. */
  static String write(Object value) {
    BoundedWriter out = new BoundedWriter();
    try {
      MAPPER.writeValue(out, value);
      return out.toString();
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof EvalFailure f) {
          throw f;
        }
      }
      String reason =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new EvalFailure(
          "cannot write JSON: "
              + (String.valueOf(reason).contains("BigDecimal")
                  ? "a number is too large to write out in full"
                  : reason));
    }
  }

  /**
   * Compact JSON without the expression limit, for the engine's text form of values it holds
   * already (query values, headers); expressions use {@link #write}.
   */
  static String writeUnbounded(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new EvalFailure("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  /** A text buffer that stops the writer once the text would pass the limit. */
  private static final class BoundedWriter extends Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void write(char[] chars, int offset, int length) {
      reserve(length);
      text.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
      reserve(length);
      text.append(s, offset, offset + length);
    }

    private void reserve(int length) {
      if ((long) text.length() + length > ValueLimits.MAX_TEXT) {
        throw ValueLimits.textPastLimit("the JSON text");
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /**
   * Plain data from JSON text; integers beyond Long are BigIntegers. A failure says what is wrong
   * and where, in words rather than the parser's.
   */
  static Object parse(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (InputCoercionException e) {
      return parseWithBigIntegers(text);
    } catch (JsonProcessingException e) {
      throw cannotParse(e);
    }
  }

  private static Object parseWithBigIntegers(String text) {
    try {
      return longsWhereTheyFit(BIG_INTEGERS.readValue(text, Object.class));
    } catch (JsonProcessingException e) {
      throw cannotParse(e);
    }
  }

  private static Object longsWhereTheyFit(Object value) {
    if (value instanceof BigInteger i) {
      return Numbers.normalize(i);
    }
    if (value instanceof List<?> l) {
      return new ArrayList<>(l.stream().map(Json::longsWhereTheyFit).toList());
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, longsWhereTheyFit(v)));
      return out;
    }
    return value;
  }

  private static EvalFailure cannotParse(JsonProcessingException e) {
    String reason =
        e.getOriginalMessage()
            .replaceAll("\\s*\\(start marker at .*", "")
            .replaceAll("\\s*\\(for .*", "");
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new EvalFailure("cannot parse JSON" + where + ": " + reason);
  }

  /** Canonical JSON: keys sorted, numbers without trailing zeros, no whitespace. */
  static String canonical(Object value) {
    return write(canonicalData(value));
  }

  private static Object canonicalData(Object value) {
    if (value instanceof Number n) {
      BigDecimal d = Numbers.decimal(n).stripTrailingZeros();
      ValueLimits.text(ValueLimits.plainLength(d), "hash");
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
