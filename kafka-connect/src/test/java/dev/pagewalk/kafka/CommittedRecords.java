package dev.pagewalk.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.json.RecordKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** What a topic of the test cluster holds as a {@code read_committed} consumer sees it. */
final class CommittedRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommittedRecords() {}

  /** Consumer settings that see only records of committed transactions. */
  static Map<String, Object> readCommitted() {
    return Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }

  /** Every committed record of {@code topic}, waiting at most {@code timeoutMs} for them. */
  static List<ConsumerRecord<byte[], byte[]>> in(
      EmbeddedConnectCluster connect, long timeoutMs, String topic) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    connect.kafka().consumeAll(timeoutMs, readCommitted(), null, topic).forEach(out::add);
    return out;
  }

  /** The records' keys, each as canonical JSON. */
  static List<String> keys(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
    List<String> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      out.add(RecordKeys.canonical(JSON.readValue(r.key(), Object.class)));
    }
    return out;
  }
}
