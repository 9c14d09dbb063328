package dev.pagewalk.plan;

import dev.pagewalk.LimitOverrides;
import java.time.Duration;

/**
 * The caps of a run (spec section 4). Counts use {@link LimitOverrides#UNLIMITED} for no cap; a
 * null timeout means no deadline per request, a null {@code runTimeout} no deadline for the run.
 */
public record Limits(
    long maxRequests,
    long maxPaginationRequests,
    long maxRecords,
    Duration timeout,
    Duration runTimeout) {
  /** Make's defaults: 100 requests, 50 pagination requests, 3200 records, 40 s per request. */
  public static final Limits DEFAULTS = new Limits(100, 50, 3200, Duration.ofSeconds(40));

  /** Caps without a run deadline. */
  public Limits(long maxRequests, long maxPaginationRequests, long maxRecords, Duration timeout) {
    this(maxRequests, maxPaginationRequests, maxRecords, timeout, null);
  }

  public Limits with(LimitOverrides o) {
    return new Limits(
        o.maxRequests() != null ? o.maxRequests() : maxRequests,
        o.maxPaginationRequests() != null ? o.maxPaginationRequests() : maxPaginationRequests,
        o.maxRecords() != null ? o.maxRecords() : maxRecords,
        o.timeout() == null
            ? timeout
            : o.timeout().equals(LimitOverrides.NO_TIMEOUT) ? null : o.timeout(),
        runTimeout);
  }
}
