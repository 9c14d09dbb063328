package dev.pagewalk.conformance.livedata;

/** A record's place in a {@link SortOrder}: the primary value, then the id as a tie-breaker. */
record SortKey(long primary, long seq) implements Comparable<SortKey> {
  @Override
  public int compareTo(SortKey other) {
    int byPrimary = Long.compare(primary, other.primary);
    return byPrimary != 0 ? byPrimary : Long.compare(seq, other.seq);
  }
}
