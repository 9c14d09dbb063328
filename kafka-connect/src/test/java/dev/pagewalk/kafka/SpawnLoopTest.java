package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.Runner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A task's spawn thread on its own: stopped the way the task stops it (its loop told to stop, then
 * the thread interrupted) while it waits for spawn records on the broker of the shared cluster
 * ({@link SharedConnectCluster}), and failing to make its consumer.
 */
@ExtendWith(SharedConnectCluster.class)
class SpawnLoopTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: idle
      baseUrl: http://127.0.0.1:9
      streams:
        repos:
          request:
            url: "/repos"
            response: {iterate: "{{body}}", key: "{{item.id}}"}
      """;

  @Test
  void closesItsConsumerWithoutAnErrorWhenTheTaskStopsIt() throws Exception {
    EmbeddedConnectCluster connect = SharedConnectCluster.get();
    String topic = "idle._pagewalk_positions";
    connect.kafka().createTopic(topic, 2);
    String log;
    try (ErrCapture err = ErrCapture.start();
        Runner runner = Runner.builder().build()) {
      SpawnLoop loop =
          loop(
              runner,
              topic,
              SpawnConsumer.factory(
                  SpawnConsumer.properties(
                      connect.kafka().bootstrapServers(), Map.of(), "idle", 0)),
              new LinkedBlockingQueue<>());
      Thread thread = new Thread(loop, "pagewalk-idle-0-spawns");
      thread.start();
      // its polls have fetched from the broker (and opened a fetch session) by then
      Thread.sleep(3_000);

      loop.stop();
      thread.interrupt();
      thread.join(5_000);

      assertThat(thread.isAlive()).as("the spawn thread after the stop").isFalse();
      log = err.text();
    }
    assertThat(log).contains("idle: task 0 reads the walks handed to it from " + topic);
    assertThat(log.lines().filter(l -> l.contains("pagewalk-idle-0-spawns")))
        .as("the spawn consumer's log lines")
        .noneMatch(l -> l.contains(" ERROR "));
  }

  @Test
  void failsTheTaskWhenItCannotMakeItsConsumer() throws Exception {
    BlockingQueue<Handoff> queue = new LinkedBlockingQueue<>();
    try (Runner runner = Runner.builder().build()) {
      Thread thread =
          new Thread(
              loop(
                  runner,
                  "idle._pagewalk_positions",
                  () -> {
                    throw new KafkaException("Failed to construct kafka consumer");
                  },
                  queue));
      thread.start();
      thread.join(5_000);
    }

    Handoff handoff = queue.poll(1, TimeUnit.SECONDS);
    assertThat(handoff).isInstanceOf(Handoff.Failed.class);
    assertThat(((Handoff.Failed) handoff).error()).hasMessage("Failed to construct kafka consumer");
  }

  private static SpawnLoop loop(
      Runner runner,
      String topic,
      Supplier<Consumer<byte[], byte[]>> consumers,
      BlockingQueue<Handoff> queue) {
    return new SpawnLoop(
        runner,
        Pagewalk.parse("idle.yaml", SPEC),
        RunInput.empty(),
        List.of(),
        List.of("repos"),
        new TaskShare(0, 1),
        null,
        topic,
        consumers,
        partition -> null,
        queue,
        Duration.ofSeconds(30));
  }
}
