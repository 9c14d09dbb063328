package dev.pagewalk.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pagewalk.files.IoErrors;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.sink.RecordSink.HeldRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads records of a JSON Lines file back, for a resumed walk that starts over ({@link
 * HeldRecords}): the lines of a byte range, one at a time, so that memory holds one line, never the
 * file.
 */
final class LinesReadBack {
  private static final int BLOCK = 1 << 16;

  private LinesReadBack() {}

  /** What to do with each line of a range. */
  private interface LineSink {
    void line(byte[] bytes, int offset, int length) throws IOException;
  }

  /** The number of lines in {@code [from, to)} of {@code file}. */
  static long countLines(Path file, long from, long to) throws IOException {
    long[] n = {0};
    try (FileChannel in = open(file)) {
      scan(in, file, from, to, null, (bytes, offset, length) -> n[0]++);
    }
    return n[0];
  }

  /**
   * Tells {@code held} the records of the lines in {@code [from, to)} of {@code file}, after the
   * first {@code skip} lines.
   *
   * @throws IOException naming the file when it cannot be read or a line is not JSON
   */
  static void read(Path file, long from, long to, long skip, HeldRecords held) throws IOException {
    read(file, List.of(new long[] {from, to}), skip, held);
  }

  /**
   * Tells {@code held} the records of the lines in each {@code [from, to)} of {@code ranges}, in
   * order, after the first {@code skip} lines; each range holds whole lines.
   *
   * @throws IOException naming the file when it cannot be read or a line is not JSON
   */
  static void read(Path file, List<long[]> ranges, long skip, HeldRecords held) throws IOException {
    long[] index = {0};
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    LineSink parse =
        (bytes, offset, length) -> {
          if (index[0]++ < skip) {
            return;
          }
          try {
            held.record(JsonConfig.MAPPER.readValue(bytes, offset, length, Object.class));
          } catch (JsonProcessingException e) {
            throw new IOException(
                "cannot read back "
                    + file
                    + ": a record is not JSON ("
                    + e.getOriginalMessage()
                    + ")",
                e);
          }
        };
    try (FileChannel in = open(file)) {
      for (long[] range : ranges) {
        scan(in, file, range[0], range[1], line, parse);
      }
    }
  }

  private static FileChannel open(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw IoErrors.failed("read back", file, e);
    }
  }

  /** Calls {@code each} per line of {@code [from, to)}; with {@code line} null, counts only. */
  private static void scan(
      FileChannel in, Path file, long from, long to, ByteArrayOutputStream line, LineSink each)
      throws IOException {
    ByteBuffer block = ByteBuffer.allocate(BLOCK);
    long at = from;
    while (at < to) {
      block.clear().limit((int) Math.min(BLOCK, to - at));
      int n = read(in, block, at, file);
      byte[] bytes = block.array();
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (bytes[i] != '\n') {
          continue;
        }
        if (line == null) {
          each.line(null, 0, 0);
        } else if (line.size() == 0) {
          each.line(bytes, start, i - start);
        } else {
          line.write(bytes, start, i - start);
          each.line(line.toByteArray(), 0, line.size());
          line.reset();
        }
        start = i + 1;
      }
      if (line != null) {
        line.write(bytes, start, n - start);
      }
      at += n;
    }
  }

  private static int read(FileChannel in, ByteBuffer block, long at, Path file) throws IOException {
    int n;
    try {
      n = in.read(block, at);
    } catch (IOException e) {
      throw IoErrors.failed("read back", file, e);
    }
    if (n < 0) {
      throw new IOException("cannot read back " + file + ": it ended at byte " + at);
    }
    return n;
  }
}
