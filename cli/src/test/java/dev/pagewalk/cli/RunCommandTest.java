package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  static final String SPEC = "src/test/resources/specs/good.yaml";
  static final String RECORDS =
      "{\"id\":1,\"name\":\"ä\"}\n{\"id\":2,\"price\":1.50}\n{\"id\":3,\"tags\":[\"x\"]}\n";

  MockServer api;
  final Cli cli = Cli.withEnvironment(Map.of("TOKEN", MockServer.TOKEN));

  @BeforeEach
  void start() {
    api = new MockServer().withTwoPages();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  Cli.Result run(String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "run";
    args[1] = SPEC;
    args[2] = "--base-url";
    args[3] = api.url();
    args[4] = "--connection=token=env:TOKEN";
    System.arraycopy(options, 0, args, 5, options.length);
    return cli.run(args);
  }

  static String timeless(String text) {
    return text.replaceAll(" in [0-9.]+(ms|s)", " in <t>");
  }

  @Nested
  class ACompleteRun {
    @Test
    void writesEachRecordAsOneJsonLineAndSummarizesOnStderr() {
      Cli.Result r = run();
      assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
      assertThat(r.out()).isEqualTo(RECORDS);
      assertThat(timeless(r.err()))
          .isEqualTo(
              "complete (condition-false): 3 records, 2 pages, 2 requests, 0 retries in <t>\n"
                  + "UNVERIFIED: nothing to prove completeness against\n"
                  + "  advice: nothing to check completeness against: add audit.total (the API's own"
                  + " count, e.g. \"{{body.total_count}}\"), sync.order (the order the API guarantees)"
                  + " or audit.sequentialId (a gap-free numeric id)\n");
    }

    @Test
    void writesAnAuditLogLinePerPageWithoutSecrets(@TempDir Path dir) throws IOException {
      Path log = dir.resolve("audit.jsonl");
      Cli.Result r = run("--audit-log", log.toString());
      assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
      List<String> lines = Files.readAllLines(log);
      assertThat(lines).hasSize(3);
      assertThat(lines.get(0))
          .startsWith("{\"event\":\"page\",\"runId\":\"")
          .contains("\"page\":1", "\"items\":2", "\"firstKey\":1", "\"lastKey\":2");
      assertThat(lines.get(2)).contains("\"event\":\"end\"", "\"records\":3");
      assertThat(String.join("\n", lines)).doesNotContain(MockServer.TOKEN);
    }

    @Test
    void passesParameterTextForTheCoreToConvert() {
      Cli.Result r = run("-p", "page_size=7");
      assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
      api.server.verify(
          2, getRequestedFor(urlPathEqualTo("/items")).withQueryParam("limit", equalTo("7")));
    }

    @Test
    void readsConnectionValuesFromAYamlFile(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("secrets.yaml");
      Files.writeString(file, "token: " + MockServer.TOKEN + "\n");
      Cli.Result r =
          Cli.plain().run("run", SPEC, "--base-url", api.url(), "--connection", file.toString());
      assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
      assertThat(r.out()).isEqualTo(RECORDS);
    }

    @Test
    void neverPrintsTheSecret() {
      Cli.Result r = run("--report", "-");
      assertThat(r.out() + r.err()).doesNotContain(MockServer.TOKEN);
    }

    @Test
    void writesRecordsToTheOutFile(@TempDir Path dir) throws IOException {
      Path out = dir.resolve("items.jsonl");
      Cli.Result r = run("--out", out.toString());
      assertThat(r.out()).isEmpty();
      assertThat(Files.readString(out)).isEqualTo(RECORDS);
    }

    @Test
    void writesAJsonReportOfTheResult(@TempDir Path dir) throws IOException {
      Path report = dir.resolve("report.json");
      Cli.Result r = run("--report", report.toString());
      assertThat(r.out()).isEqualTo(RECORDS);
      JsonNode json = new ObjectMapper().readTree(report.toFile());
      assertThat(json.get("spec").asText()).isEqualTo("items");
      assertThat(json.get("outcome").asText()).isEqualTo("natural");
      assertThat(json.get("stopReason").asText()).isEqualTo("condition-false");
      assertThat(json.has("failure")).isFalse();
      assertThat(json.get("requests").get("total").asLong()).isEqualTo(2);
      assertThat(json.get("requests").get("pagination").asLong()).isEqualTo(1);
      assertThat(json.get("pages").asLong()).isEqualTo(2);
      assertThat(json.get("records").get("emitted").asLong()).isEqualTo(3);
      assertThat(json.get("limits").get("maxRecords").asLong()).isEqualTo(3200);
      assertThat(json.get("records").get("duplicatesDropped").asLong()).isZero();
      assertThat(json.get("verdict").asText()).isEqualTo("UNVERIFIED");
    }

    @Test
    void reportDashPutsTheReportOnStdoutInsteadOfTheRecords() throws IOException {
      Cli.Result r = run("--report", "-");
      JsonNode json = new ObjectMapper().readTree(r.out());
      assertThat(json.get("records").get("emitted").asLong()).isEqualTo(3);
      assertThat(json.get("runId").asText()).isNotEmpty();
    }
  }

  @Nested
  class Progress {
    @Test
    void drawsALiveLineOnATerminalAndErasesItBeforeTheSummary() {
      Cli.Result r =
          Cli.withEnvironment(Map.of("TOKEN", MockServer.TOKEN))
              .onTerminal()
              .run("run", SPEC, "--base-url", api.url(), "-c", "token=env:TOKEN");
      assertThat(r.err())
          .contains("\r1 page, 2 records, ", "\r2 pages, 3 records, ", "0 retries, 0 waits")
          .contains("\r\u001b[Kcomplete (condition-false): 3 records");
    }

    @Test
    void staysQuietWhenStderrIsNotATerminal() {
      assertThat(run().err()).doesNotContain("\r");
    }

    @Test
    void quietPrintsNothingOnSuccess() {
      Cli.Result r =
          Cli.withEnvironment(Map.of("TOKEN", MockServer.TOKEN))
              .onTerminal()
              .run("run", SPEC, "--base-url", api.url(), "-c", "token=env:TOKEN", "--quiet");
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).isEqualTo(RECORDS);
    }
  }

  @Nested
  class ATruncatedRun {
    @Test
    void saysWhichCapStoppedItAndExitsThree() {
      Cli.Result r = run("--max-records", "2");
      assertThat(r.code()).isEqualTo(ExitCodes.TRUNCATED);
      assertThat(r.out()).isEqualTo("{\"id\":1,\"name\":\"ä\"}\n{\"id\":2,\"price\":1.50}\n");
      assertThat(timeless(r.err()))
          .isEqualTo(
              "TRUNCATED by max-records: 2 records, 1 page, 1 request, 0 retries in <t>\n"
                  + "  the cap of 2 records was reached; there may be more records\n"
                  + "INCOMPLETE: the run may not hold every record\n"
                  + "  ✗ stop: truncated by max-records (limits.maxRecords = 2): there may be more records\n"
                  + "  advice: to read on, raise the cap: --max-records N|unlimited on the command line,"
                  + " or limits.maxRecords in the spec\n");
    }
  }

  @Nested
  class AFailedRun {
    @Test
    void printsTheFailureAndExitsFour() {
      api.server.resetAll();
      api.server.stubFor(
          get(urlPathEqualTo("/items"))
              .willReturn(
                  unauthorized()
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"message\":\"Invalid API key\"}")));
      Cli.Result r = run("--report", "-");
      assertThat(r.code()).isEqualTo(ExitCodes.RUN_FAILURE);
      assertThat(r.err())
          .startsWith("FAILED (error): 0 records, 0 pages, 1 request, 0 retries in ")
          .contains("401", "Invalid API key")
          .doesNotContain(MockServer.TOKEN);
      assertThat(r.out())
          .contains(
              "\"stopReason\" : \"error\"",
              "\"outcome\" : \"failed\"",
              "\"failure\" : \"items: GET ")
          .doesNotContain(MockServer.TOKEN);
    }
  }

  @Nested
  class BadInputs {
    @Test
    void aMissingRequiredConnectionValueIsAnInputError() {
      Cli.Result r = Cli.plain().run("run", SPEC, "--base-url", api.url());
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).isEqualTo("pagewalk run: items: connection value 'token' is required\n");
      assertThat(api.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aParameterOfTheWrongTypeIsAnInputError() {
      Cli.Result r = run("-p", "page_size=many");
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .isEqualTo("pagewalk run: items: parameter 'page_size' must be an integer, got 'many'\n");
    }
  }
}
