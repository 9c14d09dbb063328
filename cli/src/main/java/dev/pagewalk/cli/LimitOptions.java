package dev.pagewalk.cli;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.plan.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --max-*} and {@code --timeout} options of {@code run}: overrides of the spec's limits.
 */
final class LimitOptions {
  @Option(
      names = "--max-records",
      paramLabel = "N|unlimited",
      converter = Cap.class,
      description = "Stop after N records (overrides limits.maxRecords; default 3200).")
  Long maxRecords;

  @Option(
      names = "--max-requests",
      paramLabel = "N|unlimited",
      converter = Cap.class,
      description =
          "Send at most N requests, retries not counted (overrides limits.maxRequests; default 100).")
  Long maxRequests;

  @Option(
      names = "--max-pagination-requests",
      paramLabel = "N|unlimited",
      converter = Cap.class,
      description =
          "Request at most N pages after the first (overrides limits.maxPaginationRequests; default 50).")
  Long maxPaginationRequests;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION|unlimited",
      converter = Timeout.class,
      description =
          "Hard deadline of each request, e.g. 500ms, 40s, 2m (overrides limits.timeout; default 40s).")
  Duration timeout;

  LimitOverrides overrides() {
    return new LimitOverrides(maxRequests, maxPaginationRequests, maxRecords, timeout);
  }

  /** A count or {@code unlimited}. */
  static final class Cap implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      if (value.equals("unlimited")) {
        return LimitOverrides.UNLIMITED;
      }
      try {
        long n = Long.parseLong(value);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException(
          "'" + value + "' is not a count; write a whole number >= 0 or 'unlimited'");
    }
  }

  /** A duration ({@code 250ms}, {@code 40s}, {@code 5m}, {@code 1h}) or {@code unlimited}. */
  static final class Timeout implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      if (value.equals("unlimited")) {
        return LimitOverrides.NO_TIMEOUT;
      }
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage() + ", or 'unlimited'");
      }
    }
  }
}
