package dev.pagewalk.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes pagewalk's plain data (Map, List, String, Long, BigInteger, BigDecimal, Boolean, null)
 * with direct generator calls, skipping ObjectWriter's per-value serializer lookup. Not used by
 * the comparison (both sides use an ObjectWriter); it measures what a JSON Lines sink shipped
 * with pagewalk could save.
 */
final class PlainJsonWriter {
  private PlainJsonWriter() {}

  static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else if (v instanceof Integer n) {
      g.writeNumber(n);
    } else if (v instanceof BigDecimal n) {
      g.writeNumber(n);
    } else if (v instanceof BigInteger n) {
      g.writeNumber(n);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else {
      g.writeObject(v);
    }
  }
}
