package dev.pagewalk.connector;

import dev.pagewalk.Estimate.Certainty;
import dev.pagewalk.LimitOverrides;

/**
 * What one walk is expected to take, from its {@link Probe}: its requests (chain steps and pages)
 * and records, how that was worked out, and whether {@code limits.maxPaginationRequests} would stop
 * it.
 */
record WalkGuess(long requests, long records, Kind kind, String basis, boolean paginationCapped) {

  /** How a walk's figures were found. */
  enum Kind {
    /** The walk ended within its probe. */
    ENDED(Certainty.EXACT),
    /** The run's {@code limits.maxPaginationRequests} stopped the probe, as it would the walk. */
    CAPPED(Certainty.EXACT),
    /** More pages than the probe read, counted with the API's total. */
    TOTAL(Certainty.EXTRAPOLATED),
    /** More pages than the probe read, counted with the {@code Link} header's last page. */
    LAST(Certainty.EXTRAPOLATED),
    /**
     * More pages than the probe read, and nothing to count them: a floor of one more page and the
     * records seen (the next page may be empty).
     */
    MORE(Certainty.LOWER_BOUND);

    final Certainty certainty;

    Kind(Certainty certainty) {
      this.certainty = certainty;
    }
  }

  static WalkGuess of(Probe probe, long maxPaginationRequests) {
    long steps = probe.requests() - probe.pages();
    if (!probe.more()) {
      return new WalkGuess(
          probe.requests(),
          probe.records(),
          Kind.ENDED,
          "ended within the probe, " + pages(probe.pages()),
          false);
    }
    if (probe.capped()) {
      return new WalkGuess(
          probe.requests(),
          probe.records(),
          Kind.CAPPED,
          "limits.maxPaginationRequests stops it after " + pages(probe.pages()),
          true);
    }
    if (probe.total() != null && probe.pageSize() > 0 && probe.items() > 0) {
      long maxPages = maxPages(maxPaginationRequests);
      long counted = (probe.total() + probe.pageSize() - 1) / probe.pageSize();
      long pages = Math.max(probe.pages() + 1, counted);
      double perItem = (double) probe.records() / probe.items();
      double records = Math.max(probe.total(), probe.items()) * perItem;
      boolean capped = pages > maxPages;
      if (capped) {
        pages = maxPages;
        records = Math.min(records, (double) probe.pageSize() * perItem * maxPages);
      }
      return new WalkGuess(
          steps + pages,
          Math.round(records),
          Kind.TOTAL,
          "audit.total " + probe.total() + " in pages of " + probe.pageSize(),
          capped);
    }
    LastLink last = LastLink.of(probe.next(), probe.last(), probe.pages(), probe.pageSize());
    if (last != null) {
      long maxPages = maxPages(maxPaginationRequests);
      long pages = Math.min(last.pages(), maxPages);
      return new WalkGuess(
          steps + pages,
          Math.round((double) probe.records() / probe.pages() * pages),
          Kind.LAST,
          "Link rel=last (" + last.parameter() + "): " + pages(last.pages()),
          last.pages() > maxPages);
    }
    long pages = probe.pages() + 1;
    return new WalkGuess(
        steps + pages,
        probe.records(),
        Kind.MORE,
        "more than "
            + pages(probe.pages())
            + " and no audit.total or Link rel=last to count them: at least "
            + pages(pages),
        false);
  }

  /** The pages a walk may read under {@code limits.maxPaginationRequests}. */
  private static long maxPages(long maxPaginationRequests) {
    return maxPaginationRequests == LimitOverrides.UNLIMITED
        ? Long.MAX_VALUE
        : maxPaginationRequests + 1;
  }

  private static String pages(long n) {
    return n + (n == 1 ? " page" : " pages");
  }
}
