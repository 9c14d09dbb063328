package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.RunListener.PageEvent;
import dev.pagewalk.RunListener.RetryEvent;
import dev.pagewalk.RunStats.StatusFault;
import dev.pagewalk.WaitReason;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  final AtomicLong nanos = new AtomicLong();
  final StringWriter err = new StringWriter();
  final ProgressLine line = new ProgressLine(new PrintWriter(err), nanos::get);

  static PageEvent page(long number, long recordsSoFar) {
    return new PageEvent(
        number,
        "GET /items",
        200,
        0,
        0,
        recordsSoFar,
        1,
        0,
        null,
        null,
        java.util.Map.of(),
        null,
        0);
  }

  @Test
  void countsPagesRecordsAndRateAndRedrawsInPlace() {
    nanos.set(2_000_000_000L);
    line.onPage(page(1, 100));
    nanos.set(4_000_000_000L);
    line.onPage(page(2, 200));
    assertThat(err.toString())
        .isEqualTo(
            "\r1 page, 100 records, 50 records/s, 0 retries, 0 waits\u001b[K"
                + "\r2 pages, 200 records, 50 records/s, 0 retries, 0 waits\u001b[K");
  }

  @Test
  void showsWhatItIsWaitingForUntilTheNextPage() {
    nanos.set(1_000_000_000L);
    line.onRetry(new RetryEvent("GET /items", 1, new StatusFault(503), Duration.ofMillis(500)));
    line.onWait(WaitReason.RETRY, Duration.ofSeconds(3));
    assertThat(line.text())
        .isEqualTo("0 pages, 0 records, 0 records/s, 1 retry, 1 wait - waiting 3.0s (retry)");
    line.onPage(page(1, 10));
    assertThat(line.text()).isEqualTo("1 page, 10 records, 10 records/s, 1 retry, 1 wait");
  }

  @Test
  void drawsABarWhenTheApiGivesItsTotal() {
    line.onPage(
        new PageEvent(1, "GET /items", 200, 25, 25, 25, 1, 0, 1, 25, java.util.Map.of(), 100L, 0));
    assertThat(line.text())
        .startsWith("[#####---------------]  25% 25 of 100 - 1 page, 25 records, ")
        .endsWith(" records/s, 0 retries, 0 waits");
  }

  @Test
  void erasesItselfOnceAndOnlyWhenDrawn() {
    line.clear();
    assertThat(err.toString()).isEmpty();
    line.onPage(page(1, 1));
    line.clear();
    line.clear();
    assertThat(err.toString())
        .endsWith("\u001b[K\r\u001b[K")
        .doesNotEndWith("\r\u001b[K\r\u001b[K");
  }

  @Test
  void leadsAConnectorRunWithItsStreamsAndWalksAndCountsEveryWalksRecords() {
    java.util.Map<String, String> parents = new java.util.LinkedHashMap<>();
    parents.put("repos", null);
    parents.put("issues", "repos");
    ProgressLine walks =
        ProgressLine.forWalks(new PrintWriter(err), nanos::get, new WalkBoard("gh", parents));
    nanos.set(1_000_000_000L);
    walks.onWalkQueued("repos");
    walks.onStart("r1", "gh/repos");
    walks.onPage(
        new PageEvent(
            1, "GET /repos", 200, 2, 2, 2, 1, 0, null, null, java.util.Map.of(), null, 0));
    walks.onWalkQueued("issues");
    walks.onWalkQueued("issues");
    assertThat(walks.text())
        .isEqualTo(
            "streams 0 done, 1 running, 1 pending; walks 0 done, 1 running, 2 pending"
                + " - 1 page, 2 records, 2 records/s, 0 retries, 0 waits");
    walks.onStart("r2", "gh/issues");
    walks.onPage(
        new PageEvent(1, "GET /i", 200, 3, 3, 3, 1, 0, null, null, java.util.Map.of(), null, 0));
    assertThat(walks.text())
        .startsWith(
            "streams 0 done, 2 running, 0 pending; walks 0 done, 2 running, 1 pending"
                + " - 2 pages, 5 records");
  }
}
