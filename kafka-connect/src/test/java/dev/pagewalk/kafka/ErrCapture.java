package dev.pagewalk.kafka;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies what is written to {@code System.err} (where the tests' SLF4J logger writes) while open,
 * passing it on as well, so a test can read the log lines of the workers running in this JVM.
 */
final class ErrCapture implements AutoCloseable {
  private final PrintStream original;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  private ErrCapture(PrintStream original) {
    this.original = original;
  }

  static ErrCapture start() {
    ErrCapture capture = new ErrCapture(System.err);
    System.setErr(
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                capture.original.write(b);
                synchronized (capture.copy) {
                  capture.copy.write(b);
                }
              }

              @Override
              public void write(byte[] b, int off, int len) {
                capture.original.write(b, off, len);
                synchronized (capture.copy) {
                  capture.copy.write(b, off, len);
                }
              }
            },
            true,
            StandardCharsets.UTF_8));
    return capture;
  }

  String text() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
