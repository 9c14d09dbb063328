package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.report.Verdict;
import dev.pagewalk.state.Checkpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A connector run into a {@link dev.pagewalk.sink.WalkSink} that fails part way, then is resumed:
 * finished walks are not fetched again, unfinished ones continue from their own pages, parents
 * first, and the walks a committed parent page spawned start without their parent's page.
 */
class ConnectorResumeTest {
  private static final String SPEC =
      "pagewalk: 1\nname: gh\nbaseUrl: http://api.test\nretry: {maxAttempts: 1}\n"
          + "concurrency: 1\n"
          + "streams:\n"
          + "  repos:\n"
          + "    request:\n"
          + "      url: /repos\n"
          + "      qs: {page: 1}\n"
          + "      response: {iterate: '{{body.data}}', key: '{{item.id}}'}\n"
          + "      pagination:\n"
          + "        qs: {page: '{{pagination.page}}'}\n"
          + "        condition: '{{body.more}}'\n"
          + "  issues:\n"
          + "    parent: repos\n"
          + "    request:\n"
          + "      url: '/repos/{{parent.name}}/issues'\n"
          + "      qs: {page: 1}\n"
          + "      response:\n"
          + "        iterate: '{{body.data}}'\n"
          + "        key: ['{{parent.id}}', '{{item.n}}']\n"
          + "        output: {repo: '{{parent.name}}', n: '{{item.n}}'}\n"
          + "      pagination:\n"
          + "        qs: {page: '{{pagination.page}}'}\n"
          + "        condition: '{{body.more}}'\n";

  /** Repos a, b on page 1 and c on page 2; every repo has two issue pages of one issue each. */
  private static InProcessApi.Answer api(String target) {
    return switch (target) {
      case "/repos?page=1" -> page("[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]", true);
      case "/repos?page=2" -> page("[{\"id\":3,\"name\":\"c\"}]", false);
      default -> {
        String repo = target.substring("/repos/".length(), target.indexOf("/issues"));
        int n = target.endsWith("page=1") ? 1 : 2;
        yield page("[{\"n\":\"" + repo + n + "\"}]", n == 1);
      }
    };
  }

  private static InProcessApi.Answer page(String data, boolean more) {
    return InProcessApi.ok("{\"data\":" + data + ",\"more\":" + more + "}");
  }

  private static Function<String, InProcessApi.Answer> failing(Set<String> targets) {
    return t ->
        targets.contains(t) ? new InProcessApi.Answer(500, "{\"message\":\"boom\"}") : api(t);
  }

  private static StreamsResult sync(
      InProcessApi api, MemoryWalkSink sink, SyncMode mode, List<String> streams) {
    Plan plan = Pagewalk.parse("gh.yaml", SPEC);
    try (Runner runner = Runner.builder().transport(api).build()) {
      return runner.syncStreams(
          plan, RunInput.empty(), streams, sink, mode, null, RunListener.NONE);
    }
  }

