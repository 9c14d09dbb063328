package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.StreamsResult.StreamResult;
import dev.pagewalk.StreamsResult.WalkResult;
import dev.pagewalk.report.Verdict;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code maxRequests}, {@code maxRecords} and {@code runTimeout} are the run's, shared by all its
 * walks; {@code maxPaginationRequests} stays one walk's.
 */
class RunWideLimitsTest {
  /** 20 repos, each with 2 issues on each of 3 pages. */
  private static String spec(String limits, int concurrency) {
    return "pagewalk: 1\nname: gh\nbaseUrl: http://api.test\nretry: {maxAttempts: 1}\n"
        + "limits: "
        + limits
        + "\nconcurrency: "
        + concurrency
        + "\nstreams:\n"
        + "  repos:\n"
        + "    request:\n"
        + "      url: /repos\n"
        + "      response: {iterate: '{{body}}', key: '{{item.id}}'}\n"
        + "  issues:\n"
        + "    parent: repos\n"
        + "    request:\n"
        + "      url: '/repos/{{parent.id}}/issues'\n"
        + "      response: {iterate: '{{body}}', key: ['{{parent.id}}', '{{item.n}}']}\n"
        + "      pagination:\n"
        + "        qs: {page: '{{pagination.page}}'}\n"
        + "        condition: '{{pagination.page <= 3}}'\n";
  }

  private static InProcessApi.Answer api(String target) {
    if (target.equals("/repos")) {
      return InProcessApi.ok(
          IntStream.rangeClosed(1, 20)
              .mapToObj(i -> "{\"id\":" + i + "}")
              .collect(Collectors.joining(",", "[", "]")));
    }
    int at = target.indexOf("page=");
    int page = at < 0 ? 1 : Integer.parseInt(target.substring(at + 5));
    return InProcessApi.ok("[{\"n\":" + (2 * page - 1) + "},{\"n\":" + 2 * page + "}]");
  }

  private static StreamsResult run(String yaml, InProcessApi api, AtomicLong records) {
    try (Runner runner = Runner.builder().transport(api).build()) {
      return runner.runStreams(
          Pagewalk.parse("gh.yaml", yaml),
          RunInput.empty(),
          List.of(),
          (stream, r) -> records.incrementAndGet(),
          RunListener.NONE);
    }
  }

  private static List<StopReason> reasons(StreamsResult result, String stream) {
    return result.stream(stream).orElseThrow().walks().stream()
        .map(WalkResult::stopReason)
        .distinct()
        .sorted()
        .toList();
  }

  @Test
  void maxRequestsIsOneBudgetForEveryWalkOfTheRun() {
    InProcessApi api = new InProcessApi(RunWideLimitsTest::api, 0);
    StreamsResult result = run(spec("{maxRequests: 10}", 1), api, new AtomicLong());
    assertThat(api.requests).hasSize(10);
    StreamResult issues = result.stream("issues").orElseThrow();
    assertThat(issues.requests()).isEqualTo(9);
    assertThat(issues.walks()).hasSize(20);
    assertThat(issues.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(reasons(result, "issues"))
        .containsExactly(StopReason.CONDITION_FALSE, StopReason.MAX_REQUESTS);
    assertThat(issues.walks().stream().filter(w -> w.stopReason() == StopReason.MAX_REQUESTS))
        .hasSize(17)
        .allSatisfy(w -> assertThat(w.verdict()).isEqualTo(Verdict.INCOMPLETE));
    assertThat(CapAdvice.of(result))
        .containsExactly(
            "truncated by max-requests (17 walks of issues): limits.maxRequests counts every walk"
                + " of the run; to read on, raise the cap: --max-requests N|unlimited on the"
                + " command line, or limits.maxRequests in the spec");
  }

  @Test
  void walksInFlightAtOnceNeverSendMoreThanTheRunsMaxRequests() {
    InProcessApi api = new InProcessApi(RunWideLimitsTest::api, 5);
    StreamsResult result = run(spec("{maxRequests: 25}", 4), api, new AtomicLong());
    assertThat(api.requests).hasSize(25);
    assertThat(result.streams().stream().mapToLong(StreamResult::requests).sum()).isEqualTo(25);
  }

  @Test
  void maxRecordsIsOneBudgetForEveryWalkOfTheRun() {
    InProcessApi api = new InProcessApi(RunWideLimitsTest::api, 0);
    AtomicLong records = new AtomicLong();
    StreamsResult result = run(spec("{maxRecords: 30}", 1), api, records);
    assertThat(records).hasValue(30);
    assertThat(result.stream("issues").orElseThrow().records()).isEqualTo(10);
    assertThat(reasons(result, "issues"))
        .containsExactly(StopReason.CONDITION_FALSE, StopReason.MAX_RECORDS);
  }

  @Test
  void maxPaginationRequestsStaysOneWalks() {
    InProcessApi api = new InProcessApi(RunWideLimitsTest::api, 0);
    StreamsResult result =
        run(spec("{maxPaginationRequests: 1, maxRequests: unlimited}", 1), api, new AtomicLong());
    assertThat(api.requests).hasSize(1 + 20 * 2);
    assertThat(reasons(result, "issues")).containsExactly(StopReason.MAX_PAGINATION_REQUESTS);
    assertThat(CapAdvice.of(result))
        .containsExactly(
            "truncated by max-pagination-requests (20 walks of issues):"
                + " limits.maxPaginationRequests caps each walk; to read on, raise the cap:"
                + " --max-pagination-requests N|unlimited on the command line, or"
                + " limits.maxPaginationRequests in the spec");
  }

  @Test
  void runTimeoutIsOneDeadlineForTheRunAndStopsWalksStillPending() {
    InProcessApi api = new InProcessApi(RunWideLimitsTest::api, 40);
    long start = System.nanoTime();
    StreamsResult result =
        run(spec("{runTimeout: 400ms, maxRequests: unlimited}", 1), api, new AtomicLong());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).isLessThan(2000);
    assertThat(api.requests.size()).isLessThan(20);
    WalkResult pending = result.stream("issues").orElseThrow().walks().get(19);
    assertThat(pending.stopReason()).isEqualTo(StopReason.TIMEOUT);
    assertThat(pending.requests()).isZero();
    assertThat(pending.failure())
        .matches(
            "gh/issues: GET http://api.test/repos/\\d+/issues not sent: the run deadline has passed"
                + " \\(limits.runTimeout 400ms\\)");
  }
}
