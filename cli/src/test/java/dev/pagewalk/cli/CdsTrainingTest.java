package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The specs the class-data-sharing archive is recorded from are valid, so the recording goes
 * through everything they are there to load (a spec error stops a recording: no archive is kept).
 */
class CdsTrainingTest {
  @TempDir Path dir;

  @Test
  void theTrainingSpecsAreValid() throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), CdsTraining.SPEC);
    Path connector = Files.writeString(dir.resolve("connector.yaml"), CdsTraining.CONNECTOR);
    Cli.Result r = Cli.plain().run("validate", spec.toString(), connector.toString());
    // the small spec keeps its warning: printing one is part of what validate loads
    assertThat(r.err())
        .isEqualTo(
            spec
                + ":12:3: warning: this spec uses Make's default caps: 100 requests, 50 pagination"
                + " requests, 3,200 records; a run that reaches one stops, truncated (at"
                + " /request/pagination)\n"
                + "    pagination:\n"
                + "    ^\n"
                + "  hint: set limits: {maxRequests: N, maxPaginationRequests: N, maxRecords: N},"
                + " each a number or unlimited\n");
    assertThat(r.out()).isEqualTo(spec + ": ok\n" + connector + ": ok\n");
    assertThat(r.code()).isZero();
  }
}
