package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import java.io.IOException;
import java.io.StringReader;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The connector as users install it: two plain Connect workers in child JVMs ({@code
 * ConnectDistributed}, Kafka's jars on the class path, the plugin archive {@code package} built
 * unzipped into {@code plugin.path}, the worker configuration of the module's README (plugin
 * discovery by service entries)) against an in-JVM KRaft broker, syncing the library's Stripe
 * customers spec from the live-data mock. The worker running the walk is killed with SIGKILL twice
 * in the middle; each time the other worker continues from the offsets the killed JVM committed.
 * Tagged {@code plain-workers}: it runs in {@code integration-test}, after the archive is packed.
 */
@Tag("plain-workers")
class PlainWorkerKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final int RECORDS = 5_000;
  // the spec's rateLimit (25 requests a second) paces 500 pages of 10 over 20 s
  private static final int PAGE = 10;
  private static final Path STRIPE_CUSTOMERS = Path.of("../specs/stripe/customers.yaml");

  private static Path dir;
  private static EmbeddedKafkaCluster kafka;
  private static Properties worker;
  private static String workerClassPath;
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

    Path component = PluginArchive.unpack(dir.resolve("plugins"));
    workerClassPath = ConnectWorkerProcess.kafkaClassPath(PluginArchive.libraries(component));
    worker = readmeWorkerConfig();
    worker.put("bootstrap.servers", kafka.bootstrapServers());
    worker.put("plugin.path", component.getParent().toString());
    // one broker
    worker.put("config.storage.replication.factor", "1");
    worker.put("offset.storage.replication.factor", "1");
    worker.put("offset.storage.partitions", "1");
    worker.put("status.storage.replication.factor", "1");
    worker.put("status.storage.partitions", "1");
    // a killed worker is noticed after 4 s rather than 10 (its task moves 1 s later: README)
    worker.put("session.timeout.ms", "4000");
    worker.put("heartbeat.interval.ms", "1000");
    worker.put("offset.flush.interval.ms", "1000");
    for (int i = 0; i < 2; i++) {
      workers.add(ConnectWorkerProcess.start(worker, workerClassPath, dir, "worker-" + i));
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
    try (LiveDataServer api = stripeApi()) {
      String topic = "kill.stripe-customers";
      String status = "kill._pagewalk_status";
      kafka.createTopic(topic, 1);
      kafka.createTopic(status, 1);
      ConnectWorkerProcess any = workers.get(0);
      HttpResponse<String> created = any.put("/connectors/killed/config", connectorConfig(api));
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
        replacement = ConnectWorkerProcess.start(worker, workerClassPath, dir, "worker-r" + kill);
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
      assertThat(records.size()).isEqualTo(RECORDS);
      assertThat(distinctIds(records).size()).isEqualTo(RECORDS);
      assertThat(report.get("stopReason").asText()).isEqualTo("condition-false");
      assertThat(report.at("/records/emitted").asLong()).isEqualTo(RECORDS);
      // the spec declares no order, total or sequential id: every record read, nothing to prove
      // it against
      assertThat(report.get("verdict").asText()).isEqualTo("UNVERIFIED");
      assertThat(report.get("reasons")).isEmpty();
      assertThat(api.requests().stream().filter(r -> !r.contains("starting_after")).count())
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

  /**
   * The worker configuration the module's README shows: the {@code properties} blocks of its
   * section "A worker with exactly-once source support", in order.
   */
  private static Properties readmeWorkerConfig() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("## A worker with exactly-once source support");
    assertThat(section).as("the README's worker section").isNotNegative();
    int sectionEnd = readme.indexOf("\n## ", section + 1);
    String fence = "```properties\n";
    Properties properties = new Properties();
    for (int start = readme.indexOf(fence, section);
        start >= 0 && start < sectionEnd;
        start = readme.indexOf(fence, start + 1)) {
      int end = readme.indexOf("```", start + fence.length());
      properties.load(new StringReader(readme.substring(start + fence.length(), end)));
    }
    assertThat(properties.getProperty("exactly.once.source.support")).isEqualTo("enabled");
    assertThat(properties.getProperty("scheduled.rebalance.max.delay.ms")).isEqualTo("1000");
    return properties;
  }

  private static Map<String, String> connectorConfig(LiveDataServer api) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "dev.pagewalk.kafka.PagewalkSourceConnector");
    config.put("tasks.max", "1");
    config.put(PagewalkConfig.SPEC, STRIPE_CUSTOMERS.toAbsolutePath().normalize().toString());
    config.put(PagewalkConfig.PARAMETERS + "limit", Integer.toString(PAGE));
    config.put(PagewalkConfig.CONNECTION + "api_key", "sk_test_killtest");
    config.put(PagewalkConfig.BASE_URL, api.baseUrl());
    config.put(PagewalkConfig.TOPIC_PREFIX, "kill.");
    config.put("exactly.once.support", "required");
    config.put("transaction.boundary", "connector");
    return config;
  }

  /** Stripe's list shape: {@code ?limit=&starting_after=<id>}, {@code {"data", "has_more"}}. */
  private static LiveDataServer stripeApi() {
    return LiveDataServer.start(
        LiveDataConfig.fromMap(
            Map.of(
                "dataset",
                Map.of("size", RECORDS, "seed", 5, "idType", "string"),
                "style",
                "has-more",
                "basePath",
                "/v1/customers",
                "pageSize",
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
