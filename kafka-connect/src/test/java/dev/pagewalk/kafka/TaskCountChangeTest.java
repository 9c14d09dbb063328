package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.source.SourceRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * A change of {@code tasks.max} in the middle of a sync, without Kafka: the runs of the tasks under
 * the old count, half done, are finished by the tasks of the new count from Connect's offsets
 * (applied as Connect would: the last offset of each partition in a transaction wins).
 */
class TaskCountChangeTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: gh
      baseUrl: http://api.test
      retry: {maxAttempts: 1}
      concurrency: 1
      streams:
        orgs:
          request:
            url: /orgs
            response: {iterate: "{{body}}", key: "{{item.id}}"}
        projects:
          request:
            url: /projects
            response: {iterate: "{{body}}", key: "{{item.id}}"}
        issues:
          parent: projects
          request:
            url: "/projects/{{parent.name}}/issues"
            response: {iterate: "{{body}}", key: "{{item.n}}"}
        comments:
          parent: issues
          request:
            url: "/issues/{{parent.n}}/comments"
            response: {iterate: "{{body}}", key: "{{item.c}}"}
      """;
  private static final List<String> STREAMS = List.of("orgs", "projects", "issues", "comments");

  // over three tasks the walk orgs/"" belongs to task 0 and projects/"" to task 2; over two, to 0
  private static final TaskShare OLD_ORGS = new TaskShare(0, 3);
  private static final TaskShare OLD_PROJECTS = new TaskShare(2, 3);
  private static final TaskShare NEW = new TaskShare(0, 2);

  private final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final Plan plan = Pagewalk.parse("gh.yaml", SPEC);

  private Transport api(Set<String> failing) {
    return (request, exchange) -> {
      String path = request.uri().getPath();
      synchronized (requests) {
        requests.add(path);
      }
      String body =
          path.equals("/orgs")
              ? "[{\"id\": 9}]"
              : path.equals("/projects")
                  ? "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": \"b\"}]"
                  : path.startsWith("/projects/")
                      ? "[{\"n\": \"" + path.split("/")[2] + "1\"}]"
                      : "[{\"c\": 7}]";
      return failing.contains(path)
          ? Transport.Response.of(500, "", Headers.empty(), new byte[0])
          : Transport.Response.of(
              200, "OK", Headers.empty(), body.getBytes(StandardCharsets.UTF_8));
    };
  }

  /** Applies the offsets of {@code unit} as task {@code task}'s transaction would commit them. */
  private void commit(Handoff.Unit unit, int task) {
    for (SourceRecord r : new StreamRecords("t.", "t._status", "t._positions", task).of(unit)) {
      offsets.put(r.sourcePartition(), new HashMap<>(r.sourceOffset()));
    }
  }

  /** Runs old task {@code share} once, as the connector did before the change; returns its run. */
  private String oldTask(TaskShare share, Set<String> failing) {
    return run(
            share, new ConnectWalkSink(share, STREAMS, offsets::get, queue, false), failing, false)
        .runId();
  }

  private final BlockingQueue<Handoff> queue = new LinkedBlockingQueue<>();

  /** Runs {@code sink} of task {@code share} once and commits what it handed on. */
  private StreamsResult run(TaskShare share, WalkSink sink, Set<String> failing, boolean resume) {
    StreamsResult result;
    try (Runner runner = Runner.builder().transport(api(failing)).build()) {
      result =
          runner.syncStreams(
              plan,
              RunInput.empty(),
              List.of(),
              sink,
              resume ? SyncMode.RESUME : SyncMode.APPEND,
              null,
              RunListener.NONE);
    }
    for (Handoff h : queue) {
      handed.add((Handoff.Unit) h);
      commit((Handoff.Unit) h, share.index());
    }
    queue.clear();
    return result;
  }

  private final List<Handoff.Unit> handed = new ArrayList<>();

  /**
   * Starts task {@code share}'s sync thread as the task does, commits what it hands on until {@code
   * walks} walks have ended and it has then been quiet for half a second (its next run is an hour
   * away), stops it; returns its units.
   */
  private List<Handoff.Unit> newTask(TaskShare share, int walks) throws InterruptedException {
    BlockingQueue<Handoff> queue = new LinkedBlockingQueue<>();
    List<Handoff.Unit> units = new ArrayList<>();
    try (Runner runner = Runner.builder().transport(api(Set.of())).build()) {
      StreamsLoop loop =
          StreamsLoop.forTask(
              runner,
              plan,
              RunInput.empty(),
              List.of(),
              STREAMS,
              share,
              offsets::get,
              queue,
              false,
              Duration.ofHours(1));
      Thread thread = new Thread(loop);
      thread.start();
      Handoff next;
      int ended = 0;
      while ((next = queue.poll(ended < walks ? 10_000 : 500, TimeUnit.MILLISECONDS)) != null) {
        assertThat(next).isInstanceOf(Handoff.Unit.class);
        ended += ((Handoff.Unit) next).ended() == null ? 0 : 1;
        units.add((Handoff.Unit) next);
        commit((Handoff.Unit) next, share.index());
      }
      loop.stop();
      thread.interrupt();
      thread.join(5_000);
    }
    return units;
  }

  @Test
  void theTaskOfTheNewCountFinishesTheOldTasksRunsFetchingNothingAgain() throws Exception {
    oldTask(OLD_ORGS, Set.of());
    String projectsRun = oldTask(OLD_PROJECTS, Set.of("/projects/b/issues"));
    assertThat(requests)
        .containsExactlyInAnyOrder(
            "/orgs",
            "/projects",
            "/projects/a/issues",
            "/issues/a1/comments",
            "/projects/b/issues");
    requests.clear();

    List<Handoff.Unit> units = newTask(NEW, 2);

    assertThat(requests)
        .as("only what old task 2 had not committed, once")
        .containsExactly("/projects/b/issues", "/issues/b1/comments");
    assertThat(units)
        .filteredOn(u -> u.ended() != null)
        .extracting(u -> u.stream() + "/" + u.walk() + " " + u.run())
        .containsExactlyInAnyOrder("issues/2 " + projectsRun, "comments/\"b1\" " + projectsRun);
    Roster roster = Roster.fromOffset(Roster.partition(2), offsets.get(Roster.partition(2)));
    assertThat(roster.tasks()).isEqualTo(3);
    assertThat(roster.run().runId()).isEqualTo(projectsRun);
    assertThat(roster.spawned()).as("old task 2's unfinished spawned walks").isEmpty();
    assertThat(Roster.fromOffset(Roster.partition(0), offsets.get(Roster.partition(0))).tasks())
        .as("no run of the new count before the poll interval")
        .isEqualTo(3);
  }

  @Test
  void theTaskOfTheNewCountRunsTheWalksHandedToAnOldTaskFromTheOldTasksReadPosition()
      throws Exception {
    oldTask(OLD_ORGS, Set.of());
    run(
        OLD_PROJECTS,
        new ConnectWalkSink(OLD_PROJECTS, STREAMS, offsets::get, queue, true),
        Set.of(),
        false);
    // the projects' issues as spawns for old task 2, which ran the first before the change
    List<SpawnRecord> spawns =
        handed.stream()
            .flatMap(u -> u.spawns().stream())
            .map(s -> new SpawnRecord(2, 3, s.run(), s.stream(), s.walk(), s.parent()))
            .toList();
    assertThat(spawns).extracting(SpawnRecord::walk).containsExactly("1", "2");
    ReceivedWalkSink before =
        new ReceivedWalkSink(
            OLD_PROJECTS, spawns.get(0).run(), spawns.subList(0, 1), offsets::get, queue);
    run(OLD_PROJECTS, before, Set.of(), true);
    assertThat(before.allFinished()).isTrue();
    TopicPartition tp = new TopicPartition("t._pagewalk_positions", 0);
    offsets.put(SpawnPositions.partition(2, tp), new HashMap<>(SpawnPositions.offset(0)));
    offsets.put(SpawnPositions.partition(0, tp), new HashMap<>(SpawnPositions.offset(2)));
    handed.clear();
    requests.clear();

    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.updatePartitions(
        tp.topic(), List.of(new PartitionInfo(tp.topic(), 0, null, null, null)));
    consumer.updateBeginningOffsets(Map.of(tp, 0L));
    consumer.schedulePollTask(
        () -> {
          for (int i = 0; i < spawns.size(); i++) {
            consumer.addRecord(
                new ConsumerRecord<>(
                    tp.topic(),
                    0,
                    i,
                    new byte[0],
                    spawns.get(i).toJson().getBytes(StandardCharsets.UTF_8)));
          }
        });
    Map<TopicPartition, Long> read;
    try (Runner runner = Runner.builder().transport(api(Set.of())).build()) {
      SpawnLoop loop =
          new SpawnLoop(
              runner,
              plan,
              RunInput.empty(),
              List.of(),
              STREAMS,
              NEW,
              OldLayout.of(NEW, STREAMS, offsets::get).orElseThrow(),
              tp.topic(),
              () -> consumer,
              offsets::get,
              queue,
              Duration.ofSeconds(30));
      Thread thread = new Thread(loop);
      thread.start();
      Handoff next = queue.poll(5, TimeUnit.SECONDS);
      assertThat(next)
          .as("the start, old task 2's position, pinned as the new task's own before any walk")
          .isEqualTo(new Handoff.Positions(Map.of(tp, 0L)));
      while ((next = queue.poll(5, TimeUnit.SECONDS)) instanceof Handoff.Unit unit) {
        handed.add(unit);
        commit(unit, NEW.index());
      }
      loop.stop();
      thread.interrupt();
      thread.join(5_000);
      assertThat(next).isInstanceOf(Handoff.Positions.class);
      read = ((Handoff.Positions) next).next();
    }

    assertThat(requests)
        .as("the walk old task 2 finished is read again but not fetched")
        .containsExactly("/projects/b/issues");
    assertThat(handed)
        .filteredOn(u -> u.ended() != null)
        .extracting(u -> u.stream() + "/" + u.walk() + " " + u.run())
        .containsExactly("issues/2 " + spawns.get(1).run().runId());
    assertThat(handed.stream().flatMap(u -> u.spawns().stream()))
        .as("its children are routed as under three tasks")
        .extracting(SpawnRecord::stream, SpawnRecord::walk, SpawnRecord::task, SpawnRecord::tasks)
        .containsExactly(
            Tuple.tuple("comments", "\"b1\"", OLD_PROJECTS.owner("comments", "\"b1\""), 3));
    assertThat(read).isEqualTo(Map.of(tp, 2L));
  }
}
