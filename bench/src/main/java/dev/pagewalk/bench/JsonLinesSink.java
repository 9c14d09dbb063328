package dev.pagewalk.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.json.JsonLinesWriter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * JSON Lines output for both sides, over one 64 KiB buffer, one value per line: the baseline writes
 * with Jackson's ObjectWriter ({@link #write}), pagewalk with its own JSON Lines writer ({@link
 * #writePagewalk}). The bytes go to a counting null stream (optionally checksummed, to prove both
 * sides wrote the same output) or to a file.
 */
final class JsonLinesSink implements Closeable {
  private static final ObjectWriter WRITER =
      JsonConfig.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private final Counting counting;
  private final OutputStream buffered;
  private JsonGenerator generator;
  private JsonLinesWriter writer;
  private long records;

  private JsonLinesSink(OutputStream target, boolean checksum) {
    this.counting = new Counting(target, checksum);
    this.buffered = new BufferedOutputStream(counting, 1 << 16);
  }

  /** Counts (and optionally checksums) the bytes, then drops them. */
  static JsonLinesSink discarding(boolean checksum) {
    return new JsonLinesSink(OutputStream.nullOutputStream(), checksum);
  }

  static JsonLinesSink toFile(Path file, boolean checksum) throws IOException {
    return new JsonLinesSink(Files.newOutputStream(file), checksum);
  }

  /** Writes one record as one line with Jackson's ObjectWriter, as the hand-written loop does. */
  void write(Object value) {
    try {
      if (generator == null) {
        generator = WRITER.createGenerator(buffered);
        generator.setRootValueSeparator(null); // one value per line, no space before the next
      }
      WRITER.writeValue(generator, value);
      generator.writeRaw('\n');
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one record's value as one line with pagewalk's {@link JsonLinesWriter}, the writer
   * behind its JSON Lines sink: the same bytes as {@link #write} for the same values.
   */
  void writePagewalk(Object value) {
    try {
      if (writer == null) {
        writer = new JsonLinesWriter(buffered);
      }
      writer.write(value);
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one record's JSON as sent, copied by pagewalk's {@link JsonLinesWriter} as its JSON
   * Lines sink copies it: the line {@link #writePagewalk} writes for the value it decodes to.
   */
  void writePagewalk(dev.pagewalk.json.RawJson json) {
    try {
      if (writer == null) {
        writer = new JsonLinesWriter(buffered);
      }
      writer.write(json);
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long records() {
    return records;
  }

  /** Bytes written so far (exact after {@link #close()}). */
  long bytes() {
    return counting.count;
  }

  /** CRC32 of the output (after {@link #close()}), or -1 when not checksummed. */
  long checksum() {
    return counting.crc == null ? -1 : counting.crc.getValue();
  }

  @Override
  public void close() {
    try {
      if (generator != null) {
        generator.close();
      }
      if (writer != null) {
        writer.close();
      }
      buffered.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Counting extends OutputStream {
    private final OutputStream target;
    private final CRC32 crc;
    private long count;

    Counting(OutputStream target, boolean checksum) {
      this.target = target;
      this.crc = checksum ? new CRC32() : null;
    }

    @Override
    public void write(int b) throws IOException {
      count++;
      if (crc != null) {
        crc.update(b);
      }
      target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count += len;
      if (crc != null) {
        crc.update(b, off, len);
      }
      target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }

    @Override
    public void close() throws IOException {
      target.close();
    }
  }
}
