package dev.pagewalk.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * JSON Lines output shared by both sides: one Jackson generator over a 64 KiB buffer, one value
 * per line. The bytes go to a counting null stream (optionally checksummed, to prove both sides
 * wrote the same output) or to a file.
 */
final class JsonLinesSink implements Closeable {
  private static final ObjectWriter WRITER =
      new ObjectMapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private final Counting counting;
  private final JsonGenerator generator;
  private long records;

  private JsonLinesSink(OutputStream target, boolean checksum) throws IOException {
    this.counting = new Counting(target, checksum);
    this.generator = WRITER.createGenerator(new BufferedOutputStream(counting, 1 << 16));
  }

  /** Counts (and optionally checksums) the bytes, then drops them. */
  static JsonLinesSink discarding(boolean checksum) {
    try {
      return new JsonLinesSink(OutputStream.nullOutputStream(), checksum);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonLinesSink toFile(Path file, boolean checksum) throws IOException {
    return new JsonLinesSink(Files.newOutputStream(file), checksum);
  }

  /** Writes one record as one line. Jackson serialises JsonNode trees and plain maps alike. */
  void write(Object value) {
    try {
      WRITER.writeValue(generator, value);
      generator.writeRaw('\n');
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
      generator.close();
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
