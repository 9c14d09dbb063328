package dev.pagewalk.engine;

/**
 * The keys a run has already delivered, as 128-bit fingerprints of their canonical text in an
 * open-addressing table: one million keys take about 32 MB, whatever the keys' length. Two
 * independent 64-bit hashes make a false "seen" (and so a wrongly dropped record) a chance of
 * about one in 10^26 at a million keys.
 */
final class KeySet {
  private long[] table = new long[2 * 1024];
  private int size;

  /** Adds the key; false when it was already present. */
  boolean add(String canonical) {
    long h1 = hash(canonical, 0x9E3779B97F4A7C15L);
    long h2 = hash(canonical, 0xC2B2AE3D27D4EB4FL) | 1L;
    if ((size + 1) * 10L > (table.length / 2L) * 6L) {
      grow();
    }
    boolean added = insert(table, h1, h2);
    if (added) {
      size++;
    }
    return added;
  }

  int size() {
    return size;
  }

  /** Heap taken by the table, in bytes. */
  long tableBytes() {
    return table.length * 8L;
  }

  private boolean insert(long[] t, long h1, long h2) {
    int slots = t.length / 2;
    int i = (int) (h1 ^ (h1 >>> 32)) & (slots - 1);
    while (true) {
      long a = t[2 * i];
      long b = t[2 * i + 1];
      if (a == 0 && b == 0) {
        t[2 * i] = h1;
        t[2 * i + 1] = h2;
        return true;
      }
      if (a == h1 && b == h2) {
        return false;
      }
      i = (i + 1) & (slots - 1);
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        insert(table, old[i], old[i + 1]);
      }
    }
  }

  private static long hash(String s, long seed) {
    long h = seed ^ (s.length() * 0xFF51AFD7ED558CCDL);
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001B3L;
      h ^= h >>> 29;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
