package dev.pagewalk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.RunStats;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.RunStats.StatusFault;
import dev.pagewalk.StopReason;
import dev.pagewalk.WaitReason;
import dev.pagewalk.report.RunReport;
import dev.pagewalk.report.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's counts are RunStats under the report's names, in the report's order. */
class ReportCountsTest {
  private static final RunStats STATS =
      new RunStats(
          12,
          10,
          7,
          2,
          8,
          90,
          5,
          80,
          4096,
          1,
          3,
          4,
          6,
          0,
          0,
          Map.of(new StatusFault(503), 2L, Fault.CONNECTION_RESET, 1L),
          Map.of(
              WaitReason.RETRY, Duration.ofMillis(1500), WaitReason.DELAY, Duration.ofMillis(20)));

  @Test
  void requestsSplitInitialFromPaginationAndShowStrippedCredentialsOnlyWhenThereWereSome() {
    assertThat(ReportCounts.requests(STATS))
        .containsExactly(
            Map.entry("total", 12L),
            Map.entry("initial", 3L),
            Map.entry("pagination", 7L),
            Map.entry("retries", 2L));
    RunStats stripped = STATS.plusCredentialsStripped();
    assertThat(ReportCounts.requests(stripped)).containsEntry("credentialsStripped", 1L).hasSize(5);
  }

  @Test
  void recordsShowTheIncrementalDropsOnlyForAnIncrementalRun() {
    assertThat(ReportCounts.records(STATS, false))
        .containsExactly(
            Map.entry("received", 90L),
            Map.entry("emitted", 80L),
            Map.entry("filtered", 5L),
            Map.entry("duplicatesDropped", 3L));
    assertThat(ReportCounts.records(STATS, true))
        .containsExactly(
            Map.entry("received", 90L),
            Map.entry("emitted", 80L),
            Map.entry("filtered", 5L),
            Map.entry("duplicatesDropped", 3L),
            Map.entry("alreadySynced", 4L),
            Map.entry("beyondBoundary", 6L));
  }

  @Test
  void waitsNameEveryReasonInMillisecondsAndFaultsAreSortedByName() {
    assertThat(ReportCounts.waits(STATS))
        .containsExactly(
            Map.entry("retry", 1500L), Map.entry("rateLimit", 0L), Map.entry("delay", 20L));
    assertThat(ReportCounts.faults(STATS))
        .containsExactly(Map.entry("connection-reset", 1L), Map.entry("status 503", 2L));
  }

  @Test
  void theReportsSummaryReadsTheCountsUnderTheseNames() {
    RunReport report =
        new RunReport(
            "run-1",
            "numbers",
            null,
            null,
            Map.of(),
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:01Z",
            1000,
            StopReason.CONDITION_FALSE,
            null,
            null,
            ReportCounts.requests(STATS),
            STATS.pages(),
            ReportCounts.records(STATS, false),
            STATS.bytesReceived(),
            ReportCounts.waits(STATS),
            ReportCounts.faults(STATS),
            List.of(),
            Verdict.UNVERIFIED,
            List.of(),
            List.of(),
            null,
            Map.of(),
            null,
            List.of(),
            List.of());
    assertThat(report.summary())
        .isEqualTo(
            "UNVERIFIED: numbers — "
                + STATS.recordsEmitted()
                + " records, "
                + STATS.pages()
                + " pages, "
                + STATS.requests()
                + " requests ("
                + STATS.retries()
                + " retries), stop: condition-false, "
                + STATS.duplicatesDropped()
                + " duplicates dropped");
  }
}