  @Test
  void resumesOnlyUnfinishedWalksEachFromItsOwnPageParentsFirst() {
    MemoryWalkSink sink = new MemoryWalkSink();
    InProcessApi first =
        new InProcessApi(failing(Set.of("/repos?page=2", "/repos/a/issues?page=2")), 0);
    StreamsResult failed = sync(first, sink, SyncMode.APPEND, List.of());
    assertThat(failed.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(sink.records.get("issues"))
        .containsExactly(
            Map.of("repo", "a", "n", "a1"),
            Map.of("repo", "b", "n", "b1"),
            Map.of("repo", "b", "n", "b2"));
    assertThat(sink.walk("repos", "").checkpoint().status()).isEqualTo(Checkpoint.Status.RUNNING);
    assertThat(sink.walk("issues", "2").checkpoint().status())
        .isEqualTo(Checkpoint.Status.COMPLETE);

    InProcessApi second = new InProcessApi(ConnectorResumeTest::api, 0);
    StreamsResult resumed = sync(second, sink, SyncMode.RESUME, List.of());

    assertThat(second.requests)
        .as("the unfinished parent first, then each unfinished walk from its own page")
        .startsWith("/repos?page=2")
        .containsExactlyInAnyOrder(
            "/repos?page=2",
            "/repos/a/issues?page=2",
            "/repos/c/issues?page=1",
            "/repos/c/issues?page=2");
    assertThat(resumed.runId()).isEqualTo(failed.runId());
    assertThat(resumed.verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(sink.records.get("repos")).hasSize(3);
    assertThat(sink.records.get("issues"))
        .containsExactlyInAnyOrder(
            Map.of("repo", "a", "n", "a1"),
            Map.of("repo", "b", "n", "b1"),
            Map.of("repo", "b", "n", "b2"),
            Map.of("repo", "c", "n", "c1"),
            Map.of("repo", "c", "n", "c2"),
            Map.of("repo", "a", "n", "a2"));
    assertThat(resumed.stream("issues").orElseThrow().records()).isEqualTo(6);
    assertThat(resumed.stream("issues").orElseThrow().walks()).hasSize(3);
  }

  @Test
  void startsASpawnedChildWithoutFetchingItsParentAgain() {
    MemoryWalkSink sink = new MemoryWalkSink();
    InProcessApi first = new InProcessApi(failing(Set.of("/repos/b/issues?page=1")), 0);
    sync(first, sink, SyncMode.APPEND, List.of());
    assertThat(sink.walk("issues", "2").checkpoint()).isNull();
    assertThat(sink.walk("issues", "2").parent()).isEqualTo(Map.of("id", 2L, "name", "b"));

    InProcessApi second = new InProcessApi(ConnectorResumeTest::api, 0);
    StreamsResult resumed = sync(second, sink, SyncMode.RESUME, List.of());

    assertThat(second.requests).containsExactly("/repos/b/issues?page=1", "/repos/b/issues?page=2");
    assertThat(resumed.verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(sink.records.get("issues")).hasSize(6);
  }

  @Test
  void resumingAFinishedRunSendsNothing() {
    MemoryWalkSink sink = new MemoryWalkSink();
    sync(new InProcessApi(ConnectorResumeTest::api, 0), sink, SyncMode.APPEND, List.of());
    InProcessApi again = new InProcessApi(ConnectorResumeTest::api, 0);
    StreamsResult resumed = sync(again, sink, SyncMode.RESUME, List.of());
    assertThat(again.requests).isEmpty();
    assertThat(resumed.verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(resumed.stream("issues").orElseThrow().records()).isEqualTo(6);
  }

  @Test
  void refusesToResumeWithOtherStreams() {
    MemoryWalkSink sink = new MemoryWalkSink();
    InProcessApi first = new InProcessApi(failing(Set.of("/repos?page=2")), 0);
    sync(first, sink, SyncMode.APPEND, List.of());
    assertThatThrownBy(
            () ->
                sync(
                    new InProcessApi(ConnectorResumeTest::api, 0),
                    sink,
                    SyncMode.RESUME,
                    List.of("repos")))
        .isInstanceOf(InputException.class)
        .hasMessageMatching(
            "gh: cannot resume: the run [0-9a-f-]+ writes the streams repos,issues, this one"
                + " repos; resume with --streams repos,issues, or start over with --replace");
  }

  @Test
  void refusesAFreshRunOverAHeldRun() {
    MemoryWalkSink sink = new MemoryWalkSink();
    sync(new InProcessApi(ConnectorResumeTest::api, 0), sink, SyncMode.APPEND, List.of());
    assertThatThrownBy(
            () ->
                sync(
                    new InProcessApi(ConnectorResumeTest::api, 0),
                    sink,
                    SyncMode.APPEND,
                    List.of()))
        .isInstanceOf(InputException.class)
        .hasMessageMatching(
            "gh: cannot open the sink: the destination already holds run [0-9a-f-]+")
        .extracting(e -> ((InputException) e).code())
        .isEqualTo(ErrorCode.INPUT);
  }
}
