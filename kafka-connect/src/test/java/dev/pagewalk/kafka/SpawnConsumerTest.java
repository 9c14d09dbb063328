package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings of the consumer a task reads the walks handed to it with. */
class SpawnConsumerTest {
  @Test
  void readsCommittedRecordsWithoutAGroupAndPassesTheUsersSettingsOn() {
    Map<String, Object> props =
        SpawnConsumer.properties(
            "broker:9092",
            Map.of(
                "pagewalk.kafka.consumer.security.protocol", "SSL",
                "pagewalk.kafka.consumer.max.poll.records", "20",
                "pagewalk.spec", "x.yaml"),
            "gh",
            2);

    assertThat(props)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "bootstrap.servers", "broker:9092",
                "isolation.level", "read_committed",
                "enable.auto.commit", false,
                "allow.auto.create.topics", false,
                "client.id", "pagewalk-gh-2-spawns",
                "max.poll.records", "20",
                "fetch.max.bytes", 1048576,
                "security.protocol", "SSL"));
  }
}
