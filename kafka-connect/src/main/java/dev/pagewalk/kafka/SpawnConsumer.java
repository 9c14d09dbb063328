package dev.pagewalk.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The consumer a task reads the walks handed to it with ({@link SpawnLoop}): the cluster at {@code
 * pagewalk.kafka.bootstrap.servers}, the settings under {@code pagewalk.kafka.consumer.} (security,
 * {@code max.poll.records}, …), and what the connector sets itself: {@code read_committed}, no
 * group and no committed offsets (its positions are the task's source offsets), no topic created.
 */
final class SpawnConsumer {
  static final String BOOTSTRAP = "pagewalk.kafka.bootstrap.servers";
  static final String PREFIX = "pagewalk.kafka.consumer.";

  /** How many records one poll returns unless {@code max.poll.records} is set. */
  static final int MAX_POLL_RECORDS = 100;

  /** How many bytes one fetch asks for unless {@code fetch.max.bytes} is set: 1 MiB. */
  static final int FETCH_MAX_BYTES = 1 << 20;

  private static final Set<String> SET_BY_THE_CONNECTOR =
      Set.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
          ConsumerConfig.GROUP_ID_CONFIG,
          ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
          ConsumerConfig.ISOLATION_LEVEL_CONFIG,
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
          ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);

  private SpawnConsumer() {}

  /** Accepts a list of {@code host:port}, separated by commas. */
  static final ConfigDef.Validator ADDRESSES =
      (name, value) -> {
        if (value == null) {
          return;
        }
        String text = value.toString();
        if (text.isBlank()) {
          throw new ConfigException(name, value, "no broker address; give host:port[,host:port]");
        }
        for (String address : text.split(",")) {
          String a = address.strip();
          int colon = a.lastIndexOf(':');
          if (colon < 1 || !a.substring(colon + 1).matches("[0-9]{1,5}")) {
            throw new ConfigException(name, value, "'" + a + "' is not host:port");
          }
        }
      };

  /** Why each key under {@link #PREFIX} in {@code props} is refused; empty when none is. */
  static Map<String, String> refused(Map<String, String> props) {
    Map<String, String> out = new LinkedHashMap<>();
    props.keySet().stream()
        .filter(k -> k.startsWith(PREFIX))
        .sorted()
        .forEach(
            key -> {
              String name = key.substring(PREFIX.length());
              if (SET_BY_THE_CONNECTOR.contains(name)) {
                out.put(key, name + " is set by the connector; remove " + key);
              } else if (!ConsumerConfig.configNames().contains(name)) {
                out.put(key, name + " is not a Kafka consumer setting");
              }
            });
    return out;
  }

  /** The consumer's settings for task {@code task} of the connector {@code name}. */
  static Map<String, Object> properties(
      String bootstrap, Map<String, String> props, String name, int task) {
    Map<String, Object> out = new HashMap<>();
    out.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    out.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
    out.put(ConsumerConfig.CLIENT_ID_CONFIG, "pagewalk-" + name + "-" + task + "-spawns");
    props.forEach(
        (k, v) -> {
          if (k.startsWith(PREFIX)) {
            out.put(k.substring(PREFIX.length()), v);
          }
        });
    out.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    out.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    out.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    out.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return out;
  }

  /** Makes the consumer {@link #properties} describes. */
  static Supplier<Consumer<byte[], byte[]>> factory(Map<String, Object> properties) {
    Map<String, Object> copy = Map.copyOf(properties);
    return () ->
        new KafkaConsumer<>(copy, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
