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
    ByteArrayOutputStream out = new ByteArrayOutputStream(
        (int) Math.min(declared > 0 ? declared : CHUNK, Math.min(maxBytes, Integer.MAX_VALUE - 8)));
    byte[] buf = new byte[CHUNK];
    long total = 0;
    InputStream in = entity.getContent();
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

  private static ResponseTooLargeException tooLarge(long maxBytes, String detail) {
    return new ResponseTooLargeException("response body exceeds " + maxBytes + " bytes" + detail);
  }
}
