package dev.pagewalk;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a run ended and what it did. {@code failure} is present exactly when the stop reason is of
 * kind {@link StopReason.Kind#FAILED}; records delivered before a failure were whole, accepted
 * pages.
 *
 * @param requests every HTTP request sent, retries included
 * @param paginationRequests requests for page 2 and later (retries excluded)
 * @param retries re-sent requests (failed attempts and empty-page-with-continuation retries)
 * @param pages pages accepted from the output request
 * @param recordsReceived items returned by {@code iterate}, before filtering
 * @param recordsFiltered items dropped by {@code iterate.condition}
 * @param recordsEmitted records delivered
 * @param bytesReceived response body bytes, all attempts
 * @param emptyPagesWithContinuation empty pages whose {@code condition} still said "more"
 * @param waited total time spent in delays, backoff and Retry-After waits
 * @param duplicatesDropped records not delivered because their key was already delivered
 * @param watermark the largest {@code (cursor, tieBreaker)} delivered by an incremental run, as
 *     {@code {cursor, tieBreaker}}; empty otherwise — the {@code state} of the next run
 * @param report the completeness report
 * @param faults failures met on the way, by short name ({@code connection-reset}, {@code status
 *     503}, {@code deadline}, {@code empty-page-with-continuation}, ...), retried or not
 * @param credentialsStripped pagination requests sent to another origin without credentials
 * @param notes what the run wants its operator to know (resumed from a checkpoint, nothing to
 *     resume, fell back to the watermark)
 */
public record RunResult(
    String runId,
    String spec,
    StopReason stopReason,
    PagewalkException failure,
    Instant startedAt,
    Instant endedAt,
    long requests,
    long paginationRequests,
    long retries,
    long pages,
    long recordsReceived,
    long recordsFiltered,
    long recordsEmitted,
    long bytesReceived,
    long emptyPagesWithContinuation,
    Duration waited,
    long duplicatesDropped,
    java.util.Map<String, Object> watermark,
    dev.pagewalk.audit.RunReport report,
    java.util.List<String> notes,
    java.util.Map<String, Long> faults,
    long credentialsStripped) {
  public RunResult {
    faults = faults == null ? java.util.Map.of() : java.util.Map.copyOf(faults);
    notes = notes == null ? java.util.List.of() : java.util.List.copyOf(notes);
  }

  /** True when a cap or {@code response.limit} ended the run: there may be more records. */
  public boolean truncated() {
    return stopReason.kind() == StopReason.Kind.TRUNCATED;
  }

  /** True when the run ended without a failure (naturally or truncated). */
  public boolean succeeded() {
    return stopReason.kind() != StopReason.Kind.FAILED;
  }

  public Optional<PagewalkException> failureCause() {
    return Optional.ofNullable(failure);
  }

  /** Throws the failure, if any; returns this otherwise. */
  public RunResult orThrow() {
    if (failure != null) {
      throw failure;
    }
    return this;
  }
}
