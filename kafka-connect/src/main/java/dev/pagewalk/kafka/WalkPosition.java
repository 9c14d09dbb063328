package dev.pagewalk.kafka;

import dev.pagewalk.state.Checkpoint;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Where a walk stands, in the maps Connect stores: the source partition names the walk ({@code
 * stream}, then {@code walk}) and the source offset holds the walk's checkpoint after the last
 * committed page, as the checkpoint's JSON (secrets in it are placeholders). Connect finds a saved
 * offset by the serialized bytes of the partition, so both maps keep a fixed key order in every
 * JVM. A spec is one stream with one walk, whose name is empty.
 */
final class WalkPosition {
  static final String STREAM = "stream";
  static final String WALK = "walk";
  static final String CHECKPOINT = "checkpoint";
  static final String RUN = "run";

  private WalkPosition() {}

  /** The source partition of the walk {@code walk} of stream {@code stream}. */
  static Map<String, String> partition(String stream, String walk) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(STREAM, stream);
    map.put(WALK, walk);
    return Collections.unmodifiableMap(map);
  }

  /** The source offset of a walk at {@code checkpoint}; empty before the walk's first page. */
  static Map<String, Object> offset(Checkpoint checkpoint) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (checkpoint != null) {
      map.put(CHECKPOINT, checkpoint.toJson());
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The source offset of a walk of a spec with streams at {@code checkpoint}, written by the task's
   * run {@code run} (a walk's checkpoint names the walk's own run).
   */
  static Map<String, Object> offset(Checkpoint checkpoint, String run) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (checkpoint != null) {
      map.put(CHECKPOINT, checkpoint.toJson());
      map.put(RUN, run);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The checkpoint in a committed source offset; null when there is none (a walk never committed,
   * or reset through Connect's offsets API).
   *
   * @throws ConnectException when the offset holds something else
   */
  static Checkpoint checkpoint(Map<String, ?> partition, Map<String, ?> offset) {
    if (offset == null || offset.get(CHECKPOINT) == null) {
      return null;
    }
    if (!(offset.get(CHECKPOINT) instanceof String json)) {
      throw new ConnectException(
          "the source offset of " + partition + " is not a pagewalk checkpoint: " + offset);
    }
    try {
      return Checkpoint.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new ConnectException(
          "the source offset of " + partition + " is not a pagewalk checkpoint: " + e.getMessage(),
          e);
    }
  }
}
