package dev.pagewalk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.RunStats.StatusFault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RunStats is the one definition of a run's counts; each update is a new value. */
class RunStatsTest {
  @Nested
  class Updates {
    @Test
    void returnNewValuesAndLeaveTheOldOneAlone() {
      RunStats before = RunStats.ZERO.plusLogicalRequest(true);
      RunStats after = before.plusRetry().plusWritten(1, 25);

      assertThat(List3.of(before.logicalRequests(), before.paginationRequests(), before.retries()))
          .isEqualTo(List3.of(1, 1, 0));
      assertThat(List3.of(after.retries(), after.pages(), after.recordsEmitted()))
          .isEqualTo(List3.of(1, 1, 25));
      assertThat(before.pages()).isZero();
    }

    @Test
    void foldAnExchangesAttemptsFaultsBytesAndWaitsInOneStep() {
      RunStats stats =
          RunStats.ZERO
              .plusExchange(
                  2,
                  Map.of(new StatusFault(503), 1L),
                  300,
                  Map.of(WaitReason.RETRY, Duration.ofMillis(40)))
              .plusExchange(
                  1,
                  Map.of(new StatusFault(503), 1L, Fault.CONNECTION_RESET, 1L),
                  20,
                  Map.of(WaitReason.RATE_LIMIT, Duration.ofMillis(5)));

      assertThat(stats.requests()).isEqualTo(3);
      assertThat(stats.bytesReceived()).isEqualTo(320);
      assertThat(stats.faults())
          .isEqualTo(Map.of(new StatusFault(503), 2L, Fault.CONNECTION_RESET, 1L));
      assertThat(stats.waited(WaitReason.RETRY)).isEqualTo(Duration.ofMillis(40));
      assertThat(stats.waited(WaitReason.DELAY)).isEqualTo(Duration.ZERO);
      assertThat(stats.waited()).isEqualTo(Duration.ofMillis(45));
    }

    @Test
    void countAPagesDropsByReason() {
      RunStats stats = RunStats.ZERO.plusPageRead(10, 2, 3, 1, 4);
      assertThat(
              new long[] {
                stats.recordsReceived(),
                stats.recordsFiltered(),
                stats.duplicatesDropped(),
                stats.alreadySynced(),
                stats.beyondBoundary()
              })
          .containsExactly(10, 2, 3, 1, 4);
    }

    @Test
    void countInitialRequestsAsTheOnesThatAreNotPagination() {
      RunStats stats =
          RunStats.ZERO.plusLogicalRequest(false).plusLogicalRequest(true).plusLogicalRequest(true);
      assertThat(stats.initialRequests()).isEqualTo(1);
    }
  }

  @Nested
  class InACheckpoint {
    @Test
    void keepTheNamesCheckpointsHaveAlwaysHadInTheirOrder() {
      RunStats stats =
          new RunStats(9, 8, 7, 6, 5, 40, 3, 30, 100, 1, 2, 0, 0, 0, 0, Map.of(), Map.of());
      assertThat(stats.savedInCheckpoint())
          .containsExactly(
              Map.entry("requests", 9L),
              Map.entry("logicalRequests", 8L),
              Map.entry("paginationRequests", 7L),
              Map.entry("pages", 5L),
              Map.entry("recordsReceived", 40L),
              Map.entry("recordsEmitted", 30L),
              Map.entry("recordsFiltered", 3L));
    }

    @Test
    void resumeTheSavedCountsAndStartTheOthersAtZero() {
      RunStats stats =
          RunStats.resumedFrom(
              Map.of("requests", 9L, "pages", 5L, "recordsEmitted", 30L, "somethingNewer", 1L));
      assertThat(stats.requests()).isEqualTo(9);
      assertThat(stats.pages()).isEqualTo(5);
      assertThat(stats.recordsEmitted()).isEqualTo(30);
      assertThat(stats.logicalRequests()).isZero();
      assertThat(stats.retries()).isZero();
      assertThat(RunStats.resumedFrom(null)).isEqualTo(RunStats.ZERO);
    }
  }

  /** Three counts compared as one value. */
  private record List3(long a, long b, long c) {
    static List3 of(long a, long b, long c) {
      return new List3(a, b, c);
    }
  }
}
