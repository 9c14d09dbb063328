package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.Runner;
import dev.pagewalk.Runner.Estimate;
import dev.pagewalk.Runner.StreamEstimate;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final String HEAD =
      "pagewalk: 1\nname: gh\nbaseUrl: http://api.test\nretry: {maxAttempts: 1}\n";

  /** 250 repos in pages of 100 with their total; repo i has i % 4 issues, in one page. */
  private static final String REPOS_AND_ISSUES =
      HEAD
          + "limits: {maxRequests: unlimited, maxRecords: unlimited}\n"
          + "streams:\n"
          + "  repos:\n"
          + "    request:\n"
          + "      url: /repos\n"
          + "      response: {iterate: '{{body.items}}', key: '{{item.id}}'}\n"
          + "      pagination:\n"
          + "        qs: {page: '{{pagination.page}}'}\n"
          + "        condition: '{{pagination.offset < body.total}}'\n"
          + "    audit: {total: '{{body.total}}'}\n"
          + "  issues:\n"
          + "    parent: repos\n"
          + "    request:\n"
          + "      url: '/repos/{{parent.id}}/issues'\n"
          + "      response: {iterate: '{{body}}', key: ['{{parent.id}}', '{{item.n}}']}\n";

  private static InProcessApi.Answer github(String target) {
    if (target.startsWith("/repos?") || target.equals("/repos")) {
      int at = target.indexOf("page=");
      int page = at < 0 ? 1 : Integer.parseInt(target.substring(at + 5));
      String items =
          IntStream.rangeClosed((page - 1) * 100 + 1, Math.min(250, page * 100))
              .mapToObj(i -> "{\"id\":" + i + "}")
              .collect(Collectors.joining(","));
      return InProcessApi.ok("{\"total\":250,\"items\":[" + items + "]}");
    }
    int repo = Integer.parseInt(target.split("/")[2]);
    return InProcessApi.ok(
        IntStream.rangeClosed(1, repo % 4)
            .mapToObj(n -> "{\"n\":" + n + "}")
            .collect(Collectors.joining(",", "[", "]")));
  }

  private static Estimate estimate(String yaml, InProcessApi api) {
    try (Runner runner = Runner.builder().transport(api).build()) {
      return runner.estimate(Pagewalk.parse("gh.yaml", yaml), RunInput.empty(), List.of());
    }
  }

  @Nested
  class Probes {
    @Test
    void readsTheTotalAndThePageSizeOfAStreamFromOnePage() {
      InProcessApi api = new InProcessApi(PlannerTest::github, 0);
      StreamEstimate repos = estimate(REPOS_AND_ISSUES, api).stream("repos").orElseThrow();
      assertThat(repos)
          .isEqualTo(
              new StreamEstimate(
                  "repos", null, 1, 3, 250, "audit.total 250 in pages of 100", null));
    }

    @Test
    void estimatesAChildsFanOutFromASampleOfParentRecordsSpreadOverTheFirstPage() {
      InProcessApi api = new InProcessApi(PlannerTest::github, 0);
      Estimate e = estimate(REPOS_AND_ISSUES, api);
      // repos 1, 50 and 100 were sampled: 1 + 2 + 0 issues, one request each
      assertThat(e.stream("issues").orElseThrow())
          .isEqualTo(
              new StreamEstimate(
                  "issues",
                  "repos",
                  250,
                  250,
                  250,
                  "one per repos record, a sample of 3: one page",
                  null));
      assertThat(api.requests)
          .containsExactly("/repos", "/repos/1/issues", "/repos/50/issues", "/repos/100/issues");
      assertThat(e.probeRequests()).isEqualTo(4);
      assertThat(e.requests()).isEqualTo(253);
      assertThat(e.records()).isEqualTo(500);
      assertThat(e.stops()).isEmpty();
    }

    @Test
    void probesASampleOfPartitionsAndCountsThemAll() {
      String yaml =
          HEAD
              + "streams:\n"
              + "  labels:\n"
              + "    partitions: {values: [a, b, c, d, e]}\n"
              + "    request:\n"
              + "      url: '/labels/{{partition}}'\n"
              + "      response: {iterate: '{{body}}'}\n";
      InProcessApi api = new InProcessApi(t -> InProcessApi.ok("[1,2]"), 0);
      Estimate e = estimate(yaml, api);
      assertThat(e.stream("labels").orElseThrow())
          .isEqualTo(
              new StreamEstimate(
                  "labels", null, 5, 5, 10, "5 partitions, a sample of 3: one page", null));
      assertThat(api.requests).containsExactly("/labels/a", "/labels/b", "/labels/c");
    }

    @Test
    void aOneRequestSpecIsAConnectorWithOneStream() {
      String yaml =
          HEAD
              + "request:\n"
              + "  url: /repos\n"
              + "  response: {iterate: '{{body.items}}', key: '{{item.id}}'}\n"
              + "  pagination:\n"
              + "    qs: {page: '{{pagination.page}}'}\n"
              + "    condition: '{{pagination.offset < body.total}}'\n"
              + "audit: {total: '{{body.total}}'}\n";
      Estimate e = estimate(yaml, new InProcessApi(PlannerTest::github, 0));
      assertThat(e.streams())
          .containsExactly(
              new StreamEstimate("gh", null, 1, 3, 250, "audit.total 250 in pages of 100", null));
    }

    @Test
    void saysWhenAProbeFailsAndDoesNotGuessItsChildren() {
      InProcessApi api = new InProcessApi(t -> new InProcessApi.Answer(500, "{}"), 0);
      Estimate e = estimate(REPOS_AND_ISSUES, api);
      assertThat(e.stream("repos").orElseThrow().failure())
          .isEqualTo("gh/repos: GET http://api.test/repos returned 500 Error: {}");
      assertThat(e.stream("issues").orElseThrow())
          .isEqualTo(
              new StreamEstimate(
                  "issues", "repos", 0, 0, 0, "its parent could not be probed", null));
    }
  }

  @Nested
  class StopsAndTime {
    @Test
    void namesEachCapTheRunWouldReachAndHowToLiftIt() {
      String yaml =
          REPOS_AND_ISSUES.replace(
              "limits: {maxRequests: unlimited, maxRecords: unlimited}",
              "limits: {maxRequests: 100, maxRecords: 400, maxPaginationRequests: 1}");
      Estimate e = estimate(yaml, new InProcessApi(PlannerTest::github, 0));
      assertThat(e.stream("repos").orElseThrow().requests()).isEqualTo(2);
      assertThat(e.stream("repos").orElseThrow().records()).isEqualTo(200);
      assertThat(e.stops())
          .containsExactly(
              "limits.maxRequests (100) would stop the run after 100 of about 202 requests; to"
                  + " read on, raise the cap: --max-requests N|unlimited on the command line, or"
                  + " limits.maxRequests in the spec",
              "limits.maxPaginationRequests (1) would stop walks of repos before their last page;"
                  + " to read on, raise the cap: --max-pagination-requests N|unlimited on the"
                  + " command line, or limits.maxPaginationRequests in the spec");
    }

    @Test
    void paceTheRequestsAtTheRateLimitAndSaysWhenTheRunTimeoutWouldStopIt() {
      String yaml =
          REPOS_AND_ISSUES.replace(
              "limits: {maxRequests: unlimited, maxRecords: unlimited}",
              "limits: {maxRequests: unlimited, maxRecords: unlimited, runTimeout: 20s}\n"
                  + "rateLimit: {requests: 10, per: 1s}");
      Estimate e = estimate(yaml, new InProcessApi(PlannerTest::github, 0));
      assertThat(e.wallTime()).isEqualTo(Duration.ofMillis(24_300));
      assertThat(e.stops())
          .containsExactly(
              "limits.runTimeout (20s) would stop the run, which needs about 24300ms; raise it"
                  + " in the spec");
    }
  }
}
