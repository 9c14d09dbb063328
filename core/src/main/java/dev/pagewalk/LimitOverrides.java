package dev.pagewalk;

import java.time.Duration;

/**
 * Per-run overrides of the spec's {@code limits}; null leaves the spec's value. {@link #UNLIMITED}
 * (for counts) and {@link #NO_TIMEOUT} lift a cap.
 */
public record LimitOverrides(
    Long maxRequests, Long maxPaginationRequests, Long maxRecords, Duration timeout) {
  public static final long UNLIMITED = Long.MAX_VALUE;
  public static final Duration NO_TIMEOUT = Duration.ofSeconds(Long.MAX_VALUE);
  public static final LimitOverrides NONE = new LimitOverrides(null, null, null, null);

  public LimitOverrides withMaxRecords(long value) {
    return new LimitOverrides(maxRequests, maxPaginationRequests, value, timeout);
  }

  public LimitOverrides withMaxRequests(long value) {
    return new LimitOverrides(value, maxPaginationRequests, maxRecords, timeout);
  }

  public LimitOverrides withMaxPaginationRequests(long value) {
    return new LimitOverrides(maxRequests, value, maxRecords, timeout);
  }

  public LimitOverrides withTimeout(Duration value) {
    return new LimitOverrides(maxRequests, maxPaginationRequests, maxRecords, value);
  }
}
