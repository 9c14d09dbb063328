package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.SyncMode;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.Transport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * A task's walk sink between the engine and Connect's offsets, without Kafka: the offsets its
 * transactions carry (applied as Connect would, the last one of each partition winning) are all a
 * new task has to resume from.
 */
class ConnectWalkSinkTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: gh
      baseUrl: http://api.test
      retry: {maxAttempts: 1}
      concurrency: 1
      streams:
        repos:
          request:
            url: /repos
            response: {iterate: "{{body}}", key: "{{item.id}}"}
        issues:
          parent: repos
          request:
            url: "/repos/{{parent.name}}/issues"
            response: {iterate: "{{body}}", key: "{{item.n}}"}
      """;

  /** Connect's offsets as the transactions the sink handed on left them. */
  private final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();

  private final List<String> requests = new ArrayList<>();

  private Transport api(Set<String> failing) {
    return (request, exchange) -> {
      String path = request.uri().getPath();
      requests.add(path);
      String body =
          path.equals("/repos")
              ? "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": \"b\"}]"
              : "[{\"n\": \"" + path + "\"}]";
      return failing.contains(path)
          ? Transport.Response.of(500, "", Headers.empty(), new byte[0])
          : Transport.Response.of(
              200, "OK", Headers.empty(), body.getBytes(StandardCharsets.UTF_8));
    };
  }

  /** One task's run: its units, turned into Connect records whose offsets are applied. */
  private List<Handoff.Unit> run(Transport api, SyncMode mode) {
    return run(api, mode, List.of());
  }

  private List<Handoff.Unit> run(Transport api, SyncMode mode, List<String> streams) {
    BlockingQueue<Handoff> queue = new LinkedBlockingQueue<>();
    ConnectWalkSink sink =
        new ConnectWalkSink(
            new TaskShare(0, 1),
            streams.isEmpty() ? List.of("repos", "issues") : streams,
            p -> offsets.get(p),
            queue,
            false);
    try (Runner runner = Runner.builder().transport(api).build()) {
      runner.syncStreams(
          Pagewalk.parse("gh.yaml", SPEC),
          RunInput.empty(),
          streams,
          sink,
          mode,
          null,
          RunListener.NONE);
    }
    StreamRecords records = new StreamRecords("t.", "t._status", "t._positions", 0);
    List<Handoff.Unit> units = new ArrayList<>();
    for (Handoff h : queue) {
      Handoff.Unit unit = (Handoff.Unit) h;
      units.add(unit);
      for (SourceRecord r : records.of(unit)) {
        offsets.put(r.sourcePartition(), new HashMap<>(r.sourceOffset()));
      }
    }
    return units;
  }

  private Roster roster() {
    return Roster.fromOffset(Roster.partition(0), offsets.get(Roster.partition(0)));
  }

  @Test
  void keepsASpawnedWalkThatFailedOnTheRosterSoThatItIsResumed() {
    run(api(Set.of("/repos/b/issues")), SyncMode.APPEND);

    assertThat(roster().spawned())
        .extracting(Roster.Spawned::stream, Roster.Spawned::walk)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("issues", "2"));
  }

  @Test
  void aNewTaskResumesOnlyTheUnfinishedSpawnedWalkFromConnectsOffsets() {
    run(api(Set.of("/repos/b/issues")), SyncMode.APPEND);
    requests.clear();

    List<Handoff.Unit> resumed = run(api(Set.of()), SyncMode.RESUME);

    assertThat(requests).containsExactly("/repos/b/issues");
    assertThat(resumed)
        .filteredOn(u -> u.ended() != null)
        .extracting(u -> u.stream() + "/" + u.walk())
        .containsExactly("issues/2");
    assertThat(roster().spawned()).isEmpty();
  }

  @Test
  void aFinishedRunIsNotWalkedAgainByANewTask() {
    run(api(Set.of()), SyncMode.APPEND);
    requests.clear();

    run(api(Set.of()), SyncMode.RESUME);

    assertThat(requests).isEmpty();
  }

  @Test
  void anotherSelectionOfStreamsStartsANewRunRatherThanFailTheTask() {
    run(api(Set.of("/repos/b/issues")), SyncMode.APPEND);
    requests.clear();

    run(api(Set.of()), SyncMode.RESUME, List.of("repos"));

    assertThat(requests).containsExactly("/repos");
    assertThat(roster().run().streams()).containsExactly("repos");
  }

  @Test
  void aPageWithoutRecordsCarriesItsOffsetOnThePositionsTopic() {
    List<Handoff.Unit> units = new ArrayList<>();
    BlockingQueue<Handoff> queue = new LinkedBlockingQueue<>();
    ConnectWalkSink sink =
        new ConnectWalkSink(new TaskShare(0, 1), List.of("issues"), p -> null, queue, false);
    try (Runner runner = Runner.builder().transport(api(Set.of())).build()) {
      runner.syncStreams(
          Pagewalk.parse("gh.yaml", SPEC),
          RunInput.empty(),
          List.of("issues"),
          sink,
          SyncMode.APPEND,
          null,
          RunListener.NONE);
    }
    queue.forEach(h -> units.add((Handoff.Unit) h));
    Handoff.Unit reposEnd =
        units.stream().filter(u -> u.stream().equals("repos")).findFirst().orElseThrow();

    List<SourceRecord> out = new StreamRecords("t.", "t._status", "t._positions", 0).of(reposEnd);

    assertThat(reposEnd.records()).isEmpty();
    assertThat(out).extracting(SourceRecord::topic).containsExactly("t._positions", "t._status");
    assertThat(out.get(1).sourcePartition()).isEqualTo(WalkPosition.partition("repos", ""));
    assertThat(out.get(1).sourceOffset()).containsKeys("checkpoint", "run");
  }
}
