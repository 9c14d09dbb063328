package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.Estimate;
import dev.pagewalk.Estimate.Certainty;
import dev.pagewalk.Estimate.StreamEstimate;
import dev.pagewalk.InputException;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.Runner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    return estimate(yaml, api, Runner.DEFAULT_PROBE_PAGES);
  }

  private static Estimate estimate(String yaml, InProcessApi api, int probePages) {
    try (Runner runner = Runner.builder().transport(api).build()) {
      return runner.estimate(
          Pagewalk.parse("gh.yaml", yaml), RunInput.empty(), List.of(), probePages);
    }
  }

  @Nested
  class Probes {
    @Test
    void aWalkThatEndsWithinTheProbeIsExact() {
      InProcessApi api = new InProcessApi(PlannerTest::github, 0);
      StreamEstimate repos = estimate(REPOS_AND_ISSUES, api).stream("repos").orElseThrow();
      assertThat(repos)
          .isEqualTo(
              new StreamEstimate(
                  "repos",
                  null,
                  1,
                  3,
                  250,
                  Certainty.EXACT,
                  "ended within the probe, 3 pages",
                  3,
                  null));
    }

    @Test
    void aWalkLongerThanTheProbeIsCountedByTheApisTotalAndPageSize() {
      InProcessApi api = new InProcessApi(PlannerTest::github, 0);
      Estimate e = estimate(REPOS_AND_ISSUES, api, 1);
      assertThat(e.stream("repos").orElseThrow())
          .isEqualTo(
              new StreamEstimate(
                  "repos",
                  null,
                  1,
                  3,
                  250,
                  Certainty.EXTRAPOLATED,
                  "audit.total 250 in pages of 100",
                  1,
                  null));
      assertThat(e.probePages()).isEqualTo(1);
    }

    @Test
    void aWalkLongerThanTheProbeWithNothingToCountItIsALowerBound() {
      String yaml = REPOS_AND_ISSUES.replace("    audit: {total: '{{body.total}}'}\n", "");
      Estimate e = estimate(yaml, new InProcessApi(PlannerTest::github, 0), 2);
      assertThat(e.stream("repos").orElseThrow())
          .isEqualTo(
              new StreamEstimate(
                  "repos",
                  null,
                  1,
                  3,
                  200,
                  Certainty.LOWER_BOUND,
                  "more than 2 pages and no audit.total or Link rel=last to count them: at least 3"
                      + " pages",
                  2,
                  null));
      // the children's walks are counted from a floor: a floor too
      assertThat(e.stream("issues").orElseThrow().certainty()).isEqualTo(Certainty.LOWER_BOUND);
      assertThat(e.certainty()).isEqualTo(Certainty.LOWER_BOUND);
    }

    /**
     * 13 items, 2 a page, linked page to page with a {@code Link} header that also names the last
     * page: by page number ({@code page}, from 1) or by offset ({@code offset}, from 0).
     */
    private InProcessApi linked(String parameter) {
      boolean offsets = parameter.equals("offset");
      return new InProcessApi(
          target -> {
            int at = target.indexOf(parameter + "=");
            long value =
                at < 0
                    ? (offsets ? 0 : 1)
                    : Long.parseLong(target.substring(at + parameter.length() + 1));
            long first = offsets ? value : (value - 1) * 2;
            String items =
                java.util.stream.LongStream.range(first, Math.min(13, first + 2))
                    .mapToObj(Long::toString)
                    .collect(Collectors.joining(",", "[", "]"));
            long next = offsets ? first + 2 : value + 1;
            long last = offsets ? 12 : 7;
            Map<String, String> headers =
                first + 2 >= 13
                    ? Map.of()
                    : Map.of(
                        "Link",
                        "<http://api.test/items?"
                            + parameter
                            + "="
                            + next
                            + ">; rel=\"next\", <http://api.test/items?"
                            + parameter
                            + "="
                            + last
                            + ">; rel=\"last\"");
            return new InProcessApi.Answer(200, items, headers);
          },
          0);
    }

    private static final String LINKED =
        HEAD
            + "request:\n"
            + "  url: /items\n"
            + "  response: {iterate: '{{body}}'}\n"
            + "  pagination: {url: '{{links.next}}', condition: '{{links.next}}'}\n";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page", "offset"})
    void aWalkLongerThanTheProbeIsCountedByItsLinkToTheLastPage(String parameter) {
      InProcessApi api = linked(parameter);
      Estimate e = estimate(LINKED, api);
      assertThat(e.streams())
          .containsExactly(
              new StreamEstimate(
                  "gh",
                  null,
                  1,
                  7,
                  14,
                  Certainty.EXTRAPOLATED,
                  "Link rel=last ("
                      + (parameter.equals("page") ? "page=7" : "offset=12")
                      + "): 7 pages",
                  3,
                  null));
      assertThat(api.requests).hasSize(3);
    }

    @Test
    void estimatesAChildsFanOutFromASampleOfParentRecordsSpreadOverThoseProbed() {
      InProcessApi api = new InProcessApi(PlannerTest::github, 0);
      Estimate e = estimate(REPOS_AND_ISSUES, api);
      // repos 1, 63, 125, 187 and 250 were sampled: 1 + 3 + 1 + 3 + 2 issues, one request each
      assertThat(e.stream("issues").orElseThrow())
          .isEqualTo(
              new StreamEstimate(
                  "issues",
                  "repos",
                  250,
                  250,
                  500,
                  Certainty.EXTRAPOLATED,
                  "one per repos record, a sample of 5 probed: 5 ended within the probe",
                  5,
                  null));
      assertThat(api.requests)
          .containsExactly(
              "/repos",
              "/repos?page=2",
              "/repos?page=3",
              "/repos/1/issues",
              "/repos/63/issues",
              "/repos/125/issues",
              "/repos/187/issues",
              "/repos/250/issues");
      assertThat(e.probeRequests()).isEqualTo(8);
      assertThat(e.requests()).isEqualTo(253);
      assertThat(e.records()).isEqualTo(750);
      assertThat(e.certainty()).isEqualTo(Certainty.EXTRAPOLATED);
      assertThat(e.stops()).isEmpty();
    }

    @Test
    void probesASampleOfPartitionsSpreadOverThemAndCountsThemAll() {
      String yaml =
          HEAD
              + "streams:\n"
              + "  labels:\n"
              + "    partitions: {values: [a, b, c, d, e, f, g]}\n"
              + "    request:\n"
              + "      url: '/labels/{{partition}}'\n"
              + "      response: {iterate: '{{body}}'}\n";
      InProcessApi api = new InProcessApi(t -> InProcessApi.ok("[1,2]"), 0);
      Estimate e = estimate(yaml, api);
      assertThat(e.stream("labels").orElseThrow())
          .isEqualTo(
              new StreamEstimate(
                  "labels",
                  null,
                  7,
                  7,
                  14,
                  Certainty.EXTRAPOLATED,
                  "7 partitions, a sample of 5 probed: 5 ended within the probe",
                  5,
                  null));
      assertThat(api.requests)
          .containsExactly("/labels/a", "/labels/b", "/labels/d", "/labels/e", "/labels/g");
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
              new StreamEstimate(
                  "gh",
                  null,
                  1,
                  3,
                  250,
                  Certainty.EXACT,
                  "ended within the probe, 3 pages",
                  3,
                  null));
      assertThat(e.certainty()).isEqualTo(Certainty.EXACT);
    }

    @Test
    void saysWhenAProbeFailsAndDoesNotGuessItsChildren() {
      InProcessApi api = new InProcessApi(t -> new InProcessApi.Answer(500, "{}"), 0);
      Estimate e = estimate(REPOS_AND_ISSUES, api);
      assertThat(e.stream("repos").orElseThrow().failure())
          .isEqualTo("gh/repos: GET http://api.test/repos returned 500 Error: {}");
      assertThat(e.stream("repos").orElseThrow().certainty()).isEqualTo(Certainty.LOWER_BOUND);
      assertThat(e.stream("issues").orElseThrow())
          .isEqualTo(
              new StreamEstimate(
                  "issues",
                  "repos",
                  0,
                  0,
                  0,
                  Certainty.LOWER_BOUND,
                  "its parent could not be probed",
                  0,
                  null));
    }

    @Test
    void refusesAProbeOfNoPagesBeforeSendingAnything() {
      InProcessApi api = new InProcessApi(PlannerTest::github, 0);
      assertThatThrownBy(() -> estimate(REPOS_AND_ISSUES, api, 0))
          .isInstanceOf(InputException.class)
          .hasMessage("gh: the probe's pages per walk must be 1 or more, got 0");
      assertThat(api.requests).isEmpty();
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
      // the cap stopped the probe where it would stop the walk: known exactly
      assertThat(e.stream("repos").orElseThrow().certainty()).isEqualTo(Certainty.EXACT);
      assertThat(e.stream("repos").orElseThrow().basis())
          .isEqualTo("limits.maxPaginationRequests stops it after 2 pages");
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
