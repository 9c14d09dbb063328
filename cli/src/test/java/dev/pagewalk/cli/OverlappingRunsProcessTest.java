package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on the same {@code --out} and state at once (a cron job that overruns): the second fails
 * fast and writes nothing; a lock left by a killed run does not block the next one.
 */
class OverlappingRunsProcessTest {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final List<String> ALL =
      List.of(
          "{\"id\":1,\"name\":\"ä\"}", "{\"id\":2,\"price\":1.50}", "{\"id\":3,\"tags\":[\"x\"]}");

  @TempDir Path dir;
  MockServer api;
  CliProcess cli;
  Path out;
  StubMapping slowSecondPage;

  @BeforeEach
  void start() {
    api = new MockServer().withTwoPages();
    slowSecondPage =
        api.server.stubFor(
            get(urlPathEqualTo("/items"))
                .withQueryParam("cursor", equalTo("c2"))
                .atPriority(1)
                .willReturn(
                    okJson("{\"data\":[{\"id\":3,\"tags\":[\"x\"]}],\"has_more\":false}")
                        .withFixedDelay(6000)));
    cli = CliProcess.in(dir, Map.of("TOKEN", MockServer.TOKEN));
    out = dir.resolve("items.jsonl");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  String[] args() {
    return new String[] {
      "run",
      SyncSafetyProcessTest.SPEC,
      "-c",
      "token=env:TOKEN",
      "--base-url",
      api.url(),
      "-o",
      out.toString(),
      "--resume"
    };
  }

  /** Starts a run and returns once its first page is in the file (it waits for the second). */
  CliProcess.Running startedAndHalfway() throws Exception {
    CliProcess.Running first = cli.start(args());
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!(Files.exists(out) && Files.readAllLines(out).size() == 2)) {
      assertThat(first.process.isAlive()).as("first run still running").isTrue();
      assertThat(System.nanoTime()).as("first page written in time").isLessThan(deadline);
      Thread.sleep(50);
    }
    return first;
  }

  @Test
  void aSecondRunWhileTheFirstHoldsTheStateFailsFastAndWritesNothing() throws Exception {
    CliProcess.Running first = startedAndHalfway();

    CliProcess.Result second = cli.run(TIMEOUT, args());

    Path lock = dir.resolve(".pagewalk-state/items.lock");
    assertThat(second.err().replaceFirst(" since [^)]+\\)", " since T)"))
        .isEqualTo(
            "pagewalk run: items: cannot open the sink: another run holds "
                + lock
                + " (pid "
                + first.process.pid()
                + " since T); wait for it to end, or give this run its own"
                + " --out and --state\n");
    assertThat(second.err()).containsPattern(" since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    assertThat(second.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(first.process.isAlive()).as("the first run was still running").isTrue();
    assertThat(Files.readAllLines(out)).hasSize(2);

    CliProcess.Result firstEnded = first.waitFor(TIMEOUT);
    assertThat(firstEnded.code()).as(firstEnded.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(Files.readAllLines(out)).containsExactlyElementsOf(ALL);
  }

  @Test
  void aLockLeftByAKilledRunIsReleasedByTheSystem() throws Exception {
    CliProcess.Running first = startedAndHalfway();
    first.signal("KILL");
    first.waitFor(TIMEOUT);
    assertThat(dir.resolve(".pagewalk-state/items.lock")).exists();
    api.server.removeStub(slowSecondPage);

    CliProcess.Result resumed = cli.run(TIMEOUT, args());

    assertThat(resumed.code()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(Files.readAllLines(out)).containsExactlyElementsOf(ALL);
  }
}
