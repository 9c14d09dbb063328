package dev.pagewalk.http;

import dev.pagewalk.spi.BrokenResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A response body stream (already decompressed) that keeps every byte it hands out, within the size
 * cap and the deadline, so a parser can read the body as it arrives while the complete bytes are
 * still there afterwards ({@link #finish}); reading nothing and calling {@link #finish} is a plain
 * whole read. It never closes the stream it reads: the caller closes the transport's response,
 * which aborts the connection unless the body was read to its end. A body of known length goes
 * straight into an array of that size; one that ends early is a truncated body ({@link
 * BrokenResponseException.Kind#TRUNCATED_BODY}), and one longer than declared is too large.
 */
final class CapturingInputStream extends InputStream {
  private static final int CHUNK = 8192;

  private final InputStream in;
  private final int declared;
  private final long maxBytes;
  private final DeadlineGuard guard;
  private byte[] body;
  private int size;
  private boolean ended;
  private IOException failure;

  private CapturingInputStream(InputStream in, int declared, long maxBytes, DeadlineGuard guard) {
    this.in = in;
    this.declared = declared;
    this.maxBytes = maxBytes;
    this.guard = guard;
    this.body = new byte[declared >= 0 ? declared : (int) Math.min(CHUNK, maxBytes)];
  }

  /**
   * The body stream of {@code length} declared bytes (-1: unknown); fails at once when the declared
   * length is over the cap.
   */
  static CapturingInputStream open(
      InputStream body, long length, long maxBytes, DeadlineGuard guard) throws IOException {
    if (length > maxBytes) {
      throw tooLarge(maxBytes, " (Content-Length " + length + ")");
    }
    int declared = length >= 0 && length <= Integer.MAX_VALUE - 8 ? (int) length : -1;
    return new CapturingInputStream(body, declared, maxBytes, guard);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return readAndKeep(b, off, len);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /** The I/O failure this stream threw (the connection, the cap, the deadline), or null. */
  IOException failure() {
    return failure;
  }

  private int readAndKeep(byte[] b, int off, int len) throws IOException {
    if (ended) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int want = declared >= 0 ? Math.min(len, Math.max(declared - size, 0)) : len;
    if (want == 0) {
      end();
      return -1;
    }
    int n = in.read(b, off, want);
    if (n < 0) {
      end();
      return -1;
    }
    keep(b, off, n);
    return n;
  }

  /**
   * Reads what the parser left (trailing whitespace, or everything after a parse failure) and
   * returns the whole body.
   */
  byte[] finish() throws IOException {
    byte[] buf = new byte[CHUNK * 8];
    while (read(buf, 0, buf.length) >= 0) {
      // kept by read
    }
    return size == body.length ? body : Arrays.copyOf(body, size);
  }

  private void keep(byte[] b, int off, int n) throws IOException {
    if ((long) size + n > maxBytes) {
      throw tooLarge(maxBytes, "");
    }
    if (size + n > body.length) {
      body =
          Arrays.copyOf(
              body, (int) Math.min(Math.max(body.length * 2L, size + n), Integer.MAX_VALUE - 8));
    }
    System.arraycopy(b, off, body, size, n);
    size += n;
    guard.check(size);
  }

  private void end() throws IOException {
    if (declared >= 0) {
      if (size < declared) {
        throw new BrokenResponseException(
            BrokenResponseException.Kind.TRUNCATED_BODY,
            String.format(
                "Premature end of Content-Length delimited message body (expected: %d; received: %d)",
                declared, size));
      }
      if (in.read() != -1) {
        throw tooLarge(maxBytes, " (more than its Content-Length " + declared + ")");
      }
    }
    guard.check(size);
    ended = true;
  }

  static ResponseTooLargeException tooLarge(long maxBytes, String detail) {
    return new ResponseTooLargeException("response body exceeds " + maxBytes + " bytes" + detail);
  }
}
