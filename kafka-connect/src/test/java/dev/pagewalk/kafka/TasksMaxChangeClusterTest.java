package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import dev.pagewalk.conformance.livedata.NestedConfig;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code tasks.max} changed through Connect's REST API in the middle of a sync, from two tasks to
 * three and back to two, on the shared Connect cluster ({@link SharedConnectCluster}): repositories
 * partitioned by organisation and each repository's issues, handed between the tasks through the
 * positions topic.
 */
@ExtendWith(SharedConnectCluster.class)
class TasksMaxChangeClusterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_MS = 60_000;
  private static final List<String> ORGS =
      List.of("acme", "globex", "initech", "umbrella", "hooli", "stark");
  private static final NestedConfig DATA =
      new NestedConfig(
          ORGS.size(),
          List.of(3, 1, 2),
          List.of(4, 0, 7, 1, 3),
          List.of(0),
          NestedConfig.DEFAULT.events(),
          List.of());
  private static final String SPEC = LiveSpecs.reposAndIssues("rescaled", 6, ORGS);

  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void useTheCluster() {
    connect = SharedConnectCluster.get();
  }

  @Test
  void everyRecordLandsOnceWhenTasksMaxChangesTwiceInTheMiddleOfTheSync() throws Exception {
    Map<String, Set<String>> expected = expectedKeys();
    try (LiveDataServer api = InProcessRun.nestedApi(DATA)) {
      String prefix = "rescaled.";
      Map<String, String> config = StreamsConnector.exactlyOnce(SPEC, api.baseUrl(), prefix, 2);
      config.put(SpawnConsumer.BOOTSTRAP, connect.kafka().bootstrapServers());
      for (String topic : List.of("repos", "issues", "_pagewalk_status")) {
        connect.kafka().createTopic(prefix + topic, 1);
      }
      connect.kafka().createTopic(prefix + "_pagewalk_positions", 2);
      connect.configureConnector("rescaled", config);
      connect
          .assertions()
          .assertConnectorAndExactlyNumTasksAreRunning("rescaled", 2, "rescaled did not start");

      Set<String> finishedBefore = new HashSet<>();
      int requestsAtFirst = change(api, config, 3, 4, finishedBefore);
      int requestsAtSecond = change(api, config, 2, 12, finishedBefore);

      int walks = expected.get("walks").size();
      connect
          .kafka()
          .consume(walks, TIMEOUT_MS, CommittedRecords.readCommitted(), prefix + "_pagewalk_status")
          .count();
      List<ConsumerRecord<byte[], byte[]>> status = committed(prefix + "_pagewalk_status");

      assertThat(requestsAtFirst)
          .as("the first change came before the sync's end")
          .isLessThan(expected.get("requests").size());
      assertThat(requestsAtSecond)
          .as("the second change came before the sync's end")
          .isLessThan(expected.get("requests").size());
      for (String stream : List.of("repos", "issues")) {
        assertThat(CommittedRecords.keys(committed(prefix + stream)))
            .as("each record of " + stream + " once")
            .containsExactlyInAnyOrderElementsOf(expected.get(stream));
      }
      Map<String, String> verdicts = new TreeMap<>();
      for (ConsumerRecord<byte[], byte[]> r : status) {
        JsonNode key = JSON.readTree(r.key());
        String walk = key.get("stream").asText() + "/" + key.get("walk").asText();
        assertThat(verdicts.put(walk, JSON.readTree(r.value()).get("verdict").asText()))
            .as("one report for " + walk)
            .isNull();
      }
      assertThat(verdicts.keySet()).containsExactlyInAnyOrderElementsOf(expected.get("walks"));
      assertThat(new HashSet<>(verdicts.values())).containsExactly("COMPLETE");

      Map<String, Long> asked =
          api.requests().stream()
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      Map<String, String> fullNames = fullNames(committed(prefix + "repos"));
      assertThat(finishedBefore).as("walks finished before a change").isNotEmpty();
      for (String finished : finishedBefore) {
        JsonNode key = JSON.readTree(finished);
        String path =
            key.get("stream").asText().equals("repos")
                ? "/orgs/" + key.get("walk").asText() + "/repos"
                : "/repos/" + fullNames.get(key.get("walk").asText()) + "/issues";
        asked.forEach(
            (request, times) -> {
              if (request.startsWith(path + "?")) {
                assertThat(times).as(request + " of a walk finished before a change").isEqualTo(1);
              }
            });
      }
      assertThat(asked.keySet()).containsExactlyInAnyOrderElementsOf(expected.get("requests"));
    }
  }

  /**
   * Once at least {@code issues} issues are committed, changes the connector to {@code tasks} tasks
   * through the REST API and waits for them to run; adds the walks finished before to {@code
   * finished}, and returns how many requests {@code api} had answered by then.
   */
  private static int change(
      LiveDataServer api, Map<String, String> config, int tasks, int issues, Set<String> finished)
      throws Exception {
    connect
        .kafka()
        .consume(issues, TIMEOUT_MS, CommittedRecords.readCommitted(), "rescaled.issues")
        .count();
    for (ConsumerRecord<byte[], byte[]> r : committed("rescaled._pagewalk_status")) {
      finished.add(new String(r.key(), StandardCharsets.UTF_8));
    }
    int requests = api.requests().size();
    config.put("tasks.max", Integer.toString(tasks));
    connect.configureConnector("rescaled", config);
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning(
            "rescaled", tasks, "rescaled did not run " + tasks + " tasks");
    return requests;
  }

  /** What one in-process run of the spec walks, asks for and writes, against its own mock. */
  private static Map<String, Set<String>> expectedKeys() {
    return InProcessRun.expected(SPEC, DATA, List.of("repos", "issues"));
  }

  private static List<ConsumerRecord<byte[], byte[]>> committed(String topic) throws Exception {
    return CommittedRecords.in(connect, TIMEOUT_MS, topic);
  }

  private static Map<String, String> fullNames(List<ConsumerRecord<byte[], byte[]>> repos)
      throws Exception {
    Map<String, String> out = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : repos) {
      JsonNode value = JSON.readTree(r.value());
      out.put(value.get("id").asText(), value.get("full_name").asText());
    }
    return out;
  }
}
