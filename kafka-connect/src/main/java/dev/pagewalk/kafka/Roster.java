package dev.pagewalk.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.state.SyncIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * A task's roster: the run it is in ({@link WalkSink.RunStart}), how many tasks the connector had
 * when it was written, and the walks its parents' pages spawned that have not finished yet, each
 * with the parent record it needs. It is the source offset of the partition {@code {"task":
 * "<i>"}}, committed in the same transaction as every page that changes it. Immutable.
 *
 * @param tasks the connector's task count when it was written
 * @param run the task's run
 * @param spawned the unfinished spawned walks, in the order they were spawned
 */
record Roster(int tasks, WalkSink.RunStart run, List<Spawned> spawned) {
  static final String TASK = "task";
  static final String ROSTER = "roster";
  private static final ObjectMapper JSON = new ObjectMapper();

  Roster {
    spawned = List.copyOf(spawned);
  }

  /**
   * A spawned walk: {@code stream}/{@code walk}, its {@code parent} record, the walk whose page
   * spawned it ({@code byStream}/{@code byWalk}), and whether it finished while that page was still
   * held back for its walk's report (kept until the page is handed on, so that a parent page
   * fetched again does not start it again).
   */
  record Spawned(
      String stream,
      String walk,
      Object parent,
      String byStream,
      String byWalk,
      boolean finished) {}

  /** The source partition of task {@code index}'s roster. */
  static Map<String, String> partition(int index) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(TASK, Integer.toString(index));
    return java.util.Collections.unmodifiableMap(map);
  }

  String toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tasks", tasks);
    out.put("run", runMap(run));
    out.put("spawned", spawned);
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new ConnectException("the roster of run " + run.runId() + " is not JSON", e);
    }
  }

  /**
   * The roster in a committed source offset; null when there is none.
   *
   * @throws ConnectException when the offset holds something else
   */
  static Roster fromOffset(Map<String, ?> partition, Map<String, ?> offset) {
    if (offset == null || offset.get(ROSTER) == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(String.valueOf(offset.get(ROSTER)));
      WalkSink.RunStart run = runOf(node.get("run"));
      List<Spawned> spawned = new ArrayList<>();
      node.get("spawned").forEach(s -> spawned.add(JSON.convertValue(s, Spawned.class)));
      return new Roster(node.get("tasks").asInt(), run, spawned);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new ConnectException(
          "the source offset of " + partition + " is not a pagewalk roster: " + e.getMessage(), e);
    }
  }

  /** A run's start as the map its JSON is written from (the roster's and a spawn's {@code run}). */
  static Map<String, Object> runMap(WalkSink.RunStart run) {
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("identity", run.identity());
    start.put("runId", run.runId());
    start.put("startedAt", run.startedAt().toString());
    start.put("streams", run.streams());
    return start;
  }

  /** The run's start {@link #runMap} wrote, read back as JSON. */
  static WalkSink.RunStart runOf(JsonNode start) {
    List<String> streams = new ArrayList<>();
    start.get("streams").forEach(s -> streams.add(s.asText()));
    return new WalkSink.RunStart(
        JSON.convertValue(start.get("identity"), SyncIdentity.class),
        start.get("runId").asText(),
        Instant.parse(start.get("startedAt").asText()),
        streams);
  }
}
