package dev.pagewalk.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.sink.WalkSink;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * A walk a parent's page spawned for another task: the child {@code stream}/{@code walk}, the
 * {@code parent} record as delivered, the run of the task whose page spawned it ({@code run}, whose
 * id the child's offsets carry) and the task that runs it ({@code task} of {@code tasks}). It is a
 * record of the positions topic, written in the same transaction as the parent's page, keyed by
 * {@code {"spawnFor": "<task>"}}, its value this record's JSON as text:
 *
 * <pre>{"pagewalk":"spawn","task":2,"tasks":3,"stream":"issues","walk":"\"12\"",
 *  "parent":{…},"run":{"identity":{…},"runId":"…","startedAt":"…","streams":[…]}}</pre>
 *
 * The other records of that topic have no value. Immutable.
 */
record SpawnRecord(
    int task, int tasks, WalkSink.RunStart run, String stream, String walk, Object parent) {
  static final String KEY = "spawnFor";
  private static final String MARK = "spawn";
  // whole numbers of the parent come back as the engine delivers them: longs
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  /** The record's key: the task it is for. */
  Map<String, String> key() {
    Map<String, String> key = new LinkedHashMap<>();
    key.put(KEY, Integer.toString(task));
    return Collections.unmodifiableMap(key);
  }

  /** The record's value: its JSON text. */
  String toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pagewalk", MARK);
    out.put("task", task);
    out.put("tasks", tasks);
    out.put("stream", stream);
    out.put("walk", walk);
    out.put("parent", parent);
    out.put("run", Roster.runMap(run));
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new ConnectException("the spawned walk " + stream + " " + walk + " is not JSON", e);
    }
  }

  /**
   * The spawn in a value of the positions topic as the connector's value converter wrote it (the
   * JSON text itself, or as a JSON string, or as the payload of a JSON envelope with a schema);
   * empty for the topic's records without a value.
   *
   * @throws IllegalArgumentException when the value is not a spawn record
   */
  static Optional<SpawnRecord> read(byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = JSON.readTree(value);
      if (node != null && node.isObject() && node.has("payload") && node.has("schema")) {
        node = node.get("payload");
      }
      if (node != null && node.isTextual()) {
        node = JSON.readTree(node.asText());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a spawn record: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject() || !MARK.equals(node.path("pagewalk").asText())) {
      throw new IllegalArgumentException("not a spawn record: " + abbreviated(value));
    }
    try {
      return Optional.of(
          new SpawnRecord(
              node.get("task").asInt(),
              node.get("tasks").asInt(),
              Roster.runOf(node.get("run")),
              node.get("stream").asText(),
              node.get("walk").asText(),
              JSON.convertValue(node.get("parent"), Object.class)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a spawn record: " + node, e);
    }
  }

  private static String abbreviated(byte[] value) {
    String text = new String(value, java.nio.charset.StandardCharsets.UTF_8);
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
