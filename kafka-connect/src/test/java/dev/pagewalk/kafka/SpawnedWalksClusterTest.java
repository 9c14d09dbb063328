package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import dev.pagewalk.conformance.livedata.NestedConfig;
import dev.pagewalk.json.RecordKeys;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A parent stream with one walk (one organisation's repositories) whose children (each repository's
 * issues, and each issue's comments) are handed across three tasks of the shared Connect cluster
 * ({@link SharedConnectCluster}) through the positions topic, read back by each task with {@code
 * read_committed}; in the middle of the sync the worker running two of the tasks leaves, and the
 * other takes their walks over.
 */
@ExtendWith(SharedConnectCluster.class)
class SpawnedWalksClusterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_MS = 60_000;
  private static final NestedConfig DATA =
      new NestedConfig(
          1,
          List.of(12),
          List.of(3, 1, 4, 0, 2),
          List.of(1, 0, 2),
          NestedConfig.DEFAULT.events(),
          List.of());
  private static final String SPEC =
      """
      pagewalk: 1
      name: one-org
      baseUrl: http://127.0.0.1:9
      limits: {maxRecords: unlimited, maxRequests: unlimited, maxPaginationRequests: unlimited}
      rateLimit: {requests: 15, per: 1s}
      concurrency: 2
      streams:
        repos:
          request:
            url: "/orgs/acme/repos"
            qs: {per_page: 2}
            response:
              iterate: "{{body}}"
              key: "{{item.id}}"
              output: {id: "{{item.id}}", full_name: "{{item.full_name}}"}
            pagination:
              mergeWithParent: false
              url: "{{links.next}}"
              condition: "{{links.next}}"
          sync: {order: [id]}
        issues:
          parent: repos
          request:
            url: "/repos/{{parent.full_name}}/issues"
            qs: {per_page: 2}
            response:
              iterate: "{{body}}"
              key: "{{item.id}}"
              output: {repository: "{{parent.full_name}}", id: "{{item.id}}", number: "{{item.number}}"}
            pagination:
              mergeWithParent: false
              url: "{{links.next}}"
              condition: "{{links.next}}"
          sync: {order: [id]}
        comments:
          parent: issues
          request:
            url: "/repos/{{parent.repository}}/issues/{{parent.number}}/comments"
            response:
              iterate: "{{body}}"
              key: "{{item.id}}"
              output: {issue: "{{parent.id}}", id: "{{item.id}}"}
          sync: {order: [id]}
      """;

  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void useTheCluster() {
    connect = SharedConnectCluster.get();
  }

  @Test
  void theChildrenOfOneParentWalkRunInSeveralTasksAndLandOnceThroughAWorkerLeaving()
      throws Exception {
    Map<String, Set<String>> expected = expectedKeys();
    try (LiveDataServer api = InProcessRun.nestedApi(DATA)) {
      String prefix = "spawned.";
      Map<String, String> config = StreamsConnector.exactlyOnce(SPEC, api.baseUrl(), prefix, 3);
      config.put(SpawnConsumer.BOOTSTRAP, connect.kafka().bootstrapServers());
      for (String topic : List.of("repos", "issues", "comments", "_pagewalk_status")) {
        connect.kafka().createTopic(prefix + topic, 1);
      }
      connect.kafka().createTopic(prefix + "_pagewalk_positions", 2);
      connect.configureConnector("spawned", config);
      connect
          .assertions()
          .assertConnectorAndExactlyNumTasksAreRunning("spawned", 3, "spawned did not start");
      connect
          .kafka()
          .consume(4, TIMEOUT_MS, CommittedRecords.readCommitted(), prefix + "comments")
          .count();

      Set<String> finishedBeforeLoss = new HashSet<>();
      for (ConsumerRecord<byte[], byte[]> r : committed(prefix + "_pagewalk_status")) {
        finishedBeforeLoss.add(new String(r.key(), StandardCharsets.UTF_8));
      }
      int requestsBeforeLoss = api.requests().size();
      Map<WorkerHandle, Set<String>> tasksByWorker = tasksByWorker("spawned");
      WorkerHandle leaving =
          tasksByWorker.entrySet().stream()
              .max(Comparator.comparingInt(e -> e.getValue().size()))
              .orElseThrow()
              .getKey();
      Set<String> tasksOfTheLeaving = tasksByWorker.get(leaving);
      List<ConsumerRecord<byte[], byte[]>> status;
      connect.removeWorker(leaving);
      try {
        int walks = expected.get("walks").size();
        connect
            .kafka()
            .consume(
                walks, TIMEOUT_MS, CommittedRecords.readCommitted(), prefix + "_pagewalk_status")
            .count();
        status = committed(prefix + "_pagewalk_status");
        assertThat(tasksByWorker("spawned").keySet())
            .as("the workers running the tasks after the loss")
            .doesNotContain(leaving);
      } finally {
        connect.addWorker();
        connect
            .assertions()
            .assertAtLeastNumWorkersAreUp(2, "the cluster did not get 2 workers back");
      }

      assertThat(finishedBeforeLoss).as("walks finished before the loss").isNotEmpty();
      assertThat(requestsBeforeLoss)
          .as("the worker left before the sync's end")
          .isLessThan(expected.get("requests").size());
      for (String stream : List.of("repos", "issues", "comments")) {
        assertThat(CommittedRecords.keys(committed(prefix + stream)))
            .as("each record of " + stream + " once")
            .containsExactlyInAnyOrderElementsOf(expected.get(stream));
      }
      Map<String, String> verdicts = new TreeMap<>();
      Map<String, Set<String>> tasksOf = new TreeMap<>();
      Map<String, String> endedAfterLoss = new TreeMap<>();
      for (ConsumerRecord<byte[], byte[]> r : status) {
        JsonNode key = JSON.readTree(r.key());
        String stream = key.get("stream").asText();
        String walk = stream + "/" + key.get("walk").asText();
        assertThat(verdicts.put(walk, JSON.readTree(r.value()).get("verdict").asText()))
            .as("one report for " + walk)
            .isNull();
        String task =
            new String(r.headers().lastHeader("pagewalk.task").value(), StandardCharsets.UTF_8);
        tasksOf.computeIfAbsent(stream, s -> new TreeSet<>()).add(task);
        if (!finishedBeforeLoss.contains(new String(r.key(), StandardCharsets.UTF_8))) {
          endedAfterLoss.put(walk, task);
        }
      }
      assertThat(verdicts.keySet()).containsExactlyInAnyOrderElementsOf(expected.get("walks"));
      assertThat(new HashSet<>(verdicts.values())).containsExactly("COMPLETE");
      assertThat(tasksOf.get("repos")).as("the one parent walk's task").hasSize(1);
      assertThat(tasksOf.get("issues")).as("the tasks that ran the issues").hasSize(3);
      assertThat(tasksOf.get("comments")).as("the tasks that ran the comments").hasSize(3);
      String parentTask = tasksOf.get("repos").iterator().next();
      assertThat(
              endedAfterLoss.entrySet().stream()
                  .filter(w -> !w.getKey().startsWith("repos/"))
                  .filter(w -> !w.getValue().equals(parentTask))
                  .filter(w -> tasksOfTheLeaving.contains(w.getValue()))
                  .map(Map.Entry::getKey)
                  .toList())
          .as(
              "walks handed to a task of the worker that left "
                  + tasksOfTheLeaving
                  + ", ended after")
          .isNotEmpty();

      Map<String, Long> asked =
          api.requests().stream()
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      Map<String, String> paths =
          walkPaths(committed(prefix + "repos"), committed(prefix + "issues"));
      for (String finished : finishedBeforeLoss) {
        JsonNode key = JSON.readTree(finished);
        String path = paths.get(key.get("stream").asText() + "/" + key.get("walk").asText());
        asked.forEach(
            (request, times) -> {
              if (request.startsWith(path + "?") || request.equals(path)) {
                assertThat(times).as(request + " of a walk finished before the loss").isEqualTo(1);
              }
            });
      }
      assertThat(asked.keySet()).containsExactlyInAnyOrderElementsOf(expected.get("requests"));
    }
  }

  /** The tasks of the connector ({@code pagewalk.task} indexes) by the worker running them. */
  private static Map<WorkerHandle, Set<String>> tasksByWorker(String connector) {
    Map<WorkerHandle, Set<String>> out = new HashMap<>();
    for (var task : connect.connectorStatus(connector).tasks()) {
      WorkerHandle worker =
          connect.workers().stream()
              .filter(w -> task.workerId().equals(w.url().getHost() + ":" + w.url().getPort()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no worker " + task.workerId() + " in " + connect.workers()));
      out.computeIfAbsent(worker, w -> new TreeSet<>()).add(String.valueOf(task.id()));
    }
    return out;
  }

  /** What one in-process run of the spec walks, asks for and writes, against its own mock. */
  private static Map<String, Set<String>> expectedKeys() {
    return InProcessRun.expected(SPEC, DATA, List.of("repos", "issues", "comments"));
  }

  /** The path each walk asks for, by {@code stream/walk}. */
  private static Map<String, String> walkPaths(
      List<ConsumerRecord<byte[], byte[]>> repos, List<ConsumerRecord<byte[], byte[]>> issues)
      throws Exception {
    Map<String, String> out = new HashMap<>();
    out.put("repos/", "/orgs/acme/repos");
    for (ConsumerRecord<byte[], byte[]> r : repos) {
      JsonNode value = JSON.readTree(r.value());
      out.put(
          "issues/" + RecordKeys.canonical(JSON.readValue(r.key(), Object.class)),
          "/repos/" + value.get("full_name").asText() + "/issues");
    }
    for (ConsumerRecord<byte[], byte[]> r : issues) {
      JsonNode value = JSON.readTree(r.value());
      out.put(
          "comments/" + RecordKeys.canonical(JSON.readValue(r.key(), Object.class)),
          "/repos/"
              + value.get("repository").asText()
              + "/issues/"
              + value.get("number").asText()
              + "/comments");
    }
    return out;
  }

  private static List<ConsumerRecord<byte[], byte[]>> committed(String topic) throws Exception {
    return CommittedRecords.in(connect, TIMEOUT_MS, topic);
  }
}
