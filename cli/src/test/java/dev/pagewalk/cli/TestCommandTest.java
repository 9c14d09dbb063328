package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
  @TempDir Path dir;

  @Test
  void aCaseWhoseRecordsDifferFailsWithTheRunnersCode() throws IOException {
    Cli.plain().run("init", "acme", "--dir", dir.toString());
    Files.writeString(dir.resolve("acme/cases/basic/expected.jsonl"), "{\"id\":1,\"name\":\"first\"}\n");
    Cli.Result r = Cli.plain().run("test", dir.resolve("acme/cases").toString());
    assertThat(r.out()).contains("FAIL basic", "1 case: 0 passed, 1 failed");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void aFolderWithoutCasesIsReported() {
    Cli.Result r = Cli.plain().run("test", dir.toString());
    assertThat(r.out()).isEqualTo("no case.yaml found under [" + dir + "]\n");
    assertThat(r.code()).isEqualTo(2);
  }
}
