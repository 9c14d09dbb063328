package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pagewalk plan} against a WireMock API of 40 repositories in pages of 10, where repository
 * i has {@code 5 × (i % 3) + 3} issues in pages of 5 (1 to 3 pages; the API gives both totals).
 */
class PlanCommandTest {
  static final String SPEC =
      """
      pagewalk: 1
      name: gh
      retry: {maxAttempts: 1}
      limits: {maxRequests: unlimited, maxRecords: unlimited}
      concurrency: 2
      streams:
        repos:
          request:
            url: /repos
            response: {iterate: "{{body.items}}", key: "{{item.id}}"}
            pagination:
              qs: {page: "{{pagination.page}}"}
              condition: "{{pagination.offset < body.total}}"
          audit: {total: "{{body.total}}"}
        issues:
          parent: repos
          request:
            url: "/repos/{{parent.id}}/issues"
            response: {iterate: "{{body.items}}", key: ["{{parent.id}}", "{{item.n}}"]}
            pagination:
              qs: {page: "{{pagination.page}}"}
              condition: "{{pagination.offset < body.total}}"
          audit: {total: "{{body.total}}"}
      """;

  static final int REPOS = 40;
  private static final ObjectMapper JSON = new ObjectMapper();

  MockServer api;
  final Cli cli = Cli.plain();
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void start() throws Exception {
    api = stubbed(new MockServer());
    spec = dir.resolve("gh.yaml");
    Files.writeString(spec, SPEC);
  }

  /** {@code api} serving the repositories and their issues. */
  static MockServer stubbed(MockServer api) {
    for (int page = 1; page <= REPOS / 10; page++) {
      api.server.stubFor(
          get(urlEqualTo(page == 1 ? "/repos" : "/repos?page=" + page))
              .willReturn(okJson(page(REPOS, ids((page - 1) * 10 + 1, page * 10, "id")))));
    }
    for (int repo = 1; repo <= REPOS; repo++) {
      int issues = 5 * (repo % 3) + 3;
      for (int page = 1; (page - 1) * 5 < issues; page++) {
        String url = "/repos/" + repo + "/issues" + (page == 1 ? "" : "?page=" + page);
        api.server.stubFor(
            get(urlEqualTo(url))
                .willReturn(
                    okJson(
                        page(issues, ids((page - 1) * 5 + 1, Math.min(issues, page * 5), "n")))));
      }
    }
    return api;
  }

