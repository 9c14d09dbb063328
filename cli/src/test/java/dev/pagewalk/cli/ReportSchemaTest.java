package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.pagewalk.StopReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --report} writes the one report document ({@code pagewalk-report-v1.schema.json}) for
 * every way a run ends: complete, truncated, failed, resumed.
 */
class ReportSchemaTest {
  static final String SCHEMA = "/dev/pagewalk/schema/pagewalk-report-v1.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  MockServer api;
  final Cli cli = Cli.withEnvironment(Map.of("TOKEN", MockServer.TOKEN));
  @TempDir Path dir;

  @BeforeEach
  void start() {
    api = new MockServer().withTwoPages();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** Schema violations of {@code json}, one line each; empty when it conforms. */
  static List<String> violations(String json) throws IOException {
    try (InputStream in = ReportSchemaTest.class.getResourceAsStream(SCHEMA)) {
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(JSON.readTree(in));
      return schema.validate(JSON.readTree(json)).stream().map(Object::toString).sorted().toList();
    }
  }

  private JsonNode report(int exitCode, String... options) throws IOException {
    Path file = dir.resolve("report-" + System.nanoTime() + ".json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                RunCommandTest.SPEC,
                "--base-url",
                api.url(),
                "--connection=token=env:TOKEN",
                "--report",
                file.toString()));
    args.addAll(Arrays.asList(options));
    Cli.Result r = cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isEqualTo(exitCode);
    String json = Files.readString(file);
    assertThat(violations(json)).as(json).isEmpty();
    return JSON.readTree(json);
  }

  @Test
  void aCompleteRunsReportConformsAndCountsWhatTheApiServed() throws IOException {
    JsonNode r = report(ExitCodes.COMPLETE, "-o", dir.resolve("out.jsonl").toString());
    assertThat(r.get("outcome").asText()).isEqualTo("natural");
    assertThat(r.get("stopReason").asText()).isEqualTo("condition-false");
    assertThat(r.get("requests").toString())
        .isEqualTo("{\"total\":2,\"initial\":1,\"pagination\":1,\"retries\":0}");
    assertThat(r.get("records").get("emitted").asLong()).isEqualTo(3);
    assertThat(r.get("limits").toString())
        .isEqualTo(
            "{\"maxRequests\":100,"
                + "\"maxPaginationRequests\":50,\"maxRecords\":3200,\"timeout\":\"40s\"}");
    assertThat(r.has("failure")).isFalse();
    assertThat(r.has("errorCode")).isFalse();
    assertThat(r.get("verdict").asText()).isEqualTo("UNVERIFIED");
  }

  @Test
  void aTruncatedRunsReportConforms() throws IOException {
    JsonNode r =
        report(
            ExitCodes.TRUNCATED,
            "--max-records",
            "1",
            "--max-requests",
            "unlimited",
            "-o",
            dir.resolve("out.jsonl").toString());
    assertThat(r.get("outcome").asText()).isEqualTo("truncated");
    assertThat(r.get("stopReason").asText()).isEqualTo("max-records");
    assertThat(r.get("limits").get("maxRecords").asLong()).isEqualTo(1);
    assertThat(r.get("limits").get("maxRequests").asText()).isEqualTo("unlimited");
    assertThat(r.get("verdict").asText()).isEqualTo("INCOMPLETE");
  }

  @Test
  void aFailedRunsReportConformsAndCarriesTheFailure() throws IOException {
    failSecondPage();
    JsonNode r = report(ExitCodes.RUN_FAILURE, "-o", dir.resolve("out.jsonl").toString());
    assertThat(r.get("outcome").asText()).isEqualTo("failed");
    assertThat(r.get("stopReason").asText()).isEqualTo("error");
    assertThat(r.get("failure").asText())
        .isEqualTo(
            "items: GET "
                + api.url()
                + "/items?limit=2&cursor=c2 returned 500 Server Error: down for maintenance");
    assertThat(r.get("errorCode").asText()).isEqualTo("http-status");
  }

  @Test
  void aLoopsReportCarriesTheLoopCode() throws IOException {
    api.server.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c2"))
            .atPriority(1)
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                    "{\"data\":[{\"id\":3}],\"has_more\":true,\"next\":\"c2\"}")));
    JsonNode r = report(ExitCodes.RUN_FAILURE, "-o", dir.resolve("out.jsonl").toString());
    assertThat(r.get("stopReason").asText()).isEqualTo("loop-detected");
    assertThat(r.get("errorCode").asText()).isEqualTo("loop");
  }

  @Test
  void aResumedRunsReportConformsAndSaysWhereItResumed() throws IOException {
    Path out = dir.resolve("out.jsonl");
    StubMapping outage = failSecondPage();
    JsonNode failed = report(ExitCodes.RUN_FAILURE, "-o", out.toString(), "--resume");
    api.server.removeStub(outage);

    JsonNode r = report(ExitCodes.COMPLETE, "-o", out.toString(), "--resume");

    assertThat(r.get("runId").asText()).isEqualTo(failed.get("runId").asText());
    assertThat(r.get("notes").toString())
        .isEqualTo(
            "[\"resumed run " + failed.get("runId").asText() + " at page 2 after 2 records\"]");
    assertThat(r.get("outcome").asText()).isEqualTo("natural");
  }

  @Test
  void nameEveryStopReasonAndOutcomeTheEngineHas() throws IOException {
    JsonNode properties;
    try (InputStream in = ReportSchemaTest.class.getResourceAsStream(SCHEMA)) {
      properties = JSON.readTree(in).get("properties");
    }
    List<String> reasons = new ArrayList<>();
    properties.get("stopReason").get("enum").forEach(n -> reasons.add(n.asText()));
    List<String> outcomes = new ArrayList<>();
    properties.get("outcome").get("enum").forEach(n -> outcomes.add(n.asText()));
    assertThat(reasons)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(StopReason.values()).map(StopReason::wireName).toList());
    assertThat(outcomes)
        .contains("cancelled")
        .containsAll(
            Arrays.stream(StopReason.Kind.values())
                .map(k -> k.name().toLowerCase(Locale.ROOT))
                .toList());
  }

  @Test
  void nameEveryErrorCodeTheEngineHas() throws IOException {
    JsonNode codes;
    try (InputStream in = ReportSchemaTest.class.getResourceAsStream(SCHEMA)) {
      codes = JSON.readTree(in).get("properties").get("errorCode").get("enum");
    }
    List<String> named = new ArrayList<>();
    codes.forEach(n -> named.add(n.asText()));
    assertThat(named)
        .containsExactlyElementsOf(
            Arrays.stream(dev.pagewalk.ErrorCode.values())
                .map(dev.pagewalk.ErrorCode::wireName)
                .toList());
  }

  private StubMapping failSecondPage() {
    return api.server.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c2"))
            .atPriority(1)
            .willReturn(serverError().withBody("{\"message\":\"down for maintenance\"}")));
  }
}
