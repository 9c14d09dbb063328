package dev.pagewalk;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a run ended and what it did. {@code failure} is present exactly when the stop reason is of
 * kind {@link StopReason.Kind#FAILED}; records delivered before a failure were whole, accepted
 * pages.
 *
 * <p>Each count says what it counts, and counts it when it happened — a record when the
 * destination took it, a request when it went out — so a run that fails or is cancelled half way
 * reports what the server and the destination saw, not what the run meant to do. A resumed run
 * (a sync's {@code resume}) continues the counts of {@code requests}, {@code paginationRequests},
 * {@code pages}, {@code recordsReceived}, {@code recordsFiltered} and {@code recordsEmitted} from
 * its checkpoint, so they describe the sync so far; the other counts are this run's alone.
 *
 * @param runId the run's correlation id; a resumed run keeps the id of the run it continues
 * @param spec the spec's name
 * @param stopReason why the run ended
 * @param failure what failed, when the stop reason is of kind {@code FAILED}; null otherwise
 * @param startedAt when this run started
 * @param endedAt when this run ended
 * @param requests HTTP requests that went out, retries included, and a read-ahead request the
 *     run gave up after it was sent (the server saw it); chain steps and repeats included
 * @param paginationRequests requests for page 2 and later of the output request, each page's
 *     request once (its retries are in {@code retries})
 * @param retries requests sent again: after a failed attempt, and for an empty page whose
 *     {@code condition} still said "more"
 * @param pages pages of the output request written to the destination (with their checkpoint,
 *     for a sync); a page whose write failed or was cancelled is not counted
 * @param recordsReceived items {@code iterate} returned on the pages the run read, before
 *     filtering and de-duplication — including a page it then failed to write
 * @param recordsFiltered of those, items dropped by {@code iterate.condition}
 * @param recordsEmitted records the destination accepted: the records of every page written, plus
 *     the records a consumer took before it failed on a page; never records the destination did
 *     not receive
 * @param bytesReceived response body bytes of every response the run read, failed attempts
 *     included (not of a read-ahead response the run gave up)
 * @param emptyPagesWithContinuation pages that came back empty while {@code condition} still said
 *     "more" (each counted once, however often it was retried)
 * @param waited time the run was asked to pause: backoff, {@code Retry-After}, rate limit and
 *     {@code pagination.delay}
 * @param duplicatesDropped received records not written because a record with the same key was
 *     already written in this run (or the same body came back twice in a row)
 * @param watermark the largest {@code (cursor, tieBreaker)} written by an incremental run, as
 *     {@code {cursor, tieBreaker}}; empty otherwise — the {@code state} of the next run
 * @param report the completeness report
 * @param notes what the run wants its operator to know (resumed from a checkpoint, nothing to
 *     resume, fell back to the watermark)
 * @param faults failed attempts by short name ({@code connection-reset}, {@code status 503},
 *     {@code deadline}, {@code empty-page-with-continuation}, ...), retried or not
 * @param credentialsStripped pagination requests sent to another origin without credentials
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
