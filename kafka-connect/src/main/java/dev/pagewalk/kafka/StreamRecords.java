package dev.pagewalk.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a task's {@link Handoff.Unit}s into the Connect records of one transaction: the page's
 * records on {@code <prefix><stream>} (every one but the last with the walk's offset before the
 * page, the last with the offset after it, or before it when the walk's report follows), the walk's
 * report on the status topic with its final offset, and on the positions topic the offsets that
 * have no record of their own to ride on: a page without records (a parent stream walked only for
 * its children), the roster of the run and the read positions of its spawn records; before the
 * page's records, the walks the page spawned for other tasks ({@link SpawnRecord}). Every record
 * but a position says which task wrote it (header {@code pagewalk.task}).
 */
final class StreamRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String topicPrefix;
  private final String statusTopic;
  private final String positionsTopic;
  private final int task;

  StreamRecords(String topicPrefix, String statusTopic, String positionsTopic, int task) {
    this.topicPrefix = topicPrefix;
    this.statusTopic = statusTopic;
    this.positionsTopic = positionsTopic;
    this.task = task;
  }

  List<SourceRecord> of(Handoff.Unit unit) {
    Map<String, String> partition = WalkPosition.partition(unit.stream(), unit.walk());
    Map<String, Object> before = WalkPosition.offset(unit.before(), unit.run());
    Map<String, Object> after = WalkPosition.offset(unit.after(), unit.run());
    List<OutputRecord> records = unit.records();
    List<SourceRecord> out = new ArrayList<>(unit.spawns().size() + records.size() + 2);
    String runId = unit.after() == null ? unit.ended().runId() : unit.after().runId();
    for (SpawnRecord spawn : unit.spawns()) {
      out.add(
          new SourceRecord(
              partition,
              before,
              positionsTopic,
              null,
              null,
              spawn.key(),
              null,
              spawn.toJson(),
              null,
              headers(unit, runId)));
    }
    for (int i = 0; i < records.size(); i++) {
      OutputRecord r = records.get(i);
      boolean last = i == records.size() - 1 && unit.ended() == null;
      out.add(
          new SourceRecord(
              partition,
              last ? after : before,
              topicPrefix + unit.stream(),
              null,
              null,
              ConnectValues.plain(r.key()),
              null,
              ConnectValues.plain(r.value()),
              null,
              headers(unit, runId).addLong(ConnectRecords.PAGE, r.page())));
    }
    if (unit.roster() != null) {
      Map<String, String> roster = Roster.partition(unit.roster().task());
      Map<String, Object> offset = new LinkedHashMap<>();
      offset.put(Roster.ROSTER, unit.roster().json());
      out.add(
          new SourceRecord(
              roster, offset, positionsTopic, null, null, roster, null, null, null, null));
    }
    if (unit.ended() != null) {
      out.add(status(unit, partition, after));
    } else if (records.isEmpty()) {
      out.add(
          new SourceRecord(
              partition, after, positionsTopic, null, null, partition, null, null, null, null));
    }
    return out;
  }

  /**
   * The read positions of the spawn records, each the offset of its own source partition ({@link
   * SpawnPositions}), on records of the positions topic.
   */
  List<SourceRecord> of(Handoff.Positions positions) {
    List<SourceRecord> out = new ArrayList<>();
    positions
        .next()
        .forEach(
            (tp, next) -> {
              Map<String, String> partition = SpawnPositions.partition(task, tp);
              out.add(
                  new SourceRecord(
                      partition,
                      SpawnPositions.offset(next),
                      positionsTopic,
                      null,
                      null,
                      partition,
                      null,
                      null,
                      null,
                      null));
            });
    return out;
  }

  private SourceRecord status(
      Handoff.Unit unit, Map<String, String> partition, Map<String, Object> after) {
    Map<String, Object> key = new LinkedHashMap<>(partition);
    return new SourceRecord(
        partition,
        after,
        statusTopic,
        null,
        null,
        key,
        null,
        report(unit.ended()),
        null,
        headers(unit, unit.ended().runId()));
  }

  private static Object report(RunResult result) {
    try {
      return ConnectValues.plain(JSON.readValue(result.report().toJson(), Map.class));
    } catch (JsonProcessingException e) {
      throw new ConnectException("the report of run " + result.runId() + " is not JSON", e);
    }
  }

  private ConnectHeaders headers(Handoff.Unit unit, String runId) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(ConnectRecords.TASK, Integer.toString(task));
    headers.addString(ConnectRecords.RUN_ID, runId);
    headers.addString(ConnectRecords.STREAM, unit.stream());
    headers.addString(ConnectRecords.WALK, unit.walk());
    return headers;
  }
}
