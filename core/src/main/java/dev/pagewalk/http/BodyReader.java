package dev.pagewalk.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads a (decompressed) response body in full, within the size cap and the deadline. The stream
 * is closed (releasing the connection) only after a complete read; on failure the caller must
 * cancel the exchange first, since closing a partly read stream drains the rest of the body.
 */
final class BodyReader {
  private static final int CHUNK = 8192;

  private BodyReader() {}

  static byte[] read(HttpEntity entity, long maxBytes, DeadlineGuard guard) throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    long declared = entity.getContentLength();
    if (declared > maxBytes) {
      throw tooLarge(maxBytes, " (Content-Length " + declared + ")");
    }
    InputStream in = entity.getContent();
    if (declared > 0 && declared <= Integer.MAX_VALUE - 8) {
      byte[] exact = readExactly(in, (int) declared, maxBytes, guard);
      if (exact != null) {
        in.close();
        return exact;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(
        (int) Math.min(declared > 0 ? declared : CHUNK, Math.min(maxBytes, Integer.MAX_VALUE - 8)));
    byte[] buf = new byte[CHUNK];
    long total = 0;
    int n;
    while ((n = in.read(buf)) != -1) {
      total += n;
      if (total > maxBytes) {
        throw tooLarge(maxBytes, "");
      }
      out.write(buf, 0, n);
      guard.check(total);
    }
    guard.check(total);
    in.close();
    return out.toByteArray();
  }

  /**
   * Reads a body of known length straight into its array (no growing buffer, no final copy).
   * A stream that ends early is a ConnectionClosedException, as HttpClient reports it.
   */
  private static byte[] readExactly(InputStream in, int length, long maxBytes, DeadlineGuard guard)
      throws IOException {
    byte[] body = new byte[length];
    int off = 0;
    while (off < length) {
      int n = in.read(body, off, Math.min(CHUNK * 8, length - off));
      if (n < 0) {
        throw new org.apache.hc.core5.http.ConnectionClosedException(
            "Premature end of Content-Length delimited message body (expected: %d; received: %d)",
            length, off);
      }
      off += n;
      guard.check(off);
    }
    if (in.read() != -1) {
      throw tooLarge(maxBytes, " (more than its Content-Length " + length + ")");
    }
    guard.check(off);
    return body;
  }

  private static ResponseTooLargeException tooLarge(long maxBytes, String detail) {
    return new ResponseTooLargeException("response body exceeds " + maxBytes + " bytes" + detail);
  }
}
