package dev.pagewalk.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Which walks one task runs: task {@code index} of {@code count} takes the walks of the streams
 * without a parent whose source partition ({@code {"stream": …, "walk": …}} as JSON) hashes (CRC-32
 * of its UTF-8 bytes) to {@code index} modulo {@code count} (date windows: see {@link #takes}). The
 * same spec and inputs give every task the same answer in every JVM. A walk spawned by a parent's
 * record belongs by the same hash to {@link #owner} (run there when the tasks can hand walks to
 * each other through Kafka).
 */
record TaskShare(int index, int count) {
  static final String INDEX = "pagewalk.task.index";
  static final String COUNT = "pagewalk.task.count";
  private static final ObjectMapper JSON = new ObjectMapper();

  TaskShare {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("task " + index + " of " + count);
    }
  }

  /** The share a task's configuration names; task 0 of 1 when it names none. */
  static TaskShare of(Map<String, String> props) {
    String index = props.get(INDEX);
    String count = props.get(COUNT);
    return index == null || count == null
        ? new TaskShare(0, 1)
        : new TaskShare(Integer.parseInt(index), Integer.parseInt(count));
  }

  /** {@code props} with this share's keys. */
  Map<String, String> config(Map<String, String> props) {
    Map<String, String> out = new LinkedHashMap<>(props);
    out.put(INDEX, Integer.toString(index));
    out.put(COUNT, Integer.toString(count));
    return out;
  }

  /**
   * Whether this task runs the walk {@code stream}/{@code walk} of a stream without a parent. A
   * date window ({@code <start>/<end>}) goes with its stream's other windows to the task of {@code
   * {stream, ""}}: the windows are worked out from each task's own start ({@code now}), so two
   * tasks may not agree on a window's label.
   */
  boolean takes(String stream, String walk) {
    return owner(stream, isWindow(walk) ? "" : walk) == index;
  }

  /**
   * The task that runs the walk {@code stream}/{@code walk}, by the hash of its source partition:
   * for a spawned walk (a child of a parent's record) wherever its parent ran.
   */
  int owner(String stream, String walk) {
    CRC32 crc = new CRC32();
    crc.update(partitionJson(stream, walk).getBytes(StandardCharsets.UTF_8));
    return (int) Math.floorMod(crc.getValue(), (long) count);
  }

  private static boolean isWindow(String walk) {
    int slash = walk.indexOf('/');
    if (slash < 0) {
      return false;
    }
    try {
      Instant.parse(walk.substring(0, slash));
      Instant.parse(walk.substring(slash + 1));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String partitionJson(String stream, String walk) {
    try {
      return JSON.writeValueAsString(WalkPosition.partition(stream, walk));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of two strings is JSON", e);
    }
  }
}
