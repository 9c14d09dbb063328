package dev.pagewalk.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer for building response bodies without intermediate strings. */
final class ByteBuf {
  private byte[] bytes;
  private int size;

  ByteBuf(int capacity) {
    bytes = new byte[capacity];
  }

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  byte[] array() {
    return bytes;
  }

  ByteBuf put(byte b) {
    ensure(1);
    bytes[size++] = b;
    return this;
  }

  ByteBuf put(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
    return this;
  }

  /** ASCII text only (the generator never produces anything else). */
  ByteBuf ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
    return this;
  }

  ByteBuf number(long v) {
    if (v < 0) {
      put((byte) '-');
      v = -v;
    }
    ensure(20);
    int start = size;
    do {
      bytes[size++] = (byte) ('0' + (v % 10));
      v /= 10;
    } while (v != 0);
    reverse(start, size - 1);
    return this;
  }

  /** {@code v} with exactly {@code width} digits, zero-padded (v must fit). */
  ByteBuf padded(long v, int width) {
    ensure(width);
    for (int i = size + width - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    size += width;
    return this;
  }

  private void reverse(int i, int j) {
    while (i < j) {
      byte t = bytes[i];
      bytes[i++] = bytes[j];
      bytes[j--] = t;
    }
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
