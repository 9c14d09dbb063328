package dev.pagewalk.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * What one decoded body may cost: at most {@code maxElements} elements in any one array (the
 * records of a page), and at most {@code maxBytes} of heap by an estimate of the values built. A
 * response body is capped in bytes, but a 64 MiB body of {@code [{},{},…]} is twenty million
 * objects, over a gigabyte of heap, and gzip sends it in 120 KB; the budget fails such a body while
 * it is being decoded instead. The estimate is per value built (skipped parts cost nothing), close
 * to what a 64-bit JVM with compressed pointers takes: an object 136 bytes (a LinkedHashMap and its
 * table) and 48 per field, an array 40 and 8 per element, a string 48 plus its length, a number 24.
 * One per decode; the records of a page kept as sent are decoded later against the same budget, one
 * at a time ({@link ItemBytes}).
 */
final class DecodeBudget {
  static final long OBJECT = 136;
  static final long FIELD = 48;
  static final long ARRAY = 40;
  static final long ELEMENT = 8;
  static final long STRING = 48;
  static final long NUMBER = 24;

  private final int maxElements;
  private final long maxBytes;
  private long spent;
  private boolean repeatedName;

  DecodeBudget(int maxElements, long maxBytes) {
    this.maxElements = maxElements;
    this.maxBytes = maxBytes;
  }

  /** Charges {@code bytes} for a value being built at the parser's position. */
  void charge(JsonParser p, long bytes) throws StreamConstraintsException {
    spent += bytes;
    if (spent > maxBytes) {
      throw new Exceeded(
          "decoded, the body would take more than "
              + size(maxBytes)
              + " of memory"
              + " (limit "
              + size(maxBytes)
              + ")",
          p.currentLocation());
    }
  }

  /**
   * Notes that an object repeated a field name: its decoded map keeps the name once (with the last
   * value), so its bytes as sent are not the bytes its value is written as.
   */
  void repeatedName() {
    repeatedName = true;
  }

  /** Whether an object repeated a field name since the last call; clears the note. */
  boolean takeRepeatedName() {
    boolean was = repeatedName;
    repeatedName = false;
    return was;
  }

  /** Charges the {@code count}th element of an array. */
  void element(JsonParser p, int count) throws StreamConstraintsException {
    if (count > maxElements) {
      throw new Exceeded(
          "an array has more than " + maxElements + " elements (limit " + maxElements + ")",
          p.currentLocation());
    }
    charge(p, ELEMENT);
  }

  /** Charges a string of {@code length} characters. */
  void string(JsonParser p, int length) throws StreamConstraintsException {
    charge(p, STRING + length);
  }

  /** {@code bytes} in MiB (KiB below one MiB), with one decimal when not whole. */
  static String size(long bytes) {
    boolean mib = bytes >= 1024 * 1024;
    long unit = mib ? 1024 * 1024 : 1024;
    String n =
        bytes % unit == 0
            ? String.valueOf(bytes / unit)
            : String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) unit);
    return n + (mib ? " MiB" : " KiB");
  }

  /**
   * A body over the budget, or with a number too large to write out: a deterministic failure, not
   * retried.
   */
  static final class Exceeded extends StreamConstraintsException {
    Exceeded(String message, JsonLocation location) {
      super(message, location);
    }
  }
}
