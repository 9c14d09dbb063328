package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
  @TempDir Path dir;

  @Test
  void aCaseWhoseRecordsDifferFailsWithTheRunnersCode() throws IOException {
    Cli.plain().run("init", "acme", "--dir", dir.toString());
    Files.writeString(
        dir.resolve("acme/cases/basic/expected.jsonl"), "{\"id\":1,\"name\":\"first\"}\n");
    Cli.Result r = Cli.plain().run("test", dir.resolve("acme/cases").toString());
    assertThat(r.out()).contains("FAIL basic", "1 case: 0 passed, 1 failed");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void updateRewritesTheExpectedRecordsFromTheRunAndSaysSo() throws IOException {
    Cli.plain().run("init", "acme", "--dir", dir.toString());
    Path expected = dir.resolve("acme/cases/basic/expected.jsonl");
    String pinned = Files.readString(expected);
    Files.writeString(expected, "{\"id\":1,\"name\":\"first\"}\n");
    Cli.Result r = Cli.plain().run("test", "--update", dir.resolve("acme/cases").toString());
    assertThat(r.out())
        .startsWith(
            "UPDATED basic: expected.jsonl (" + pinned.lines().count() + " records)\nPASS basic\n");
    assertThat(r.code()).isZero();
    assertThat(Files.readString(expected)).isEqualTo(pinned);
  }

  @Nested
  class RefusedFolders {
    @Test
    void aMissingFolderNextToAGoodOneIsAUsageErrorAndNoCaseRuns() throws Exception {
      Cli.plain().run("init", "acme", "--dir", dir.toString());
      CliProcess.Result r =
          CliProcess.in(dir, Map.of())
              .run(Duration.ofSeconds(60), "test", "acme/cases", "missing-dir");
      assertThat(r.err()).isEqualTo("pagewalk test: no such folder: missing-dir\n");
      assertThat(r.out()).isEmpty();
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFolderWithoutCasesIsAUsageErrorNamingIt() throws IOException {
      Cli.plain().run("init", "acme", "--dir", dir.toString());
      Files.createDirectories(dir.resolve("empty"));
      Cli.Result r =
          Cli.plain()
              .run("test", dir.resolve("acme/cases").toString(), dir.resolve("empty").toString());
      assertThat(r.err())
          .isEqualTo("pagewalk test: no case.yaml under " + dir.resolve("empty") + "\n");
      assertThat(r.out()).isEmpty();
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFileIsNotAFolderOfCases() throws IOException {
      Files.writeString(dir.resolve("case.yaml"), "spec: x.yaml\n");
      Cli.Result r = Cli.plain().run("test", dir.resolve("case.yaml").toString());
      assertThat(r.err())
          .isEqualTo("pagewalk test: not a folder: " + dir.resolve("case.yaml") + "\n");
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    }
  }
}
