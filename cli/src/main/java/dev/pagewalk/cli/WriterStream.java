package dev.pagewalk.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes (UTF-8) to a {@link PrintWriter}, line by line, for APIs that print to a {@code
 * PrintStream}: lets {@code pagewalk test} write through picocli's (capturable) writer. A line is
 * passed on at each {@code '\n'}, which never occurs inside a multi-byte UTF-8 character.
 */
final class WriterStream extends OutputStream {
  private final PrintWriter out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  WriterStream(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(int b) {
    line.write(b);
    if (b == '\n') {
      pass();
      out.flush();
    }
  }

  @Override
  public void flush() {
    pass();
    out.flush();
  }

  @Override
  public void close() {
    flush();
  }

  private void pass() {
    if (line.size() > 0) {
      out.write(line.toString(StandardCharsets.UTF_8));
      line.reset();
    }
  }
}
