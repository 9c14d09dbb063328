package dev.pagewalk.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

final class Gzip {
  private Gzip() {}

  static byte[] compress(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  /** {@code size} zero bytes, gzipped, written in chunks so the input never sits in memory. */
  static byte[] zeros(int size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      for (int written = 0; written < size; written += chunk.length) {
        gz.write(chunk, 0, Math.min(chunk.length, size - written));
      }
    }
    return out.toByteArray();
  }
}
