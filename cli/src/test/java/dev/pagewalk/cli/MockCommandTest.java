package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pagewalk mock}: a case's mappings served until the process is stopped. */
class MockCommandTest {
  private static final Path TUTORIAL = Path.of("../docs/tutorial").toAbsolutePath().normalize();
  private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:[0-9]+);");

  @TempDir Path dir;

  @Test
  void servesTheTutorialCaseSoTheSpecRunsAgainstItUntilStopped() throws Exception {
    CliProcess.Running mock =
        CliProcess.in(dir, Map.of())
            .start("mock", TUTORIAL.resolve("cases/three-pages").toString(), "--port", "0");
    String url = null;
    for (int i = 0; i < 300 && url == null; i++) {
      Matcher m = URL.matcher(mock.outSoFar());
      url = m.find() ? m.group(1) : null;
      Thread.sleep(100);
    }
    assertThat(url).as(mock.errSoFar()).isNotNull();
    assertThat(mock.outSoFar())
        .startsWith(
            "pagewalk mock: "
                + TUTORIAL.resolve("cases/three-pages")
                + " (3 mappings) at "
                + url
                + "; stop with Ctrl-C\n");

    Cli.Result run =
        Cli.plain()
            .run(
                "run",
                TUTORIAL.resolve("harvest-time-entries.yaml").toString(),
                "--base-url",
                url,
                "-p",
                "per_page=2",
                "-c",
                "account_id=123456",
                "-c",
                "access_token=tok_test");
    assertThat(run.out().lines()).hasSize(5);
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.COMPLETE);

    mock.signal("TERM");
    assertThat(mock.waitFor(Duration.ofSeconds(30)).code()).isEqualTo(128 + 15);
  }

  @Test
  void aFolderWithoutMappingsIsAUsageError() {
    Cli.Result r = Cli.plain().run("mock", dir.toString());
    assertThat(r.err())
        .isEqualTo("pagewalk mock: no mappings/ folder and no liveData case.yaml in " + dir + "\n");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
  }
}
