package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import dev.pagewalk.conformance.livedata.NestedConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * A spec with two streams, repositories partitioned by organisation and each repository's issues,
 * over three tasks of a real Connect cluster (an in-JVM KRaft broker, two distributed workers with
 * exactly-once source support: {@link SharedConnectCluster}) reading the live-data mock's nested
 * resources.
 */
@ExtendWith(SharedConnectCluster.class)
class StreamsOverTasksClusterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_MS = 60_000;
  private static final int RATE = 12;
  private static final List<String> ORGS =
      List.of("acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka");
  private static final NestedConfig DATA =
      new NestedConfig(
          ORGS.size(),
          List.of(3, 1, 2),
          List.of(4, 0, 7, 1, 3),
          List.of(0),
          NestedConfig.DEFAULT.events(),
          List.of());
  private static final String SPEC = LiveSpecs.reposAndIssues("org-repo-issues", RATE, ORGS);

  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void useTheCluster() {
    connect = SharedConnectCluster.get();
  }

  @Test
  void everyWalkLandsOnceOverThreeTasksThroughARestartWithinTheSharedRateLimit() throws Exception {
    Map<String, Set<String>> expected = expectedKeys();
    try (LiveDataServer api = InProcessRun.nestedApi(DATA)) {
      String prefix = "fanout.";
      Map<String, String> config = StreamsConnector.exactlyOnce(SPEC, api.baseUrl(), prefix, 3);
      for (String topic : List.of("repos", "issues", "_pagewalk_status", "_pagewalk_positions")) {
        connect.kafka().createTopic(prefix + topic, 1);
      }
      connect.configureConnector("fanout", config);
      connect
          .assertions()
          .assertConnectorAndExactlyNumTasksAreRunning("fanout", 3, "fanout did not start");
      connect
          .kafka()
          .consume(6, TIMEOUT_MS, CommittedRecords.readCommitted(), prefix + "issues")
          .count();

      Set<String> finishedBeforeRestart = new HashSet<>();
      for (ConsumerRecord<byte[], byte[]> r : committed(prefix + "_pagewalk_status")) {
        finishedBeforeRestart.add(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8));
      }
      int requestsBeforeRestart = api.requests().size();
      for (int task = 0; task < 3; task++) {
        connect.restartTask("fanout", task);
      }
      int walks = expected.get("walks").size();
      List<ConsumerRecord<byte[], byte[]>> status = new ArrayList<>();
      connect
          .kafka()
          .consume(walks, TIMEOUT_MS, CommittedRecords.readCommitted(), prefix + "_pagewalk_status")
          .forEach(status::add);
      status = committed(prefix + "_pagewalk_status");

      assertThat(requestsBeforeRestart)
          .as("the restart came before the sync's end")
          .isLessThan(expected.get("requests").size());
      assertThat(CommittedRecords.keys(committed(prefix + "repos")))
          .as("each repository once")
          .containsExactlyInAnyOrderElementsOf(expected.get("repos"));
      assertThat(CommittedRecords.keys(committed(prefix + "issues")))
          .as("each issue once")
          .containsExactlyInAnyOrderElementsOf(expected.get("issues"));
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
      for (String finished : finishedBeforeRestart) {
        JsonNode key = JSON.readTree(finished);
        String path =
            key.get("stream").asText().equals("repos")
                ? "/orgs/" + key.get("walk").asText() + "/repos"
                : "/repos/" + fullNames.get(key.get("walk").asText()) + "/issues";
        asked.forEach(
            (request, times) -> {
              if (request.startsWith(path + "?")) {
                assertThat(times)
                    .as(request + " of a walk finished before the restart")
                    .isEqualTo(1);
              }
            });
      }
      assertThat(asked.keySet()).containsExactlyInAnyOrderElementsOf(expected.get("requests"));

      List<Instant> times = api.nestedRequestTimes();
      for (int i = 0; i < times.size(); i++) {
        Instant from = times.get(i);
        long inWindow =
            times.stream()
                .filter(t -> !t.isBefore(from) && t.isBefore(from.plus(Duration.ofMillis(900))))
                .count();
        assertThat(inWindow)
            .as("requests within 900 ms of the one at " + from)
            .isLessThanOrEqualTo(RATE);
      }
    }
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
