package dev.pagewalk.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
  private final RawBytes raw = new RawBytes();

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

  /**
   * Writes {@code json}'s bytes as they are, and a line feed: the line {@link #write(Object)}
   * writes for the value they decode to, since they are {@link CanonicalJson canonical}.
   */
  public void write(RawJson json) throws IOException {
    raw.json = json;
    generator.writeRaw(raw);
    raw.json = null;
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

  /**
   * The bytes of a {@link RawJson} as the generator's raw text: copied into its buffer where they
   * fit, else handed over as an array; a generator over characters takes them as a string.
   */
  private static final class RawBytes implements SerializableString {
    RawJson json;

    private int length() {
      return json.to() - json.from();
    }

    @Override
    public String getValue() {
      return new String(json.bytes(), json.from(), length(), StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
      return getValue().length();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return Arrays.copyOfRange(json.bytes(), json.from(), json.to());
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      int length = length();
      if (offset + length > buffer.length) {
        return -1;
      }
      System.arraycopy(json.bytes(), json.from(), buffer, offset, length);
      return length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(json.bytes(), json.from(), length());
      return length();
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      String s = getValue();
      if (offset + s.length() > buffer.length) {
        return -1;
      }
      s.getChars(0, s.length(), buffer, offset);
      return s.length();
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      int length = length();
      if (length > buffer.remaining()) {
        return -1;
      }
      buffer.put(json.bytes(), json.from(), length);
      return length;
    }

    // quoted forms: never asked of raw text
    @Override
    public char[] asQuotedChars() {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] asQuotedUTF8() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
      throw new UnsupportedOperationException();
    }
  }
}
