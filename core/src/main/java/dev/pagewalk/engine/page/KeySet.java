package dev.pagewalk.engine.page;

import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.json.RecordKeys;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The keys a run has already delivered, as 64-bit fingerprints in an open-addressing table (load at
 * most 3/4) of 256 segments that double one at a time: one million keys take 16 MB, whatever the
 * keys' length, in 64 KB arrays. Fingerprints are taken from the key itself — integers and text
 * without building a string — with the language's equality: {@code 1}, {@code 1.0} and {@code 1.00}
 * are one key, {@code "1"} another. Two different keys share a fingerprint with a chance of about
 * one in 3·10^7 in a run of a million keys; the record would then be counted as a duplicate, which
 * the completeness report shows (it is never a silent loss).
 */
public final class KeySet {
  private static final long TEXT = 0x9E3779B97F4A7C15L;
  private static final long NUMBER = 0xC2B2AE3D27D4EB4FL;
  private static final long OTHER = 0x165667B19E3779F9L;
  private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?[0-9]+");

  /**
   * The table is split by the fingerprint's top bits into segments that grow one at a time, so no
   * allocation is ever large: a single table of a million keys is a 16 MB array that needs 24 MB at
   * once while it doubles, and in a small heap the collector may find no contiguous room for it. A
   * segment stays under 512 KB up to about ten million keys.
   */
  private static final int SEGMENT_BITS = 8;

  private final long[][] segments = new long[1 << SEGMENT_BITS][];
  private final int[] sizes = new int[1 << SEGMENT_BITS];
  private int size;

  /** Folded from the slots {@link #prepare} touches, so the JIT cannot drop those loads. */
  private long touched;

  public KeySet() {
    for (int i = 0; i < segments.length; i++) {
      segments[i] = new long[16];
    }
  }

  /** Adds the key; false when it was already present. */
  public boolean add(Object key) {
    return addFingerprint(fingerprint(key));
  }

  /**
   * Adds a key given as its {@link RecordKeys#canonical} text (as a database sink stores it), as
   * {@link #add} would add the key itself: text and whole numbers that fit a long are read back,
   * anything else is taken by its canonical text, as {@link #fingerprint} takes it. False when it
   * was already present.
   */
  public boolean addCanonical(String canonical) {
    return addFingerprint(fingerprintOfCanonical(canonical));
  }

  /**
   * The fingerprints of a page's keys (0 where a record has none), after loading the table slot
   * each will probe. A million-key table is far larger than the CPU caches, so every probe is a
   * cache (and TLB) miss; loaded in one tight loop, those misses overlap instead of being paid one
   * after another between records — this halves the cost of de-duplication.
   */
  long[] prepare(PageRecords records) {
    long[] fingerprints = new long[records.size()];
    for (int i = 0; i < fingerprints.length; i++) {
      long taken = records.fingerprint(i);
      Object key = records.key(i);
      fingerprints[i] = taken != 0 || key == null ? taken : fingerprint(key);
    }
    long acc = 0;
    for (long f : fingerprints) {
      long[] t = segments[segment(f)];
      acc ^= t[slot(f, t.length - 1)];
    }
    touched ^= acc;
    return fingerprints;
  }

  /**
   * Adds a fingerprint from {@link #fingerprint} or {@link #prepare}; false when already present.
   */
  boolean addFingerprint(long f) {
    int s = segment(f);
    if ((sizes[s] + 1) * 4L > segments[s].length * 3L) {
      segments[s] = grown(segments[s]);
    }
    if (insert(segments[s], f)) {
      sizes[s]++;
      size++;
      return true;
    }
    return false;
  }

  int size() {
    return size;
  }

  /** Heap taken by the table, in bytes. */
  long tableBytes() {
    long bytes = 0;
    for (long[] t : segments) {
      bytes += t.length * 8L;
    }
    return bytes;
  }

  static long fingerprint(Object key) {
    long h;
    if (key instanceof Long
        || key instanceof Integer
        || key instanceof Short
        || key instanceof Byte) {
      h = mix(((Number) key).longValue() ^ NUMBER);
    } else if (key instanceof String s) {
      h = text(s, TEXT);
    } else if (key instanceof BigInteger b && b.bitLength() < 64) {
      h = mix(b.longValue() ^ NUMBER);
    } else if (key instanceof BigDecimal d && isLong(d)) {
      h = mix(d.longValue() ^ NUMBER);
    } else {
      h = text(RecordKeys.canonical(key), OTHER);
    }
    return h == 0 ? 1 : h;
  }

  static long fingerprintOfCanonical(String canonical) {
    if (canonical.length() >= 2 && canonical.charAt(0) == '"') {
      if (canonical.indexOf('\\') < 0) {
        return fingerprint(canonical.substring(1, canonical.length() - 1));
      }
      try {
        return fingerprint(JsonConfig.MAPPER.readValue(canonical, String.class));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("not a canonical key: " + canonical, e);
      }
    }
    if (WHOLE.matcher(canonical).matches()) {
      try {
        return fingerprint(Long.parseLong(canonical));
      } catch (NumberFormatException e) {
        // beyond a long: taken by its text, as a BigInteger of 64 bits or more is
      }
    }
    long h = text(canonical, OTHER);
    return h == 0 ? 1 : h;
  }

  private static boolean isLong(BigDecimal d) {
    return d.signum() == 0
        || (d.stripTrailingZeros().scale() <= 0
            && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0);
  }

  private static boolean insert(long[] t, long f) {
    int mask = t.length - 1;
    int i = slot(f, mask);
    while (true) {
      long v = t[i];
      if (v == 0) {
        t[i] = f;
        return true;
      }
      if (v == f) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  private static int segment(long f) {
    return (int) (f >>> (64 - SEGMENT_BITS));
  }

  private static int slot(long f, int mask) {
    return (int) (f ^ (f >>> 32)) & mask;
  }

  private static long[] grown(long[] old) {
    long[] next = new long[old.length * 2];
    for (long f : old) {
      if (f != 0) {
        insert(next, f);
      }
    }
    return next;
  }

  private static long text(String s, long seed) {
    long a = seed ^ s.length();
    long b = 0x27D4EB2F165667C5L;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      a = (a ^ c) * 0x100000001B3L;
      b = (b + c) * 0x9E3779B97F4A7C15L;
      b ^= b >>> 31;
    }
    return mix(a ^ Long.rotateLeft(b, 29));
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
