package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.StreamsResult.StreamResult;
import dev.pagewalk.StreamsResult.WalkResult;
import dev.pagewalk.report.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConnectorRunTest {
  private static final String HEAD =
      "pagewalk: 1\nname: gh\nbaseUrl: http://api.test\nretry: {maxAttempts: 1}\n";

  private static final String REPOS_AND_ISSUES =
      HEAD
          + "streams:\n"
          + "  repos:\n"
          + "    request:\n"
          + "      url: /repos\n"
          + "      response: {iterate: '{{body}}', key: '{{item.id}}'}\n"
          + "  issues:\n"
          + "    parent: repos\n"
          + "    request:\n"
          + "      url: '/repos/{{parent.name}}/issues'\n"
          + "      response:\n"
          + "        iterate: '{{body}}'\n"
          + "        key: ['{{parent.id}}', '{{item.n}}']\n"
          + "        output: {repo: '{{parent.name}}', n: '{{item.n}}', s: '{{stream.name}}'}\n";

  private static InProcessApi.Answer github(String target) {
    return switch (target) {
      case "/repos" ->
          InProcessApi.ok(
              "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"},{\"id\":3,\"name\":\"c\"}]");
      case "/repos/a/issues" -> InProcessApi.ok("[{\"n\":1},{\"n\":2}]");
      case "/repos/b/issues" -> InProcessApi.ok("[{\"n\":7}]");
      case "/repos/c/issues" -> InProcessApi.ok("[]");
      default -> new InProcessApi.Answer(404, "{\"message\":\"no such thing\"}");
    };
  }

  /** Records by stream, in delivery order, and the result. */
  private record Ran(Map<String, List<OutputRecord>> records, StreamsResult result) {
    List<Object> values(String stream) {
      return records.getOrDefault(stream, List.of()).stream().map(OutputRecord::value).toList();
    }
  }

  private static Ran run(String yaml, InProcessApi api, List<String> streams) {
    Plan plan = Pagewalk.parse("gh.yaml", yaml);
    Map<String, List<OutputRecord>> out = Collections.synchronizedMap(new java.util.TreeMap<>());
    try (Runner runner = Runner.builder().transport(api).build()) {
      StreamsResult result =
          runner.runStreams(
              plan,
              RunInput.empty(),
              streams,
              (stream, r) -> out.computeIfAbsent(stream, k -> new ArrayList<>()).add(r),
              RunListener.NONE);
      return new Ran(out, result);
    }
  }

  private static StreamResult stream(Ran ran, String name) {
    return ran.result().stream(name).orElseThrow();
  }

  @Nested
  class Parents {
    @Test
    void runsOneChildWalkPerParentRecordWithTheParentInScope() {
      Ran ran = run(REPOS_AND_ISSUES, new InProcessApi(ConnectorRunTest::github, 0), List.of());
      assertThat(ran.values("repos")).hasSize(3);
      assertThat(ran.values("issues"))
          .containsExactlyInAnyOrder(
              Map.of("repo", "a", "n", 1L, "s", "issues"),
              Map.of("repo", "a", "n", 2L, "s", "issues"),
              Map.of("repo", "b", "n", 7L, "s", "issues"));
      assertThat(ran.records().get("issues").stream().map(OutputRecord::key))
          .containsExactlyInAnyOrder(List.of(1L, 1L), List.of(1L, 2L), List.of(2L, 7L));
      StreamResult issues = stream(ran, "issues");
      assertThat(issues.parent()).isEqualTo("repos");
      assertThat(issues.walks())
          .extracting(WalkResult::walk, WalkResult::records, WalkResult::stopReason)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("1", 2L, StopReason.NO_PAGINATION),
              org.assertj.core.groups.Tuple.tuple("2", 1L, StopReason.NO_PAGINATION),
              org.assertj.core.groups.Tuple.tuple("3", 0L, StopReason.NO_PAGINATION));
      assertThat(issues.records()).isEqualTo(3);
      assertThat(issues.requests()).isEqualTo(3);
    }

    @Test
    void aFailedChildWalkLeavesItsStreamIncompleteAndItsSiblingsRun() {
      InProcessApi api =
          new InProcessApi(
              t ->
                  t.equals("/repos/b/issues")
                      ? new InProcessApi.Answer(500, "{\"message\":\"boom\"}")
                      : github(t),
              0);
      Ran ran = run(REPOS_AND_ISSUES, api, List.of());
      StreamResult issues = stream(ran, "issues");
      assertThat(issues.verdict()).isEqualTo(Verdict.INCOMPLETE);
      assertThat(ran.result().verdict()).isEqualTo(Verdict.INCOMPLETE);
      WalkResult failed =
          issues.walks().stream().filter(w -> w.walk().equals("2")).findFirst().orElseThrow();
      assertThat(failed.stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(failed.errorCode()).isEqualTo(ErrorCode.HTTP_STATUS);
      assertThat(failed.failure())
          .isEqualTo(
              "gh/issues: GET http://api.test/repos/b/issues returned 500 Error: {\"message\":\"boom\"}");
      assertThat(issues.walks().stream().filter(w -> !w.walk().equals("2")))
          .allSatisfy(w -> assertThat(w.stopReason()).isEqualTo(StopReason.NO_PAGINATION));
      assertThat(ran.values("issues")).hasSize(2);
      assertThat(stream(ran, "repos").verdict()).isNotEqualTo(Verdict.INCOMPLETE);
    }

    @Test
    void aSelectedChildWalksItsParentWithoutWritingIt() {
      Ran ran =
          run(REPOS_AND_ISSUES, new InProcessApi(ConnectorRunTest::github, 0), List.of("issues"));
      assertThat(ran.records()).containsOnlyKeys("issues");
      assertThat(ran.values("issues")).hasSize(3);
      assertThat(stream(ran, "repos").selected()).isFalse();
      assertThat(stream(ran, "issues").selected()).isTrue();
    }

    @Test
    void refusesAnUnknownStreamBeforeAnyRequest() {
      InProcessApi api = new InProcessApi(ConnectorRunTest::github, 0);
      assertThatThrownBy(() -> run(REPOS_AND_ISSUES, api, List.of("isues")))
          .isInstanceOf(InputException.class)
          .hasMessage("gh: no stream named 'isues'; its streams are repos, issues");
      assertThat(api.requests).isEmpty();
    }
  }

  @Nested
  class Partitions {
    @Test
    void walksEachValueOfAListExpression() {
      String yaml =
          HEAD
              + "parameters: {states: {type: array, default: [open, closed]}}\n"
              + "streams:\n"
              + "  issues:\n"
              + "    partitions: {values: '{{parameters.states}}'}\n"
              + "    request:\n"
              + "      url: '/issues/{{partition}}'\n"
              + "      response: {iterate: '{{body}}', output: {state: '{{partition}}', n: '{{item}}'}}\n";
      Ran ran = run(yaml, new InProcessApi(t -> InProcessApi.ok("[1,2]"), 0), List.of());
      assertThat(ran.values("issues"))
          .containsExactlyInAnyOrder(
              Map.of("state", "open", "n", 1L),
              Map.of("state", "open", "n", 2L),
              Map.of("state", "closed", "n", 1L),
              Map.of("state", "closed", "n", 2L));
      assertThat(stream(ran, "issues").walks())
          .extracting(WalkResult::walk)
          .containsExactlyInAnyOrder("open", "closed");
    }

    @Test
    void walksDateWindowsFromStartToEndWithAShortLastOne() {
      String yaml =
          HEAD
              + "streams:\n"
              + "  events:\n"
              + "    partitions: {dates: {from: '2024-01-30', to: '2024-02-01T12:00:00Z', step: P1D}}\n"
              + "    request:\n"
              + "      url: /events\n"
              + "      qs: {since: '{{partition.start}}', until: '{{partition.end}}'}\n"
              + "      response: {iterate: '{{body}}'}\n";
      InProcessApi api = new InProcessApi(t -> InProcessApi.ok("[]"), 0);
      Ran ran = run(yaml, api, List.of());
      assertThat(api.requests)
          .containsExactly(
              "/events?since=2024-01-30T00%3A00%3A00Z&until=2024-01-31T00%3A00%3A00Z",
              "/events?since=2024-01-31T00%3A00%3A00Z&until=2024-02-01T00%3A00%3A00Z",
              "/events?since=2024-02-01T00%3A00%3A00Z&until=2024-02-01T12%3A00%3A00Z");
      assertThat(stream(ran, "events").walks())
          .extracting(WalkResult::walk)
          .containsExactly(
              "2024-01-30T00:00:00Z/2024-01-31T00:00:00Z",
              "2024-01-31T00:00:00Z/2024-02-01T00:00:00Z",
              "2024-02-01T00:00:00Z/2024-02-01T12:00:00Z");
    }

    @Test
    void refusesValuesThatAreNotAList() {
      String yaml =
          HEAD
              + "streams:\n"
              + "  issues:\n"
              + "    partitions: {values: '{{now}}'}\n"
              + "    request: {url: '/issues/{{partition}}'}\n";
      InProcessApi api = new InProcessApi(t -> InProcessApi.ok("[]"), 0);
      assertThatThrownBy(() -> run(yaml, api, List.of()))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("gh/issues: partitions.values must be a list, got \"20");
      assertThat(api.requests).isEmpty();
    }
  }
}
