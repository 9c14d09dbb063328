package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a terminal, a connector run's progress line counts its streams and walks. */
class StreamsProgressTest {
  @TempDir Path dir;

  @Test
  void countsStreamsAndWalksDoneRunningAndPending() throws Exception {
    Path spec = dir.resolve("gh.yaml");
    Files.writeString(spec, PlanCommandTest.SPEC);
    try (MockServer api = PlanCommandTest.stubbed(new MockServer())) {
      Cli.Result r =
          Cli.plain()
              .onTerminal()
              .run(
                  "run",
                  spec.toString(),
                  "--base-url",
                  api.url(),
                  "-o",
                  dir.resolve("out").toString());
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.COMPLETE);
      List<String> frames =
          Arrays.stream(r.err().split("\r"))
              .filter(f -> f.endsWith("\u001b[K") && f.length() > 3)
              .map(f -> f.substring(0, f.length() - 3))
              .toList();
      assertThat(frames.get(0))
          .isEqualTo(
              "streams 0 done, 0 running, 2 pending; walks 0 done, 0 running, 1 pending"
                  + " - 0 pages, 0 records, 0 records/s, 0 retries, 0 waits");
      assertThat(frames.get(1))
          .startsWith("streams 0 done, 1 running, 1 pending; walks 0 done, 1 running, 0 pending");
      assertThat(frames)
          .anyMatch(
              f ->
                  f.matches(
                      "streams 0 done, 2 running, 0 pending; walks \\d+ done, [12] running.*"));
      assertThat(frames.get(frames.size() - 1))
          .matches(
              "streams 2 done, 0 running, 0 pending; walks 41 done, 0 running, 0 pending"
                  + " - 84 pages, 360 records, \\d+ records/s, 0 retries, 0 waits");
      assertThat(r.err())
          .endsWith(
              "\r\u001b[Krepos: COMPLETE, 40 records, 4 requests, 1 walk\n"
                  + "issues: COMPLETE, 320 records, 80 requests, 40 walks\n"
                  + "COMPLETE: gh\n");
    }
  }
}
