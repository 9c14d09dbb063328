package dev.pagewalk.http;

import java.io.IOException;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads a (decompressed) response body in full, within the size cap and the deadline. The stream
 * is closed (releasing the connection) only after a complete read; on failure the caller must
 * cancel the exchange first, since closing a partly read stream drains the rest of the body.
 */
final class BodyReader {
  private BodyReader() {}

  static byte[] read(HttpEntity entity, long maxBytes, DeadlineGuard guard) throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    return CapturingInputStream.open(entity, maxBytes, guard).finish();
  }
}
