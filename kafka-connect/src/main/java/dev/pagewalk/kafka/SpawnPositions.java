package dev.pagewalk.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * How far a task has read the spawn records addressed to it, in the maps Connect stores: one source
 * partition per task and partition of the topic ({@code {"task": "2", "topic": "…", "partition":
 * "0"}}), whose offset is the Kafka offset of the first record not yet finished with ({@code
 * {"next": 17}}). Both maps keep a fixed key order.
 */
final class SpawnPositions {
  static final String TOPIC = "topic";
  static final String PARTITION = "partition";
  static final String NEXT = "next";
  static final Set<String> KEYS = Set.of(Roster.TASK, TOPIC, PARTITION);

  private SpawnPositions() {}

  /** The source partition of task {@code task}'s read position in {@code tp}. */
  static Map<String, String> partition(int task, TopicPartition tp) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(Roster.TASK, Integer.toString(task));
    map.put(TOPIC, tp.topic());
    map.put(PARTITION, Integer.toString(tp.partition()));
    return Collections.unmodifiableMap(map);
  }

  static Map<String, Object> offset(long next) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(NEXT, next);
    return Collections.unmodifiableMap(map);
  }

  /**
   * The position in a committed source offset; null when there is none (never committed, or reset
   * through Connect's offsets API: the task reads the topic from its start).
   *
   * @throws ConnectException when the offset holds something else
   */
  static Long next(Map<String, ?> partition, Map<String, ?> offset) {
    if (offset == null || offset.get(NEXT) == null) {
      return null;
    }
    if (!(offset.get(NEXT) instanceof Number n) || n.longValue() < 0) {
      throw new ConnectException(
          "the source offset of " + partition + " is not a read position: " + offset);
    }
    return n.longValue();
  }
}
