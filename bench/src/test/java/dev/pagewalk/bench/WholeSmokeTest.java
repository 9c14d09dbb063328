package dev.pagewalk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a benchmark: the plumbing of {@code ./bench/run.sh whole} — a side started as a child process
 * against the page server, measured from outside, its output counted and summarised. The
 * hand-written loop stands in for every side here (the launcher and Node are not part of the
 * build); no timing is asserted.
 */
class WholeSmokeTest {
  @TempDir Path work;

  @Test
  void runsASideAsACommandAndSummarisesItsMedians() throws Exception {
    List<String> baseline =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Compare.class.getName(),
            "baseline");
    Whole.Options options =
        new Whole.Options(
            2000,
            250,
            Style.LINK,
            2,
            List.of(WholeSide.BASELINE),
            true,
            new WholeSide.Tools(Path.of("pagewalk"), Path.of("node"), baseline),
            work);
    String summary;
    try (PageServer server = PageServer.start(Compare.SEED)) {
      summary = Whole.run(options, server);
    }
    assertThat(summary)
        .startsWith(
            "summary: link, 2,000 records, page size 250, output identity, median of 2 alternating"
                + " rounds")
        .containsPattern("\n  baseline +\\d+\\.\\d\\d +\\d+\\.\\d\\d +\\d+ MB +- +- +-\n");
    assertThat(Files.readAllLines(work.resolve("baseline/records.jsonl")))
        .hasSize(2000)
        .first()
        .asString()
        .startsWith("{\"id\":\"cus_0000000000\",\"seq\":0,\"name\":");
  }

  @Test
  void identityOutputIsTheSpecWithoutItsOutputBlock() {
    String spec = Whole.specText(Style.TOKEN, true);
    assertThat(spec).doesNotContain("output:").doesNotContain("city:");
    assertThat(spec)
        .contains("    key: \"{{item.id}}\"\n  pagination:\n")
        .isEqualTo(Style.TOKEN.specText().replaceAll("(?s)    output:\n(      [^\n]*\n)+", ""));
  }

  @Test
  void readsPeakRssAndCpuTicksFromProc() {
    assertThat(Measured.hwmKb("Name:\tjava\nVmPeak:\t  900 kB\nVmHWM:\t  123456 kB\n"))
        .isEqualTo(123456);
    assertThat(
            Measured.cpuTicks(
                "42 (a (b) c) S 1 42 42 0 -1 4194560 100 0 0 0 250 31 0 0 20 0 3 0 100 0 0"))
        .isEqualTo(281);
  }
}
