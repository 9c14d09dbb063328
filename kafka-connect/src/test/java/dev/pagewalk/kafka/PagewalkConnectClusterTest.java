package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector on a real Connect cluster from Kafka's own test kit: an in-JVM KRaft broker and two
 * distributed workers with exactly-once source support ({@link SharedConnectCluster}, started once
 * for the module's cluster tests), reading the live-data mock over loopback.
 */
@ExtendWith(SharedConnectCluster.class)
class PagewalkConnectClusterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_MS = 60_000;
  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void useTheCluster() {
    connect = SharedConnectCluster.get();
  }

  @Nested
  class ExactlyOnce {
    @Test
    void deliversEachOfTwentyThousandRecordsOnceAndTheWalksCompleteReport() throws Exception {
      try (LiveDataServer api = tokenApi(20_000, 100)) {
        String prefix = "full.";
        Map<String, String> config =
            exactlyOnce(connectorConfig(LiveSpecs.token("items", 100, null), api, prefix));
        startConnector("full", config, prefix + "items", prefix + "_pagewalk_status");

        JsonNode report = statusReport(prefix + "_pagewalk_status");
        List<ConsumerRecord<byte[], byte[]>> records = committed(prefix + "items");

        assertThat(report.get("verdict").asText()).isEqualTo("COMPLETE");
        assertThat(report.get("records").get("emitted").asLong()).isEqualTo(20_000);
        assertThat(report.get("pages").asLong()).isEqualTo(200);
        assertThat(records.size()).isEqualTo(20_000);
        assertThat(distinctIds(records).size()).isEqualTo(20_000);
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        assertThat(text(first.key())).isEqualTo(JSON.readTree(first.value()).get("id").toString());
        assertThat(header(first, ConnectRecords.STREAM)).isEqualTo("items");
        assertThat(header(first, ConnectRecords.WALK)).isEmpty();
        assertThat(header(first, ConnectRecords.RUN_ID)).isEqualTo(report.get("runId").asText());
        assertThat(api.requestCount()).isEqualTo(200);
      }
    }

    @Test
    void aTaskRestartedThroughTheRestApiContinuesFromItsCommittedPage(@TempDir Path dir)
        throws Exception {
      try (LiveDataServer api = tokenApi(3_000, 50)) {
        Path spec = dir.resolve("slow-items.yaml");
        Files.writeString(spec, LiveSpecs.token("slow-items", 50, "100ms"));
        String prefix = "restart.";
        Map<String, String> config = exactlyOnce(connectorConfig(spec.toString(), api, prefix));
        startConnector("restart", config, prefix + "slow-items", prefix + "_pagewalk_status");
        connect.kafka().consume(500, TIMEOUT_MS, readCommitted(), prefix + "slow-items").count();

        connect.restartTask("restart", 0);

        JsonNode report = statusReport(prefix + "_pagewalk_status");
        List<ConsumerRecord<byte[], byte[]>> records = committed(prefix + "slow-items");
        assertThat(report.get("verdict").asText()).isEqualTo("COMPLETE");
        assertThat(records.size()).isEqualTo(3_000);
        assertThat(distinctIds(records).size()).isEqualTo(3_000);
        assertThat(api.requests().stream().filter(r -> !r.contains("page_token")).count())
            .as("requests for the first page (a restart from the beginning would ask again)")
            .isEqualTo(1);
        assertThat(api.requestCount()).isBetween(60, 60 + 2 + 2);
      }
    }

    @Test
    void theOtherWorkerTakesOverAStoppedWorkersWalkWithoutDuplicates() throws Exception {
      try (LiveDataServer api = tokenApi(3_000, 50)) {
        String prefix = "takeover.";
        Map<String, String> config =
            exactlyOnce(connectorConfig(LiveSpecs.token("moving-items", 50, "100ms"), api, prefix));
        startConnector("takeover", config, prefix + "moving-items", prefix + "_pagewalk_status");
        connect.kafka().consume(500, TIMEOUT_MS, readCommitted(), prefix + "moving-items").count();
        WorkerHandle running = workerRunningTask("takeover");

        connect.removeWorker(running);
        try {
          JsonNode report = statusReport(prefix + "_pagewalk_status");
          List<ConsumerRecord<byte[], byte[]>> records = committed(prefix + "moving-items");

          assertThat(report.get("verdict").asText()).isEqualTo("COMPLETE");
          assertThat(records.size()).isEqualTo(3_000);
          assertThat(distinctIds(records).size()).isEqualTo(3_000);
          assertThat(api.requests().stream().filter(r -> !r.contains("page_token")).count())
              .as("requests for the first page (a takeover from the beginning would ask again)")
              .isEqualTo(1);
          assertThat(workerRunningTask("takeover")).isNotEqualTo(running);
        } finally {
          connect.addWorker();
          connect
              .assertions()
              .assertAtLeastNumWorkersAreUp(2, "the cluster did not get 2 workers back");
        }
      }
    }
  }

  @Nested
  class Operations {
    @Test
    void aPausedConnectorSendsNothingUntilResumed() throws Exception {
      try (LiveDataServer api = tokenApi(2_000, 50)) {
        String prefix = "pause.";
        Map<String, String> config =
            exactlyOnce(connectorConfig(LiveSpecs.token("paused-items", 50, "100ms"), api, prefix));
        startConnector("pause", config, prefix + "paused-items", prefix + "_pagewalk_status");
        connect.kafka().consume(200, TIMEOUT_MS, readCommitted(), prefix + "paused-items").count();

        connect.pauseConnector("pause");
        connect
            .assertions()
            .assertConnectorAndExactlyNumTasksArePaused("pause", 1, "pause did not pause");
        int requestsWhenPaused = api.requestCount();
        Thread.sleep(2_000);
        int requestsAfterAPause = api.requestCount();
        connect.resumeConnector("pause");

        JsonNode report = statusReport(prefix + "_pagewalk_status");
        assertThat(requestsWhenPaused).as("pages asked for before the pause, of 40").isLessThan(40);
        assertThat(requestsAfterAPause)
            .as("requests sent while paused: at most the pages the engine may read ahead")
            .isLessThanOrEqualTo(requestsWhenPaused + 3);
        assertThat(report.get("verdict").asText()).isEqualTo("COMPLETE");
        assertThat(distinctIds(committed(prefix + "paused-items")).size()).isEqualTo(2_000);
      }
    }

    @Test
    void resettingTheOffsetsThroughTheRestApiWalksAgainFromTheFirstPage() throws Exception {
      try (LiveDataServer api = tokenApi(500, 50)) {
        String prefix = "reset.";
        String status = prefix + "_pagewalk_status";
        Map<String, String> config =
            exactlyOnce(connectorConfig(LiveSpecs.token("reset-items", 50, null), api, prefix));
        startConnector("reset", config, prefix + "reset-items", status);
        statusReport(status);

        connect.stopConnector("reset");
        connect.assertions().assertConnectorIsStopped("reset", "reset did not stop");
        String answer = connect.resetConnectorOffsets("reset");
        connect.resumeConnector("reset");

        List<ConsumerRecord<byte[], byte[]>> reports = new ArrayList<>();
        connect.kafka().consume(2, TIMEOUT_MS, readCommitted(), status).forEach(reports::add);
        assertThat(answer)
            .isEqualTo(
                "{\"message\":\"The offsets for this connector have been reset successfully\"}");
        assertThat(reports).hasSize(2);
        assertThat(JSON.readTree(reports.get(1).value()).get("verdict").asText())
            .isEqualTo("COMPLETE");
        assertThat(committed(prefix + "reset-items").size()).isEqualTo(1_000);
        assertThat(api.requests().stream().filter(r -> !r.contains("page_token")).count())
            .isEqualTo(2);
      }
    }

    @Test
    void reportsATruncatedWalkAsIncomplete() throws Exception {
      try (LiveDataServer api = tokenApi(500, 50)) {
        String prefix = "capped.";
        String spec =
            LiveSpecs.token("capped-items", 50, null)
                .replace("maxRecords: unlimited", "maxRecords: 120");
        JsonNode report;
        String log;
        try (ErrCapture err = ErrCapture.start()) {
          startConnector(
              "capped",
              exactlyOnce(connectorConfig(spec, api, prefix)),
              prefix + "capped-items",
              prefix + "_pagewalk_status");
          report = statusReport(prefix + "_pagewalk_status");
          log = err.text();
        }

        assertThat(report.get("verdict").asText()).isEqualTo("INCOMPLETE");
        assertThat(report.get("stopReason").asText()).isEqualTo("max-records");
        assertThat(committed(prefix + "capped-items").size()).isEqualTo(120);
        assertThat(log)
            .contains(
                "WARN dev.pagewalk.kafka.PagewalkSourceTask - capped-items: walk "
                    + report.get("runId").asText()
                    + " ended INCOMPLETE: stop: truncated by max-records (limits.maxRecords = 120):"
                    + " there may be more records");
      }
    }
  }

  @Nested
  class Exactness {
    @Test
    void refusesAnOffsetPagingSpecWhenExactlyOnceIsRequired() throws Exception {
      try (LiveDataServer api = tokenApi(10, 10)) {
        Map<String, String> config =
            exactlyOnce(connectorConfig(LiveSpecs.offset("live-offset"), api, "offset."));

        ConnectRestException refused =
            catchThrowableOfType(
                ConnectRestException.class, () -> connect.configureConnector("offset", config));

        assertThat(refused.getMessage())
            .contains(
                "live-offset asks for its pages by position (pagination.offset or"
                    + " pagination.page): records inserted or deleted before that position while"
                    + " the walk runs or waits to resume are read twice or skipped, so its walk"
                    + " cannot be delivered exactly once; page with a cursor, token, link or key"
                    + " the API returns instead");
        assertThat(connect.connectors()).doesNotContain("offset");
      }
    }
  }

  @Nested
  class Validation {
    @Test
    void showsTheLocatedDiagnosticOfABrokenSpec() {
      String broken = LiveSpecs.token("broken", 10, null).replace("url: /items", "url: [1");
      ConfigInfos infos =
          connect.validateConnectorConfig(
              "PagewalkSourceConnector",
              Map.of(
                  "name",
                  "broken",
                  "connector.class",
                  PagewalkSourceConnector.class.getName(),
                  PagewalkConfig.SPEC,
                  broken));

      assertThat(infos.errorCount()).isEqualTo(1);
      assertThat(errors(infos, PagewalkConfig.SPEC))
          .containsExactly(
              """
              pagewalk.spec:8:8: the list opened with '[' at line 8, column 8 is not closed with\
               ']' (at /)
                  url: [1
                       ^
                hint: close it on line 8, or write one item per line as - item""");
    }
  }

  private static WorkerHandle workerRunningTask(String connector) {
    String worker = connect.connectorStatus(connector).tasks().get(0).workerId();
    return connect.workers().stream()
        .filter(w -> worker.equals(w.url().getHost() + ":" + w.url().getPort()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no worker " + worker + " in " + connect.workers()));
  }

  private static List<String> errors(ConfigInfos infos, String key) {
    return infos.configs().stream()
        .map(ConfigInfo::configValue)
        .filter(v -> v.name().equals(key))
        .flatMap(v -> v.errors().stream())
        .toList();
  }

  private static LiveDataServer tokenApi(int size, int pageSize) {
    return LiveDataServer.start(
        LiveDataConfig.fromMap(
            Map.of(
                "dataset",
                Map.of("size", size, "seed", 3),
                "style",
                "token",
                "pageSize",
                pageSize,
                "maxPageSize",
                pageSize)));
  }

  private static Map<String, String> connectorConfig(
      String spec, LiveDataServer api, String prefix) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", PagewalkSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put(PagewalkConfig.SPEC, spec);
    config.put(PagewalkConfig.BASE_URL, api.baseUrl());
    config.put(PagewalkConfig.TOPIC_PREFIX, prefix);
    config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("key.converter.schemas.enable", "false");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    return config;
  }

  private static Map<String, String> exactlyOnce(Map<String, String> config) {
    config.put("exactly.once.support", "required");
    config.put("transaction.boundary", "connector");
    return config;
  }

  private static void startConnector(
      String name, Map<String, String> config, String topic, String statusTopic)
      throws InterruptedException {
    connect.kafka().createTopic(topic, 1);
    connect.kafka().createTopic(statusTopic, 1);
    connect.configureConnector(name, config);
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning(name, 1, name + " did not start");
  }

  private static Map<String, Object> readCommitted() {
    return Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }

  private static JsonNode statusReport(String statusTopic) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> status = new ArrayList<>();
    connect.kafka().consume(1, TIMEOUT_MS, readCommitted(), statusTopic).forEach(status::add);
    assertThat(status).hasSize(1);
    return JSON.readTree(status.get(0).value());
  }

  private static List<ConsumerRecord<byte[], byte[]>> committed(String topic) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    connect.kafka().consumeAll(TIMEOUT_MS, readCommitted(), null, topic).forEach(out::add);
    return out;
  }

  private static Set<String> distinctIds(List<ConsumerRecord<byte[], byte[]>> records)
      throws Exception {
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      ids.add(JSON.readTree(r.value()).get("id").asText());
    }
    return ids;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return text(record.headers().lastHeader(name).value());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
