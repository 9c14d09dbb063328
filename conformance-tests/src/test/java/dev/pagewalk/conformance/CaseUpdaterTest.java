package dev.pagewalk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pagewalk test --update}: expectations rewritten from the actual run, nothing else. */
class CaseUpdaterTest {
  private static final Path TUTORIAL = Path.of("../docs/tutorial");
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @TempDir Path dir;
  private Path caseDir;
  private String expectedRecords;

  @BeforeEach
  void copyTheTutorialCase() throws IOException {
    Files.copy(
        TUTORIAL.resolve("harvest-time-entries.yaml"), dir.resolve("harvest-time-entries.yaml"));
    caseDir = Files.createDirectories(dir.resolve("cases/three-pages/mappings"));
    Path source = TUTORIAL.resolve("cases/three-pages");
    for (String f :
        List.of(
            "case.yaml",
            "expected.jsonl",
            "mappings/01-page-1.json",
            "mappings/02-page-2.json",
            "mappings/03-page-3.json")) {
      Files.copy(source.resolve(f), dir.resolve("cases/three-pages").resolve(f));
    }
    caseDir = dir.resolve("cases/three-pages");
    expectedRecords = Files.readString(caseDir.resolve("expected.jsonl"));
  }

  @Test
  void rewritesTheRecordsAndTheStatedCountsKeepingCommentsAndOtherKeys() throws IOException {
    String edited =
        "# pinned by hand\n"
            + Files.readString(caseDir.resolve("case.yaml"))
                .replace("requests: 3", "requests: 7   # three pages")
                .replace("recordsEmitted: 5", "recordsEmitted: 4");
    Files.writeString(caseDir.resolve("case.yaml"), edited);
    Files.writeString(
        caseDir.resolve("expected.jsonl"), expectedRecords.lines().findFirst().get() + "\n");

    int status = ConformanceMain.run(List.of(dir.resolve("cases")), out, true);

    assertThat(text())
        .startsWith(
            "UPDATED three-pages: expected.jsonl (5 records); case.yaml"
                + " (expect.requests 7 → 3, expect.result.recordsEmitted 4 → 5)\nPASS three-pages\n")
        .containsPattern("\n1 case: 1 passed, 0 failed, 1 updated \\([0-9.]+s\\)\n$");
    assertThat(status).isZero();
    assertThat(Files.readString(caseDir.resolve("expected.jsonl"))).isEqualTo(expectedRecords);
    assertThat(Files.readString(caseDir.resolve("case.yaml")))
        .isEqualTo(
            edited
                .replace("requests: 7   # three pages", "requests: 3   # three pages")
                .replace("recordsEmitted: 4", "recordsEmitted: 5"));
  }

  @Test
  void neverRewritesTheStopReasonSoACaseFailingOnItStillFails() throws IOException {
    String edited =
        Files.readString(caseDir.resolve("case.yaml"))
            .replace("stopReason: condition-false", "stopReason: empty-page")
            .replace("pages: 3", "pages: 2");
    Files.writeString(caseDir.resolve("case.yaml"), edited);

    int status = ConformanceMain.run(List.of(dir.resolve("cases")), out, true);

    assertThat(text())
        .startsWith(
            "UPDATED three-pages: case.yaml (expect.result.pages 2 → 3)\n" + "FAIL three-pages")
        .contains("  * stop reason: expected empty-page, got condition-false\n")
        .contains("1 case: 0 passed, 1 failed, 1 updated");
    assertThat(status).isEqualTo(1);
    assertThat(Files.readString(caseDir.resolve("case.yaml")))
        .isEqualTo(edited.replace("pages: 2", "pages: 3"));
  }

  @Test
  void withoutUpdateNothingIsWritten() throws IOException {
    Files.writeString(caseDir.resolve("expected.jsonl"), "{\"id\":1}\n");

    int status = ConformanceMain.run(List.of(dir.resolve("cases")), out, false);

    assertThat(status).isEqualTo(1);
    assertThat(text()).doesNotContain("UPDATED").contains("1 case: 0 passed, 1 failed (");
    assertThat(Files.readString(caseDir.resolve("expected.jsonl"))).isEqualTo("{\"id\":1}\n");
  }

  @Test
  void aPassingCaseIsLeftAsItIs() throws IOException {
    String before = Files.readString(caseDir.resolve("case.yaml"));

    assertThat(ConformanceMain.run(List.of(dir.resolve("cases")), out, true)).isZero();

    assertThat(text()).startsWith("PASS three-pages\n").contains("1 passed, 0 failed, 0 updated");
    assertThat(Files.readString(caseDir.resolve("case.yaml"))).isEqualTo(before);
  }

  @Test
  void rewritesTheRecordsOfAConnectorCase() throws IOException {
    Path source = Path.of("cases/connectors/composite-keys");
    Path connector = Files.createDirectories(dir.resolve("connectors/composite-keys"));
    Files.copy(source.resolve("case.yaml"), connector.resolve("case.yaml"));
    List<String> keys = Files.readAllLines(source.resolve("keys.jsonl"));
    Files.writeString(connector.resolve("keys.jsonl"), keys.get(0) + "\n");

    int status = ConformanceMain.run(List.of(dir.resolve("connectors")), out, true);

    assertThat(text())
        .startsWith("UPDATED composite-keys: keys.jsonl (9 keys)\nPASS composite-keys\n");
    assertThat(status).isZero();
    assertThat(Files.readAllLines(connector.resolve("keys.jsonl")))
        .containsExactlyInAnyOrderElementsOf(keys);
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
