package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.sinks.SqliteSink;
import dev.pagewalk.state.Checkpoint;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pagewalk run} as a real process: SIGINT and SIGTERM stop it after a whole page, with the
 * report, the checkpoint and the command that continues it; a second signal stops it at once; a
 * closed stdout counts no record it did not take; {@code --fail-on} reaches the exit code. The API
 * is slow (a fixed delay per page), so a signal lands mid-run.
 */
class StopAndExitProcessTest {
  static final int PAGES = 8;
  static final Pattern STOPPED =
      Pattern.compile(
          "pagewalk run: stopped at page (\\d+) after (\\d+) records; continue with: (pagewalk run .*)\n");

  @TempDir Path dir;
  MockServer api;
  Path spec;
  CliProcess pagewalk;

  @BeforeEach
  void start() throws Exception {
    api = new MockServer();
    spec = Path.of(RunCommandTest.SPEC).toAbsolutePath();
    pagewalk = CliProcess.in(dir, Map.of("TOKEN", MockServer.TOKEN));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** Pages of two records (ids 1..16) behind a cursor, each served after {@code delayMs}. */
  private void slowPages(int delayMs, int slowPage, int slowPageDelayMs) {
    for (int page = 1; page <= PAGES; page++) {
      int a = 2 * page - 1;
      String body =
          "{\"data\":[{\"id\":"
              + a
              + "},{\"id\":"
              + (a + 1)
              + "}],\"has_more\":"
              + (page < PAGES)
              + ",\"next\":"
              + (page < PAGES ? "\"c" + (page + 1) + "\"" : "null")
              + "}";
      api.server.stubFor(
          get(urlPathEqualTo("/items"))
              .withQueryParam("cursor", page == 1 ? absent() : equalTo("c" + page))
              .willReturn(
                  okJson(body).withFixedDelay(page == slowPage ? slowPageDelayMs : delayMs)));
    }
  }

  private String[] run(String... options) {
    List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--base-url", api.url()));
    args.addAll(Arrays.asList(options));
    return args.toArray(String[]::new);
  }

  private static List<Long> ids(List<String> lines) {
    return lines.stream().map(l -> Long.parseLong(l.replaceAll("\\D+", ""))).toList();
  }

  private static List<Long> allIds() {
    return IntStream.rangeClosed(1, 2 * PAGES).mapToObj(i -> (long) i).toList();
  }

  private static void await(String what, CheckedCondition condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.holds()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @FunctionalInterface
  interface CheckedCondition {
    boolean holds() throws Exception;
  }

  /** Runs the printed command in-process, as an operator would paste it. */
  private Cli.Result continueWith(String command) {
    assertThat(command).startsWith("pagewalk run ").endsWith(" --resume");
    String[] words = command.substring("pagewalk ".length()).split(" ");
    return Cli.withEnvironment(Map.of("TOKEN", MockServer.TOKEN)).run(words);
  }

  @Test
  void sigintStopsAfterAWholePageWritesReportAndCheckpointAndTheResumeFinishesExactlyOnce()
      throws Exception {
    slowPages(300, 0, 0);
    Path out = dir.resolve("out.jsonl");
    Path report = dir.resolve("run.json");
    Path audit = dir.resolve("audit.jsonl");
    CliProcess.Running running =
        pagewalk.start(
            run(
                "--connection=token=env:TOKEN",
                "-o",
                out.toString(),
                "--report",
                report.toString(),
                "--audit-log",
                audit.toString()));
    await("page 1 written", () -> Files.exists(out) && Files.readAllLines(out).size() >= 2);
    running.signal("INT");
    CliProcess.Result r = running.waitFor(Duration.ofSeconds(30));

    assertThat(r.code()).isEqualTo(ExitCodes.CANCELLED);
    assertThat(r.err())
        .startsWith(
            "pagewalk run: SIGINT: stopping after the page in flight (send it again to stop at once)\n");
    Matcher stopped = STOPPED.matcher(r.err());
    assertThat(stopped.find()).as(r.err()).isTrue();
    long page = Long.parseLong(stopped.group(1));
    long records = Long.parseLong(stopped.group(2));
    assertThat(r.err()).contains("\nCANCELLED: " + records + " records, ");
    assertThat(stopped.group(3))
        .isEqualTo(
            "pagewalk run "
                + spec
                + " --base-url "
                + api.url()
                + " --connection token=env:TOKEN --out "
                + out
                + " --report "
                + report
                + " --audit-log "
                + audit
                + " --resume");
    List<String> lines = Files.readAllLines(out);
    assertThat(ids(lines)).isEqualTo(allIds().subList(0, (int) records));
    assertThat(page).isEqualTo(records / 2 + 1).isLessThan(PAGES + 1);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("stopReason").asText()).isEqualTo("cancelled");
    assertThat(json.get("records").get("emitted").asLong()).isEqualTo(records);
    assertThat(json.get("pages").asLong()).isEqualTo(page - 1);
    List<String> auditLines = Files.readAllLines(audit);
    assertThat(auditLines.stream().filter(l -> l.startsWith("{\"event\":\"page\"")).count())
        .isEqualTo(page - 1);
    assertThat(auditLines.get(auditLines.size() - 1))
        .startsWith("{\"event\":\"end\"")
        .contains("\"stopReason\":\"cancelled\"", "\"records\":" + records + ",");
    Checkpoint cp;
    try (JsonLinesSink sink = JsonLinesSink.toFile(out, dir.resolve(".pagewalk-state"))) {
      cp = sink.checkpoint("items").orElseThrow();
    }
    assertThat(List.of(cp.status(), cp.page(), cp.counters().get("recordsEmitted")))
        .containsExactly(Checkpoint.Status.RUNNING, page, records);

    Cli.Result resumed = continueWith(stopped.group(3));
    assertThat(resumed.code()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(resumed.err()).startsWith("pagewalk run: resumed run ");
    assertThat(ids(Files.readAllLines(out))).isEqualTo(allIds());
  }

  @Test
  void sigtermStopsARunIntoSqliteWithoutEchoingTheSecretAndTheResumeFinishesExactlyOnce()
      throws Exception {
    slowPages(300, 0, 0);
    Path db = dir.resolve("out.db");
    CliProcess.Running running =
        pagewalk.start(run("-c", "token=" + MockServer.TOKEN, "-o", "sqlite:" + db, "-q"));
    await("page 2 requested", () -> api.server.getAllServeEvents().size() >= 2);
    Thread.sleep(400);
    running.signal("TERM");
    CliProcess.Result r = running.waitFor(Duration.ofSeconds(30));

    assertThat(r.code()).isEqualTo(ExitCodes.CANCELLED);
    assertThat(r.err()).doesNotContain(MockServer.TOKEN);
    Matcher stopped = STOPPED.matcher(r.err());
    assertThat(stopped.find()).as(r.err()).isTrue();
    long records = Long.parseLong(stopped.group(2));
    assertThat(records).isBetween(2L, 2L * PAGES - 2);
    assertThat(stopped.group(3))
        .isEqualTo(
            "pagewalk run "
                + spec
                + " --base-url "
                + api.url()
                + " --connection 'token=***' --out sqlite:"
                + db
                + " --quiet --resume");
    try (SqliteSink sqlite = SqliteSink.open(db)) {
      assertThat(sqlite.count("items")).isEqualTo(records);
      assertThat(sqlite.checkpoint("items").orElseThrow().counters().get("recordsEmitted"))
          .isEqualTo(records);
    }

    Cli.Result resumed =
        continueWith(stopped.group(3).replace("'token=***'", "token=" + MockServer.TOKEN));
    assertThat(resumed.code()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETE);
    try (SqliteSink sqlite = SqliteSink.open(db)) {
      assertThat(sqlite.count("items")).isEqualTo(2L * PAGES);
      assertThat(sqlite.keys("items")).hasSize(2 * PAGES);
    }
  }

  @Test
  void aSecondSignalStopsAtOnceAndTheLastCheckpointStillHolds() throws Exception {
    Path slowSpec = dir.resolve("paced.yaml");
    Files.writeString(
        slowSpec,
        Files.readString(spec)
            .replace(
                "    condition: \"{{body.has_more}}\"",
                "    condition: \"{{body.has_more}}\"\n    delay: 10ms"));
    spec = slowSpec;
    slowPages(0, 2, 8_000);
    Path out = dir.resolve("out.jsonl");
    CliProcess.Running running = pagewalk.start(run("-c", "token=env:TOKEN", "-o", out.toString()));
    await("page 1 written", () -> Files.exists(out) && Files.readAllLines(out).size() >= 2);
    Thread.sleep(500); // the run's own thread now waits for the slow page 2
    running.signal("INT");
    Thread.sleep(300);
    long second = System.nanoTime();
    running.signal("INT");
    CliProcess.Result r = running.waitFor(Duration.ofSeconds(30));

    assertThat(Duration.ofNanos(System.nanoTime() - second)).isLessThan(Duration.ofSeconds(4));
    assertThat(r.code()).isEqualTo(ExitCodes.CANCELLED);
    assertThat(r.err())
        .isEqualTo(
            "pagewalk run: SIGINT: stopping after the page in flight (send it again to stop at once)\n"
                + "pagewalk run: SIGINT again: stopping at once; the checkpoint of the last page"
                + " written stands\n");
    assertThat(ids(Files.readAllLines(out))).containsExactly(1L, 2L);

    api.server.resetAll();
    slowPages(0, 0, 0);
    Cli.Result resumed =
        continueWith(
            "pagewalk run "
                + slowSpec
                + " --base-url "
                + api.url()
                + " -c token=env:TOKEN -o "
                + out
                + " --resume");
    assertThat(resumed.code()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(resumed.err()).startsWith("pagewalk run: resumed run ");
    assertThat(ids(Files.readAllLines(out))).isEqualTo(allIds());
  }

  @Test
  void aClosedStdoutCountsNoRecordItDidNotTake() throws Exception {
    api.withTwoPages();
    Path report = dir.resolve("run.json");
    CliProcess.Result r =
        pagewalk
            .start(
                new File("/dev/full"), run("-c", "token=env:TOKEN", "--report", report.toString()))
            .waitFor(Duration.ofSeconds(60));

    assertThat(r.code()).isEqualTo(ExitCodes.CANCELLED);
    assertThat(r.err())
        .startsWith("CANCELLED: 0 records, 0 pages, ")
        .contains(
            "pagewalk run: stopped at page 1 after 0 records (records went to stdout, which"
                + " keeps no checkpoint: give --out FILE to be able to resume)\n");
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("records").get("emitted").asLong()).isZero();
    assertThat(json.get("pages").asLong()).isZero();
    assertThat(json.get("records").get("received").asLong()).isEqualTo(2);
  }

  @Test
  void anUnverifiedRunExitsWithTheVerdictCodeUnderFailOnUnverified() throws Exception {
    api.withTwoPages();
    CliProcess.Result r =
        pagewalk.run(
            Duration.ofSeconds(60), run("-c", "token=env:TOKEN", "--fail-on", "unverified"));

    assertThat(r.code()).isEqualTo(ExitCodes.VERDICT);
    assertThat(r.out()).isEqualTo(RunCommandTest.RECORDS);
    assertThat(r.err())
        .endsWith("pagewalk run: verdict UNVERIFIED is at or below --fail-on unverified: exit 6\n");
  }
}
