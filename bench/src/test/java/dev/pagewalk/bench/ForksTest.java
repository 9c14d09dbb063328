package dev.pagewalk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Not a benchmark: checks that {@code --forks} starts fresh JVMs that each run the comparison, and
 * that the parent reads their results back into one summary line per style.
 */
class ForksTest {
  @Test
  void twoForksOfATinyComparisonAreSummarisedPerStyle() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Forks.run(
          2,
          new String[] {
            "--records",
            "2000",
            "--page-size",
            "500",
            "--styles",
            "token,link",
            "--rounds",
            "1",
            "--warmup-records",
            "1000",
            "--warmup-rounds",
            "1",
            "--forks",
            "2"
          });
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("fork 1 of 2", "fork 2 of 2", "summary over 2 forks");
    String ratio = " ratio \\d\\.\\d{3} \\(forks: \\d\\.\\d{3} \\d\\.\\d{3};";
    assertThat(
            out.lines()
                .filter(
                    l ->
                        l.matches(
                            "^  (token|link) +2,000 records +baseline .* pagewalk [^-].*"
                                + ratio
                                + ".* pagewalk-serial .*"
                                + ratio
                                + ".*")))
        .hasSize(2);
  }
}
