package dev.pagewalk.connector;

import dev.pagewalk.LimitOverrides;

/**
 * What one walk is expected to take, from its {@link Probe}: its requests (chain steps and pages)
 * and records, how that was worked out, and whether {@code limits.maxPaginationRequests} would stop
 * it.
 */
record WalkGuess(long requests, long records, String basis, boolean paginationCapped) {

  static WalkGuess of(Probe probe, long maxPaginationRequests) {
    long steps = probe.requests() - 1;
    if (!probe.more()) {
      return new WalkGuess(probe.requests(), probe.records(), "one page", false);
    }
    long maxPages =
        maxPaginationRequests == LimitOverrides.UNLIMITED
            ? Long.MAX_VALUE
            : maxPaginationRequests + 1;
    long pages;
    double records;
    String basis;
    if (probe.total() != null && probe.items() > 0) {
      pages = Math.max(1, (probe.total() + probe.items() - 1) / probe.items());
      records = (double) probe.total() * probe.records() / probe.items();
      basis = "audit.total " + probe.total() + " in pages of " + probe.items();
    } else if (maxPages != Long.MAX_VALUE) {
      pages = maxPages;
      records = (double) probe.records() * pages;
      basis = "more pages and no audit.total to count them: as many as the cap allows";
    } else {
      pages = 2;
      records = (double) probe.records() * pages;
      basis = "more pages and no audit.total to count them: at least 2";
    }
    boolean capped = pages >= maxPages && (probe.total() == null || pages > maxPages);
    if (pages > maxPages) {
      records = Math.min(records, (double) probe.records() * maxPages);
      pages = maxPages;
    }
    return new WalkGuess(steps + pages, Math.round(records), basis, capped);
  }
}
