package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.StreamsResult.WalkResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.sink.WalkSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child walk of a connector, resumed after its run was interrupted, finds its saved iterator
 * expired and starts over from its first page ({@code retry.restartWalk}): the records it wrote
 * before are read back from its stream's file — its own, found by the walk journal, not those of
 * its sibling walks in the same file — and not written again.
 */
class ConnectorRestartAfterResumeTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: tracker
      baseUrl: http://api.test
      retry:
        maxAttempts: 1
        restartWalk:
          on: [{status: 422, bodyContains: ITERATOR_EXPIRED}]
          max: 2
      concurrency: 1
      streams:
        repos:
          request:
            url: /repos
            response: {iterate: '{{body.data}}', key: '{{item.id}}'}
        issues:
          parent: repos
          request:
            url: '/repos/{{parent.name}}/issues'
            response: {iterate: '{{body.data}}', key: '{{item.id}}'}
            pagination:
              qs: {offset: '{{body.offset}}'}
              condition: '{{body.offset}}'
      """;

  @TempDir Path tmp;

  /**
   * Repository a has three pages of issues (a1 a2 | a3 a4 | shared), b one (b1 shared): both walks
   * deliver an issue "shared". {@code failing}: a's third page answers 500; {@code expiring}: it
   * answers 422 once.
   */
  private static InProcessApi api(boolean failing, boolean expiring) {
    AtomicBoolean expired = new AtomicBoolean();
    return new InProcessApi(
        target ->
            switch (target) {
              case "/repos" ->
                  ok("{\"data\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]}");
              case "/repos/a/issues" -> ok(issues("a2", "a1", "a2"));
              case "/repos/a/issues?offset=a2" -> ok(issues("a3", "a3", "a4"));
              case "/repos/a/issues?offset=a3" ->
                  failing
                      ? new InProcessApi.Answer(500, "{}")
                      : expiring && expired.compareAndSet(false, true)
                          ? new InProcessApi.Answer(422, "{\"error\":\"ITERATOR_EXPIRED\"}")
                          : ok(issues(null, "shared"));
              case "/repos/b/issues" -> ok(issues(null, "b1", "shared"));
              default -> new InProcessApi.Answer(404, "{}");
            },
        0);
  }

  private static InProcessApi.Answer ok(String body) {
    return InProcessApi.ok(body);
  }

  private static String issues(String offset, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) {
      data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\"}");
    }
    return "{\"data\":["
        + data
        + "]"
        + (offset == null ? "" : ",\"offset\":\"" + offset + "\"")
        + "}";
  }

  private StreamsResult sync(InProcessApi api, SyncMode mode) throws IOException {
    try (Runner runner = Runner.builder().transport(api).sleeper(d -> {}).build();
        WalkSink sink =
            WalkSink.jsonLinesDirectory(tmp.resolve("out"), tmp.resolve("state"), "tracker")) {
      return runner.syncStreams(
          Pagewalk.parse("tracker.yaml", SPEC),
          RunInput.empty(),
          List.of(),
          sink,
          mode,
          null,
          RunListener.NONE);
    }
  }

  private List<String> issues() throws IOException {
    return Files.readAllLines(tmp.resolve("out").resolve("issues.jsonl"));
  }

  private static WalkResult walk(StreamsResult r, String label) {
    return r.stream("issues").orElseThrow().walks().stream()
        .filter(w -> w.walk().equals(label))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aRestartedChildWalkSkipsItsOwnRecordsOnly() throws IOException {
    StreamsResult failed = sync(api(true, false), SyncMode.APPEND);
    assertThat(walk(failed, "1").stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(issues())
        .containsExactly(
            "{\"id\":\"a1\"}",
            "{\"id\":\"a2\"}",
            "{\"id\":\"a3\"}",
            "{\"id\":\"a4\"}",
            "{\"id\":\"b1\"}",
            "{\"id\":\"shared\"}");

    InProcessApi api = api(false, true);
    StreamsResult resumed = sync(api, SyncMode.RESUME);

    assertThat(api.requests)
        .containsExactly(
            "/repos/a/issues?offset=a3",
            "/repos/a/issues",
            "/repos/a/issues?offset=a2",
            "/repos/a/issues?offset=a3");
    WalkResult a = walk(resumed, "1");
    assertThat(a.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
    assertThat(a.failure()).isNull();
    assertThat(a.records()).isEqualTo(5);
    assertThat(issues())
        .containsExactly(
            "{\"id\":\"a1\"}",
            "{\"id\":\"a2\"}",
            "{\"id\":\"a3\"}",
            "{\"id\":\"a4\"}",
            "{\"id\":\"b1\"}",
            "{\"id\":\"shared\"}",
            "{\"id\":\"shared\"}");
  }
}
