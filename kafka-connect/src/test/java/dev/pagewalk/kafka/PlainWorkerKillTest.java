package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector as users install it: two plain Connect workers in child JVMs ({@code
 * ConnectDistributed}, Kafka's jars on the class path, the connector only in a folder on {@code
 * plugin.path} laid out like the plugin archive, default plugin discovery, exactly-once source
 * support) against an in-JVM KRaft broker. The worker running the walk is killed with SIGKILL twice
 * in the middle; each time the other worker continues from the offsets the killed JVM committed.
 */
class PlainWorkerKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final int RECORDS = 5_000;
  private static final int PAGE = 50;

  private static Path dir;
  private static EmbeddedKafkaCluster kafka;
  private static Properties worker;
  private static final List<ConnectWorkerProcess> workers = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    // under target/, so that the workers' logs outlive a failed run
    dir = Files.createTempDirectory(Path.of("target"), "plain-workers-").toAbsolutePath();
    Properties broker = new Properties();
    broker.put("transaction.state.log.replication.factor", "1");
    broker.put("transaction.state.log.min.isr", "1");
    // lets the workers notice a killed member after 4 s (session.timeout.ms) rather than 10 s
    broker.put("group.min.session.timeout.ms", "1000");
    kafka = new EmbeddedKafkaCluster(1, broker);
    kafka.start();

    worker = new Properties();
    worker.put("bootstrap.servers", kafka.bootstrapServers());
    worker.put("group.id", "plain-connect");
    worker.put("config.storage.topic", "plain-configs");
    worker.put("offset.storage.topic", "plain-offsets");
    worker.put("status.storage.topic", "plain-status");
    worker.put("config.storage.replication.factor", "1");
    worker.put("offset.storage.replication.factor", "1");
    worker.put("offset.storage.partitions", "1");
    worker.put("status.storage.replication.factor", "1");
    worker.put("status.storage.partitions", "1");
    worker.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    worker.put("key.converter.schemas.enable", "false");
    worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    worker.put("value.converter.schemas.enable", "false");
    worker.put("plugin.path", PluginFolder.write(dir.resolve("plugins")).getParent().toString());
    worker.put("exactly.once.source.support", "enabled");
    // survivors take over a departed worker's tasks after 1 s instead of 5 minutes
    worker.put("scheduled.rebalance.max.delay.ms", "1000");
    worker.put("session.timeout.ms", "4000");
    worker.put("heartbeat.interval.ms", "1000");
    worker.put("offset.flush.interval.ms", "1000");
    for (int i = 0; i < 2; i++) {
      workers.add(ConnectWorkerProcess.start(worker, dir, "worker-" + i));
    }
    for (ConnectWorkerProcess w : workers) {
      w.awaitUp(TIMEOUT);
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (ConnectWorkerProcess w : workers) {
      w.close();
    }
    if (kafka != null) {
      kafka.stop();
    }
  }

  @Test
  void theSurvivorContinuesFromTheKilledWorkersOffsetsTwiceAndEachRecordLandsOnce()
      throws Exception {
    try (LiveDataServer api = tokenApi()) {
      Path spec = dir.resolve("killed-items.yaml");
      Files.writeString(spec, LiveSpecs.token("killed-items", PAGE, "250ms"));
      String topic = "kill.killed-items";
      String status = "kill._pagewalk_status";
      kafka.createTopic(topic, 1);
      kafka.createTopic(status, 1);
      ConnectWorkerProcess any = workers.get(0);
      HttpResponse<String> created =
          any.put("/connectors/killed/config", connectorConfig(spec, api));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      // kill the worker running the walk at 500 and at 2,000 of 5,000 records; a new worker
      // starts after each kill, and the second kill waits until it has joined
      List<String> killed = new ArrayList<>();
      List<Integer> requestsAtKill = new ArrayList<>();
      ConnectWorkerProcess replacement = null;
      for (int kill = 1; kill <= 2; kill++) {
        kafka.consume(kill == 1 ? 500 : 2_000, TIMEOUT.toMillis(), readCommitted(), topic).count();
        if (replacement != null) {
          replacement.awaitUp(TIMEOUT);
        }
        ConnectWorkerProcess running = runningTask(null);
        requestsAtKill.add(api.requestCount());
        running.kill();
        killed.add(running.id());
        workers.remove(running);
        replacement = ConnectWorkerProcess.start(worker, dir, "worker-r" + kill);
        workers.add(replacement);
        ConnectWorkerProcess survivor = runningTask(running.id());
        assertThat(survivor.id()).isNotIn(killed);
      }

      JsonNode report = statusReport(status);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      kafka.consumeAll(TIMEOUT.toMillis(), readCommitted(), null, topic).forEach(records::add);

      assertThat(requestsAtKill)
          .as("pages asked for when each worker was killed, of %d", RECORDS / PAGE)
          .allSatisfy(n -> assertThat(n).isLessThan(RECORDS / PAGE));
      assertThat(report.get("verdict").asText()).isEqualTo("COMPLETE");
      assertThat(records.size()).isEqualTo(RECORDS);
      assertThat(distinctIds(records).size()).isEqualTo(RECORDS);
      assertThat(api.requests().stream().filter(r -> !r.contains("page_token")).count())
          .as("requests for the first page (a takeover from the beginning would ask again)")
          .isEqualTo(1);
    }
  }

  /**
   * The worker running task 0 of the connector, once it runs on a worker other than {@code not}.
   */
  private static ConnectWorkerProcess runningTask(String not) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      JsonNode task = taskStatus();
      last = task.toString();
      String id = task.path("worker_id").asText();
      if ("RUNNING".equals(task.path("state").asText()) && !id.equals(not)) {
        for (ConnectWorkerProcess running : workers) {
          if (running.id().equals(id) && running.isAlive()) {
            return running;
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the task did not run on a live worker other than " + not + ": " + last);
  }

  /** Task 0's status as the first worker that answers reports it; empty when none answers. */
  private static JsonNode taskStatus() throws InterruptedException {
    for (ConnectWorkerProcess w : workers) {
      if (w.isAlive()) {
        try {
          return w.json("/connectors/killed/status").path("tasks").path(0);
        } catch (IOException e) {
          // not up yet, or between two rebalances: ask the next worker
        }
      }
    }
    return JSON.createObjectNode();
  }

  private static Map<String, String> connectorConfig(Path spec, LiveDataServer api) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "dev.pagewalk.kafka.PagewalkSourceConnector");
    config.put("tasks.max", "1");
    config.put(PagewalkConfig.SPEC, spec.toString());
    config.put(PagewalkConfig.BASE_URL, api.baseUrl());
    config.put(PagewalkConfig.TOPIC_PREFIX, "kill.");
    config.put("exactly.once.support", "required");
    config.put("transaction.boundary", "connector");
    return config;
  }

  private static LiveDataServer tokenApi() {
    return LiveDataServer.start(
        LiveDataConfig.fromMap(
            Map.of(
                "dataset",
                Map.of("size", RECORDS, "seed", 5),
                "style",
                "token",
                "pageSize",
                PAGE,
                "maxPageSize",
                PAGE)));
  }

  private static Map<String, Object> readCommitted() {
    return Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }

  private static JsonNode statusReport(String statusTopic) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> status = new ArrayList<>();
    kafka.consume(1, TIMEOUT.toMillis(), readCommitted(), statusTopic).forEach(status::add);
    assertThat(status).hasSize(1);
    return JSON.readTree(status.get(0).value());
  }

  private static Set<String> distinctIds(List<ConsumerRecord<byte[], byte[]>> records)
      throws Exception {
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      ids.add(JSON.readTree(r.value()).get("id").asText());
    }
    return ids;
  }
}
