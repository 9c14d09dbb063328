package dev.pagewalk.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes records' values as JSON Lines, one compact value per line, through one generator for the
 * whole output. pagewalk's values are plain data (maps, lists, text, numbers, booleans, null),
 * written here with direct generator calls: no serializer is looked up per value, as {@code
 * ObjectMapper.writeValue} does. A map key is written as its text; any other value is handed to
 * Jackson's databind. The bytes are those {@code ObjectMapper.writeValue} writes for the same
 * values, with BigDecimals written plain ({@code 1E+3} as {@code 1000}); a decimal too large to
 * write out in full ({@link PlainNumbers}) fails the write with an IOException naming it, and the
 * line it was on is left unfinished, as with any failed write. The stream is not closed by {@link
 * #close}, only flushed.
 */
public final class JsonLinesWriter implements Flushable, Closeable {
  private static final ObjectMapper MAPPER =
      JsonConfig.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .build();

  private final JsonGenerator generator;

  /**
   * A writer over {@code out}; the generator buffers a few KB, so a larger buffer underneath saves
   * system calls.
   */
  public JsonLinesWriter(OutputStream out) throws IOException {
    this(MAPPER.getFactory().createGenerator(out));
  }

  /** A writer over the characters of {@code out} (the command line's standard output). */
  public JsonLinesWriter(Writer out) throws IOException {
    this(MAPPER.getFactory().createGenerator(out));
  }

  private JsonLinesWriter(JsonGenerator generator) {
    this.generator = generator;
    generator.setRootValueSeparator(null); // lines are separated by the line feed alone
  }

  /** Writes {@code value} and a line feed. */
  public void write(Object value) throws IOException {
    value(value);
    generator.writeRaw('\n');
  }

  private void value(Object v) throws IOException {
    if (v == null) {
      generator.writeNull();
    } else if (v instanceof String s) {
      generator.writeString(s);
    } else if (v instanceof Map<?, ?> m) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object k = e.getKey();
        generator.writeFieldName(k instanceof String s ? s : String.valueOf(k));
        value(e.getValue());
      }
      generator.writeEndObject();
    } else if (v instanceof List<?> l) {
      generator.writeStartArray();
      for (Object o : l) {
        value(o);
      }
      generator.writeEndArray();
    } else if (v instanceof Long || v instanceof Integer) {
      generator.writeNumber(((Number) v).longValue());
    } else if (v instanceof BigDecimal n) {
      generator.writeNumber(bounded(n));
    } else if (v instanceof BigInteger n) {
      generator.writeNumber(n);
    } else if (v instanceof Boolean b) {
      generator.writeBoolean(b);
    } else if (v instanceof Double d) {
      generator.writeNumber(d);
    } else {
      MAPPER.writeValue(generator, v);
    }
  }

  /**
   * {@code n}, or a write failure when it is too large to write out in full (see {@link
   * PlainNumbers}).
   */
  private static BigDecimal bounded(BigDecimal n) throws IOException {
    try {
      return PlainNumbers.bounded(n);
    } catch (PlainNumbers.NumberTooLargeException e) {
      throw new IOException("cannot write a record as JSON: " + e.getMessage(), e);
    }
  }

  /** Writes out everything buffered, down to the stream (which is flushed too). */
  @Override
  public void flush() throws IOException {
    generator.flush();
  }

  @Override
  public void close() throws IOException {
    generator.close();
  }
}
