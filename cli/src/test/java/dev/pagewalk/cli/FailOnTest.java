package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code run --fail-on LEVEL}: a run that ended naturally exits {@link ExitCodes#VERDICT} when its
 * verdict is at or below LEVEL (COMPLETE &gt; UNVERIFIED &gt; INCOMPLETE); a truncated, failed or
 * cancelled run keeps its own code; without the option the verdict never changes it.
 */
class FailOnTest {
  static final String TOTALS =
      """
      pagewalk: 1
      name: totals
      baseUrl: https://api.example.invalid
      request:
        url: /totals
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
      audit:
        total: "{{body.total}}"
      """;

  @TempDir Path dir;
  MockServer api;
  Path spec;

  @BeforeEach
  void start() throws Exception {
    api = new MockServer().withTwoPages();
    spec = dir.resolve("totals.yaml");
    Files.writeString(spec, TOTALS);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** One page of one record whose API total says {@code total}: COMPLETE or INCOMPLETE. */
  private Cli.Result totals(long total, String... options) {
    api.server.stubFor(
        get(urlPathEqualTo("/totals"))
            .willReturn(okJson("{\"data\":[{\"id\":1}],\"total\":" + total + "}")));
    String[] args = new String[options.length + 4];
    args[0] = "run";
    args[1] = spec.toString();
    args[2] = "--base-url";
    args[3] = api.url();
    System.arraycopy(options, 0, args, 4, options.length);
    return Cli.plain().run(args);
  }

  private Cli.Result items(String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "run";
    args[1] = RunCommandTest.SPEC;
    args[2] = "--base-url";
    args[3] = api.url();
    args[4] = "--connection=token=env:TOKEN";
    System.arraycopy(options, 0, args, 5, options.length);
    return Cli.withEnvironment(Map.of("TOKEN", MockServer.TOKEN)).run(args);
  }

  @ParameterizedTest(name = "total {0}, --fail-on {1} -> {2}")
  @CsvSource({
    "2, incomplete, 6",
    "2, unverified, 6",
    "2, '', 0",
    "1, incomplete, 0",
    "1, unverified, 0",
  })
  void aNaturalEndExitsWithTheVerdictCodeAtOrBelowTheLevel(long total, String level, int code) {
    Cli.Result r = level.isEmpty() ? totals(total) : totals(total, "--fail-on", level);
    assertThat(r.code()).as(r.err()).isEqualTo(code);
    assertThat(r.out()).isEqualTo("{\"id\":1}\n");
  }

  @Test
  void anIncompleteVerdictSaysWhyTheRunExitsNonZero() {
    Cli.Result r = totals(2, "--fail-on", "INCOMPLETE");
    assertThat(r.err())
        .contains("\nINCOMPLETE: the run may not hold every record\n")
        .endsWith("pagewalk run: verdict INCOMPLETE is at or below --fail-on incomplete: exit 6\n");
  }

  @Test
  void anUnverifiedRunPassesFailOnIncompleteAndFailsFailOnUnverified() {
    assertThat(items("--fail-on", "incomplete").code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(items("--fail-on", "unverified").code()).isEqualTo(ExitCodes.VERDICT);
  }

  @Test
  void aTruncatedRunKeepsItsOwnCode() {
    Cli.Result r = items("--max-records", "1", "--fail-on", "unverified");
    assertThat(r.code()).isEqualTo(ExitCodes.TRUNCATED);
    assertThat(r.err()).doesNotContain("--fail-on");
  }

  @Test
  void anUnknownLevelIsAUsageError() {
    Cli.Result r = items("--fail-on", "never");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .startsWith(
            "pagewalk: Invalid value for option '--fail-on': 'never' is not"
                + " a verdict level: use incomplete or unverified\n");
  }

  @Test
  void helpDocumentsTheOptionAndTheNewExitCodes() {
    Cli.Result r = Cli.plain().run("run", "--help");
    assertThat(r.out())
        .contains("--fail-on=LEVEL")
        .contains("5    cancelled: stopped by SIGINT or SIGTERM")
        .contains("6    verdict: the run ended naturally but its verdict is at or below --fail-on");
    assertThat(Cli.plain().run("--help").out())
        .contains("5    cancelled: ")
        .contains("6    verdict: ");
  }
}
