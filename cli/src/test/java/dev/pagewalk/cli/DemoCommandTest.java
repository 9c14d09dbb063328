package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void showsACompleteCursorSyncAndAnOffsetWalkCaughtDrifting() throws Exception {
    Cli.Result r = Cli.plain().run("demo", "--fast", "--dir", dir.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains(
            "2,000 orders; while they are paged the API inserts 12 at the head and 10 at"
                + " the tail, deletes 5 and updates 2.")
        .contains(
            "COMPLETE: demo-orders — 2010 records, 21 pages, 21 requests (0 retries),"
                + " stop: condition-false")
        .contains("✓ order: every page boundary kept the declared order")
        .contains(
            "INCOMPLETE: demo-orders-offset — 2005 records, 21 pages, 21 requests"
                + " (0 retries), stop: condition-false, 12 duplicates dropped")
        .contains("✗ total: the API's total changed between pages (2000 → 2017)")
        .contains("✗ boundary-duplicates: 12 records came back on a later page")
        .contains(
            "5 records that existed for the whole run are MISSING (ids 494, 495, 496, 497, 498)")
        .contains("Both reports are right")
        .containsSubsequence(
            "In a scheduled job, `pagewalk run … --fail-on incomplete` exits 0 here: nothing to"
                + " notice.",
            "In a scheduled job, `pagewalk run … --fail-on incomplete` exits 6 (verdict) here:"
                + " the pipeline notices without reading the report.");
    try (dev.pagewalk.sinks.SqliteSink db =
        dev.pagewalk.sinks.SqliteSink.open(dir.resolve("demo.db"))) {
      assertThat(db.count("demo-orders")).isEqualTo(2010);
      assertThat(db.keys("demo-orders")).hasSize(2010);
      assertThat(db.checkpoint("demo-orders").orElseThrow().status())
          .isEqualTo(dev.pagewalk.state.Checkpoint.Status.COMPLETE);
    }
    String offset = Files.readString(dir.resolve("demo-orders-offset.report.json"));
    String cursor = Files.readString(dir.resolve("demo-orders.report.json"));
    assertThat(offset).contains("\"verdict\" : \"INCOMPLETE\"");
    assertThat(ReportSchemaTest.violations(offset)).as(offset).isEmpty();
    assertThat(ReportSchemaTest.violations(cursor)).as(cursor).isEmpty();
  }
}