  private static String ids(int from, int to, String field) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "{\"" + field + "\":" + i + "}")
        .collect(Collectors.joining(","));
  }

  private static String page(int total, String items) {
    return "{\"total\":" + total + ",\"items\":[" + items + "]}";
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void printsATableOfStreamsFromTheFirstPagesOfAFewWalks() {
    Cli.Result r = cli.run("plan", spec.toString(), "--base-url", api.url());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    // repos' probe read 3 of its 4 pages; repos 1, 8, 15, 22 and 30 of those 30 were sampled:
    // 8, 13, 3, 8 and 3 issues in 2, 3, 1, 2 and 1 pages, each within its probe
    assertThat(r.out().lines().limit(5))
        .containsExactly(
            "STREAM  PARENT  WALKS  REQUESTS  RECORDS  BASIS",
            "repos   -           1        ~4      ~40  audit.total 40 in pages of 10",
            "issues  repos      40       ~72     ~280  one per repos record, a sample of 5 probed:"
                + " 5 ended within the probe",
            "total              41       ~76     ~320",
            "~ worked out from what the probes saw; ≥ at least: a walk went on past its probe");
    assertThat(r.out().lines().skip(5).toList())
        .hasSize(3)
        .satisfies(l -> assertThat(l.get(0)).startsWith("wall time: about "))
        .satisfies(
            l ->
                assertThat(l.get(0)).endsWith("(concurrency 2, no rateLimit, the probes' latency)"))
        .satisfies(
            l ->
                assertThat(l.get(1))
                    .isEqualTo(
                        "probes: 12 requests sent to estimate (at most 3 pages of a walk;"
                            + " --probe-pages)"))
        .satisfies(l -> assertThat(l.get(2)).isEqualTo("no cap or deadline would stop the run"));
    assertThat(api.server.getAllServeEvents()).hasSize(12);
  }

  @Test
  void moreProbePagesCountMoreWalksExactly() throws Exception {
    Cli.Result r =
        cli.run(
            "plan",
            spec.toString(),
            "--base-url",
            api.url(),
            "--streams",
            "repos",
            "--probe-pages",
            "4",
            "--format",
            "json");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("streams").toString())
        .isEqualTo(
            "[{\"name\":\"repos\",\"walks\":1,\"requests\":4,\"records\":40,"
                + "\"certainty\":\"exact\",\"basis\":\"ended within the probe, 4 pages\","
                + "\"probeRequests\":4}]");
    assertThat(doc.get("certainty").asText()).isEqualTo("exact");
    assertThat(doc.get("probePages").asInt()).isEqualTo(4);
    assertThat(doc.get("probeRequests").asInt()).isEqualTo(4);
  }

  @Test
  void aProbeOfNoPagesIsAUsageError() {
    Cli.Result r = cli.run("plan", spec.toString(), "--base-url", api.url(), "--probe-pages", "0");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo("pagewalk plan: gh: the probe's pages per walk must be 1 or more, got 0\n");
    assertThat(api.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void theEstimateOfRequestsIsWithinAQuarterOfTheRunsWithAParentChildFanOut() throws Exception {
    Path report = dir.resolve("report.json");
    Cli.Result r =
        cli.run(
            "run",
            spec.toString(),
            "--base-url",
            api.url(),
            "--plan",
            "-o",
            dir.resolve("out").toString(),
            "--report",
            report.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    JsonNode doc = JSON.readTree(Files.readString(report));
    long estimated = doc.at("/estimate/requests").asLong();
    long probes = doc.at("/estimate/probeRequests").asLong();
    long actual = 0;
    for (JsonNode s : doc.get("streams")) {
      actual += s.get("requests").asLong();
    }
    assertThat(actual).isEqualTo(4 + 80);
    assertThat(api.server.getAllServeEvents()).hasSize((int) (actual + probes));
    System.out.printf(
        "plan: %d requests estimated, %d sent (%+.0f%%)%n",
        estimated, actual, 100.0 * (estimated - actual) / actual);
    assertThat(Math.abs(estimated - actual)).isLessThanOrEqualTo(actual / 4);
    assertThat(doc.at("/streams/1/estimate").toString())
        .isEqualTo(
            "{\"walks\":40,\"requests\":72,\"records\":280,\"certainty\":\"extrapolated\","
                + "\"basis\":\"one per repos record, a sample of 5 probed: 5 ended within the"
                + " probe\",\"probeRequests\":9}");
    assertThat(ReportSchemaTest.violations(Files.readString(report))).isEmpty();
    assertThat(r.err())
        .contains(
            "estimate vs actual (12 probe requests not counted):\n"
                + "  repos: requests 4 / 4 (+0%), records 40 / 40 (+0%), walks 1 / 1 (+0%)\n"
                + "  issues: requests 72 / 80 (-10%), records 280 / 320 (-13%), walks 40 / 40"
                + " (+0%)\n"
                + "  run: requests 76 / 84 (-10%), wall time ");
  }

  @Test
  void printsJsonAndSaysWhichCapWouldStopTheRun() throws Exception {
    Cli.Result r =
        cli.run(
            "plan",
            spec.toString(),
            "--base-url",
            api.url(),
            "--streams",
            "repos",
            "--max-requests",
            "3",
            "--format",
            "json");
    assertThat(r.code()).isEqualTo(ExitCodes.TRUNCATED);
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("streams")).hasSize(1);
    assertThat(doc.get("requests").asLong()).isEqualTo(4);
    assertThat(doc.get("probeRequests").asLong()).isEqualTo(3);
    assertThat(doc.get("stops").toString())
        .isEqualTo(
            "[\"limits.maxRequests (3) would stop the run after 3 of about 4 requests; to read on,"
                + " raise the cap: --max-requests N|unlimited on the command line, or"
                + " limits.maxRequests in the spec\"]");
  }

  @Test
  void aFailedProbeIsARunFailureAndItsChildrenAreNotGuessed() {
    api.server.stubFor(get(urlPathEqualTo("/repos")).atPriority(1).willReturn(serverError()));
    Cli.Result r = cli.run("plan", spec.toString(), "--base-url", api.url());
    assertThat(r.code()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(r.out().lines().limit(3))
        .containsExactly(
            "STREAM  PARENT  WALKS  REQUESTS  RECORDS  BASIS",
            "repos   -           1        ≥1       ≥0  probe failed: gh/repos: GET "
                + api.url()
                + "/repos returned 500 Server Error",
            "issues  repos       0        ≥0       ≥0  its parent could not be probed");
  }

  @Test
  void anUnknownStreamIsAUsageError() {
    Cli.Result r = cli.run("plan", spec.toString(), "--streams", "isues");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo("pagewalk plan: gh: no stream named 'isues'; its streams are repos, issues\n");
    assertThat(api.server.getAllServeEvents()).isEmpty();
  }
}
