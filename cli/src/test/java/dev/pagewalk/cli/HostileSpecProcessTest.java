package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs that pass {@code validate} but were built to exhaust the runner, run as an operator runs
 * them: a real process with a small heap against an API on loopback. Each ends with a located error
 * and the run-failure code, long before its timeout, instead of running out of memory.
 */
class HostileSpecProcessTest {
  static final Duration WITHIN = Duration.ofSeconds(60);

  @TempDir Path dir;
  MockServer api;

  @BeforeEach
  void start() {
    api = new MockServer();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  CliProcess.Result run(String spec) throws Exception {
    Files.writeString(dir.resolve("hostile.yaml"), spec.replace("BASE", api.url()));
    CliProcess cli = CliProcess.in(dir, Map.of()).withJvmOption("-Xmx256m");
    CliProcess.Result validated = cli.run(WITHIN, "validate", "hostile.yaml");
    assertThat(validated.code()).as(validated.err()).isEqualTo(ExitCodes.COMPLETE);
    long started = System.nanoTime();
    CliProcess.Result r = cli.run(WITHIN, "run", "hostile.yaml", "--timeout", "120s");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    return r;
  }

  @Test
  void aReplaceNestedFourDeepEndsWithResultTooLarge() throws Exception {
    String e = "parameters.s";
    for (int i = 0; i < 4; i++) {
      e = "replace(" + e + ",''," + e + ")";
    }
    CliProcess.Result r =
        run(
            """
        pagewalk: 1
        name: hostile
        baseUrl: BASE
        parameters:
          s: {type: string, default: abcdefgh}
        request:
          url: /items
          qs:
            q: "{{%s}}"
        """
                .formatted(e));
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(r.err())
        .contains(
            "hostile.yaml:9:11 (/request/qs/q): expression {{"
                + e
                + "}}: result too large: replace would"
                + " build 43046720 characters (at most 16777216)")
        .doesNotContain("OutOfMemoryError");
    assertThat(api.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aJsonpathDeepScanOverADeepResponseStopsAfterItsStepBudget() throws Exception {
    String deep = "{\"data\":" + "[".repeat(60) + "]".repeat(60) + "}";
    api.server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(deep)));
    CliProcess.Result r =
        run(
            """
        pagewalk: 1
        name: hostile
        baseUrl: BASE
        request:
          url: /items
          response:
            iterate: "{{jsonpath(body.data, '$..*..*..*..*..*..*')}}"
        """);
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(r.err())
        .contains(
            "hostile.yaml:7:17 (/request/response/iterate): expression {{jsonpath(body.data,"
                + " '$..*..*..*..*..*..*')}}: jsonpath '$..*..*..*..*..*..*' needs more than 1000000 steps on"
                + " this value (each deep scan '..' multiplies the work)")
        .doesNotContain("OutOfMemoryError");
  }

  @Test
  void aSlowExpressionRepeatedOverManyRecordsStopsAtThePagesDeadline() throws Exception {
    StringBuilder body = new StringBuilder("{\"big\":\"" + "a".repeat(1 << 20) + "\",\"data\":[");
    for (int i = 0; i < 2000; i++) {
      body.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
    }
    api.server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(body + "]}")));
    Files.writeString(
        dir.resolve("hostile.yaml"),
        """
        pagewalk: 1
        name: hostile
        baseUrl: %s
        request:
          url: /items
          response:
            iterate: "{{body.data}}"
            output:
              id: "{{item.id}}"
              n: "{{length(replace(replace(body.big, 'a', 'bb'), 'b', 'cc'))}}"
        """
            .formatted(api.url()));
    CliProcess cli = CliProcess.in(dir, Map.of()).withJvmOption("-Xmx256m");
    long started = System.nanoTime();
    CliProcess.Result r =
        cli.run(WITHIN, "run", "hostile.yaml", "--timeout", "2s", "--report", "report.json");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(r.err())
        .contains(
            "hostile.yaml:10:13 (/request/response/output/n): expression"
                + " {{length(replace(replace(body.big, 'a', 'bb'), 'b', 'cc'))}}: evaluation passed"
                + " its deadline (limits.timeout 2s after the page arrived)");
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(dir.resolve("report.json")))
        .contains("\"stopReason\" : \"timeout\"");
    // 2,000 records at tens of milliseconds each would take minutes; the deadline is 2 s
    assertThat(took).isLessThan(Duration.ofSeconds(20));
  }
}
