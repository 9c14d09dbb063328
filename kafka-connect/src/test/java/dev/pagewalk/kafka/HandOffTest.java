package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.sink.WalkSink;
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
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * A spawned walk handed from its parent's task to the task that owns it, without Kafka: the spawn
 * record the parent's page carries, and the owner's runs of it from Connect's offsets (applied as
 * Connect would: the last offset of each partition in a transaction wins).
 */
class HandOffTest {
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
        comments:
          parent: issues
          request:
            url: "/issues/{{parent.n}}/comments"
            response: {iterate: "{{body}}", key: "{{item.c}}"}
      """;

  // over two tasks the walk repos/"" and issues/1 belong to task 1, issues/2 to task 0
  private static final TaskShare PARENTS = new TaskShare(1, 2);
  private static final TaskShare OTHER = new TaskShare(0, 2);

  private final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();
  private String spec = SPEC;
  private StreamsResult result;
  private final List<String> requests = new ArrayList<>();

  private Transport api(Set<String> failing) {
    return (request, exchange) -> {
      String path = request.uri().getPath();
      requests.add(path);
      String body =
          path.equals("/repos")
              ? "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": \"b\"}]"
              : path.startsWith("/repos/")
                  ? "[{\"n\": \"" + path.split("/")[2] + "1\"}]"
                  : "[{\"c\": 7}]";
      return failing.contains(path)
          ? Transport.Response.of(500, "", Headers.empty(), new byte[0])
          : Transport.Response.of(
              200, "OK", Headers.empty(), body.getBytes(StandardCharsets.UTF_8));
    };
  }

  /** Runs {@code sink} resuming (or fresh), and applies its units' offsets; returns the units. */
  private List<Handoff.Unit> run(
      WalkSink sink, BlockingQueue<Handoff> queue, Transport api, SyncMode mode, int task) {
    try (Runner runner = Runner.builder().transport(api).build()) {
      result =
          runner.syncStreams(
              Pagewalk.parse("gh.yaml", spec),
              RunInput.empty(),
              List.of(),
              sink,
              mode,
              null,
              RunListener.NONE);
    }
    StreamRecords records = new StreamRecords("t.", "t._status", "t._positions", task);
    List<Handoff.Unit> units = new ArrayList<>();
    for (Handoff h : queue) {
      Handoff.Unit unit = (Handoff.Unit) h;
      units.add(unit);
      for (SourceRecord r : records.of(unit)) {
        offsets.put(r.sourcePartition(), new HashMap<>(r.sourceOffset()));
      }
    }
    queue.clear();
    return units;
  }

  private List<Handoff.Unit> parentsTask() {
    BlockingQueue<Handoff> queue = new LinkedBlockingQueue<>();
    ConnectWalkSink sink =
        new ConnectWalkSink(
            PARENTS, List.of("repos", "issues", "comments"), offsets::get, queue, true);
    return run(sink, queue, api(Set.of()), SyncMode.APPEND, PARENTS.index());
  }

  private List<Handoff.Unit> ownersTask(SpawnRecord spawn, Set<String> failing) {
    BlockingQueue<Handoff> queue = new LinkedBlockingQueue<>();
    ReceivedWalkSink sink =
        new ReceivedWalkSink(OTHER, spawn.run(), List.of(spawn), offsets::get, queue);
    List<Handoff.Unit> units = run(sink, queue, api(failing), SyncMode.RESUME, OTHER.index());
    finished = sink.allFinished();
    return units;
  }

  private boolean finished;

  private static List<SpawnRecord> spawns(List<Handoff.Unit> units) {
    return units.stream().flatMap(u -> u.spawns().stream()).toList();
  }

  @Test
  void theParentsPageCarriesTheWalkItSpawnedForAnotherTaskWhichItDoesNotRun() {
    List<Handoff.Unit> units = parentsTask();

    assertThat(requests).startsWith("/repos", "/repos/a/issues").doesNotContain("/repos/b/issues");
    Handoff.Unit repos =
        units.stream().filter(u -> u.stream().equals("repos")).findFirst().orElseThrow();
    assertThat(repos.spawns())
        .extracting(SpawnRecord::task, SpawnRecord::stream, SpawnRecord::walk, SpawnRecord::parent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "issues", "2", Map.of("id", 2L, "name", "b")));
    assertThat(repos.spawns().get(0).run().runId()).isEqualTo(repos.run());
    assertThat(Roster.fromOffset(Roster.partition(1), offsets.get(Roster.partition(1))).spawned())
        .extracting(Roster.Spawned::walk)
        .doesNotContain("2");

    List<SourceRecord> records = new StreamRecords("t.", "t._status", "t._positions", 1).of(repos);
    assertThat(records.get(0).topic()).isEqualTo("t._positions");
    assertThat(records.get(0).key()).isEqualTo(Map.of("spawnFor", "0"));
    assertThat(records.get(0).value()).isEqualTo(repos.spawns().get(0).toJson());
    assertThat(records.get(0).headers().lastWithName("pagewalk.task").value()).isEqualTo("1");
  }

  @Test
  void theOwnerRunsAHandedWalkUntilItFinishedAndThenNeverAgain() {
    SpawnRecord spawn = throughTheConverter(spawns(parentsTask()).get(0));
    requests.clear();

    List<Handoff.Unit> failed = ownersTask(spawn, Set.of("/repos/b/issues"));
    assertThat(requests).containsExactly("/repos/b/issues");
    assertThat(finished).as("finished after a failed first request").isFalse();
    assertThat(failed).extracting(Handoff.Unit::run).containsOnly(spawn.run().runId());
    requests.clear();

    List<Handoff.Unit> again = ownersTask(spawn, Set.of());
    assertThat(requests).containsExactly("/repos/b/issues");
    assertThat(finished).isTrue();
    assertThat(again)
        .filteredOn(u -> u.ended() != null)
        .extracting(u -> u.stream() + "/" + u.walk() + " " + u.run())
        .containsExactly("issues/2 " + spawn.run().runId());
    assertThat(spawns(again))
        .as("the comments the handed walk spawned are handed on too, whichever task owns them")
        .extracting(SpawnRecord::stream, SpawnRecord::walk, SpawnRecord::task)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "comments", "\"b1\"", OTHER.owner("comments", "\"b1\"")));
    requests.clear();

    List<Handoff.Unit> third = ownersTask(spawn, Set.of());
    assertThat(requests).isEmpty();
    assertThat(third).as("no second report").isEmpty();
    assertThat(finished).isTrue();
  }

  /** The spawn as a task reads it back after the connector's JSON converter wrote it. */
  private static SpawnRecord throughTheConverter(SpawnRecord spawn) {
    try (JsonConverter converter = new JsonConverter()) {
      converter.configure(Map.of("schemas.enable", "false"), false);
      byte[] bytes = converter.fromConnectData("t._positions", null, spawn.toJson());
      return SpawnRecord.read(bytes).orElseThrow();
    }
  }

  @Test
  void walksOfParentsWithoutAKeyStayInTheRunThatNumberedThem() {
    spec =
        SPEC.replace(
            "response: {iterate: \"{{body}}\", key: \"{{item.id}}\"}",
            "response: {iterate: \"{{body}}\"}");

    List<Handoff.Unit> units = parentsTask();

    assertThat(requests)
        .as("both repositories' issues fetched by the parents' task, #2 included")
        .contains("/repos/a/issues", "/repos/b/issues");
    assertThat(spawns(units))
        .extracting(SpawnRecord::stream)
        .as("only the keyed comments are handed on")
        .doesNotContain("issues");
  }

  @Test
  void aHandedWalkWhoseRecordsHaveNoKeyFailsSayingWhyInsteadOfHandingOnNumberedWalks() {
    spec =
        SPEC.replace(
            "response: {iterate: \"{{body}}\", key: \"{{item.n}}\"}",
            "response: {iterate: \"{{body}}\"}");
    SpawnRecord spawn = throughTheConverter(spawns(parentsTask()).get(0));
    requests.clear();

    List<Handoff.Unit> units = ownersTask(spawn, Set.of());

    assertThat(requests).containsExactly("/repos/b/issues");
    assertThat(spawns(units)).isEmpty();
    assertThat(finished).isFalse();
    assertThat(result.streams())
        .flatExtracting(s -> s.walks())
        .extracting(w -> w.failure())
        .containsExactly(
            "gh/issues: writing to the sink failed: the records of stream 'issues' have no key, so the 'comments' walks they spawn cannot"
                + " be handed between tasks: give stream 'issues' a response.key, or leave"
                + " pagewalk.kafka.bootstrap.servers unset");
  }
}
