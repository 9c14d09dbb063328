package dev.pagewalk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code pagewalk test DIR...} prints and returns. */
class ConformanceMainTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void printsPassPerCaseAndASummaryAndReturnsZeroWhenAllPass() {
    int status = ConformanceMain.run(List.of(Path.of("cases/pagination")), out);

    assertThat(status).isZero();
    assertThat(text())
        .contains("PASS has-more\n", "PASS total-pages\n")
        .containsPattern("\n8 cases: 8 passed, 0 failed \\([0-9.]+s\\)\n$");
  }

  @Test
  void printsTheDiffOfAFailingCaseAndReturnsOne() {
    Path broken = CaseRunnerReportTest.resource("broken-case");

    int status = ConformanceMain.run(List.of(broken, Path.of("cases/pagination/page-only")), out);

    assertThat(status).isEqualTo(1);
    assertThat(text())
        .startsWith("FAIL broken-case  (")
        .contains("  * stop reason: expected empty-page, got condition-false\n")
        .contains("PASS page-only\n")
        .contains("2 cases: 1 passed, 1 failed")
        .endsWith("  failed: broken-case\n");
  }

  @Test
  void returnsTwoWhenNoCaseIsFound(@TempDir Path empty) {
    assertThat(ConformanceMain.run(List.of(empty), out)).isEqualTo(2);
    assertThat(text()).startsWith("no case.yaml found under");
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
