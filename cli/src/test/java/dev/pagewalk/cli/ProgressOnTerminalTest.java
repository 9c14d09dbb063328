package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real command in a child JVM under a pseudo-terminal ({@code script}), so the progress
 * line is drawn as a user sees it, and checks that its last counts equal the report's.
 */
class ProgressOnTerminalTest {
  private static final Pattern COUNTS = Pattern.compile("(\\d+) pages?, (\\d+) records, ");

  @TempDir Path dir;

  @Test
  void theProgressLineEndsWithTheReportsCounts() throws Exception {
    assumeTrue(new File("/usr/bin/script").canExecute(), "needs util-linux script");
    try (MockServer api = new MockServer().withTwoPages()) {
      Path report = dir.resolve("report.json");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String command =
          String.join(
              " ",
              List.of(
                  quote(java),
                  "-cp",
                  quote(System.getProperty("java.class.path")),
                  "dev.pagewalk.cli.Main",
                  "run",
                  RunCommandTest.SPEC,
                  "--base-url",
                  api.url(),
                  "-c",
                  "token=" + MockServer.TOKEN,
                  "-o",
                  quote(dir.resolve("out.jsonl").toString()),
                  "--report",
                  quote(report.toString())));
      Process p =
          new ProcessBuilder("script", "-qefc", command, "/dev/null")
              .redirectErrorStream(true)
              .start();
      String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(screen).isZero();

      Matcher m = COUNTS.matcher(screen);
      String pages = null;
      String records = null;
      while (m.find()) {
        pages = m.group(1);
        records = m.group(2);
      }
      assertThat(pages).as("a progress line was drawn:\n" + screen).isNotNull();
      JsonNode r = new ObjectMapper().readTree(Files.readString(report));
      assertThat(Long.parseLong(pages)).isEqualTo(r.get("pages").asLong()).isEqualTo(2);
      assertThat(Long.parseLong(records))
          .isEqualTo(r.get("records").get("emitted").asLong())
          .isEqualTo(3);
      assertThat(screen).contains("\r\u001b[K");
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
