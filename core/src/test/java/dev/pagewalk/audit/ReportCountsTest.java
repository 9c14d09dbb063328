package dev.pagewalk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.RunStats;
import dev.pagewalk.WaitReason;
import java.time.Duration;
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
          Map.of("status 503", 2L, "connection-reset", 1L),
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
}
