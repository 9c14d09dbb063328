package dev.pagewalk;

import dev.pagewalk.report.RunReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run ended and what it did. {@code failure} is present exactly when the stop reason is of
 * kind {@link StopReason.Kind#FAILED}; records delivered before a failure were whole, accepted
 * pages. What each count counts is said once, in {@link RunStats}.
 *
 * @param runId the run's correlation id; a resumed run keeps the id of the run it continues
 * @param spec the spec's name
 * @param stopReason why the run ended
 * @param failure what failed, when the stop reason is of kind {@code FAILED}; null otherwise
 * @param startedAt when this run started
 * @param endedAt when this run ended
 * @param stats what the run did: requests, pages, records, bytes, faults and waits
 * @param watermark the largest {@code (cursor, tieBreaker)} written by an incremental run, as
 *     {@code {cursor, tieBreaker}}; empty otherwise — the {@code state} of the next run
 * @param report the completeness report
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
    RunStats stats,
    Map<String, Object> watermark,
    RunReport report,
    List<String> notes) {
  public RunResult {
    stats = stats == null ? RunStats.ZERO : stats;
    notes = notes == null ? List.of() : List.copyOf(notes);
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
