package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a real process: what {@link CliProcess} starts is the tool users run. */
class ChildProcessTest {
  @TempDir Path dir;

  @Test
  void aSpecErrorExitsWithTheSpecCodeFromARealProcess() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "pagewalk: 1\nname: Bad Name\n");
    CliProcess.Result r =
        CliProcess.in(dir, Map.of()).run(Duration.ofSeconds(60), "validate", "bad.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.SPEC_ERROR);
    assertThat(r.err()).contains("bad.yaml:2");
  }

  @Test
  void versionPrintsWhatPicocliPrintsWithoutBuildingTheCommandLine() throws Exception {
    String picocli = Cli.plain().run("--version").out();
    for (String flag : new String[] {"--version", "-V"}) {
      CliProcess.Result r = CliProcess.in(dir, Map.of()).run(Duration.ofSeconds(60), flag);
      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out())
          .isEqualTo(picocli)
          .isEqualTo(
              "pagewalk 0.1.0-SNAPSHOT\nJava "
                  + System.getProperty("java.version")
                  + " ("
                  + System.getProperty("java.vendor")
                  + ")\n");
    }
  }
}
