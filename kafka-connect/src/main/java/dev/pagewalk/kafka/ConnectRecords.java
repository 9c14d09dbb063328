package dev.pagewalk.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.RunResult;
import dev.pagewalk.state.Checkpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a walk's pages and its end into Connect records. Every record of a page but the last
 * carries the offset before the page, the last one the offset after it: whatever part of a page
 * Connect commits, a resumed walk never skips a record. The walk's report goes to the status topic,
 * keyed by the walk, after the walk's last page and with its final offset.
 */
final class ConnectRecords {
  static final String RUN_ID = "pagewalk.run.id";
  static final String STREAM = "pagewalk.stream";
  static final String WALK = "pagewalk.walk";
  static final String PAGE = "pagewalk.page";
  static final String TASK = "pagewalk.task";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String stream;
  private final String walk;
  private final String topic;
  private final String statusTopic;
  private final Map<String, String> partition;

  ConnectRecords(String stream, String walk, String topic, String statusTopic) {
    this.stream = stream;
    this.walk = walk;
    this.topic = topic;
    this.statusTopic = statusTopic;
    this.partition = WalkPosition.partition(stream, walk);
  }

  Map<String, String> partition() {
    return partition;
  }

  /** A page's records; the last carries the offset after the page. */
  List<SourceRecord> page(Handoff.Page page) {
    return records(page, WalkPosition.offset(page.after()));
  }

  /** A walk's last page (if any) and then its report, which carries the walk's final offset. */
  List<SourceRecord> walkEnded(Handoff.WalkEnded end) {
    List<SourceRecord> out = new ArrayList<>();
    if (end.lastPage() != null) {
      out.addAll(records(end.lastPage(), WalkPosition.offset(end.lastPage().before())));
    }
    out.add(status(end.result(), end.at()));
    return out;
  }

  private List<SourceRecord> records(Handoff.Page page, Map<String, Object> lastOffset) {
    Map<String, Object> before = WalkPosition.offset(page.before());
    String runId = page.after().runId();
    List<OutputRecord> records = page.records();
    List<SourceRecord> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      OutputRecord r = records.get(i);
      out.add(
          new SourceRecord(
              partition,
              i == records.size() - 1 ? lastOffset : before,
              topic,
              null,
              null,
              ConnectValues.plain(r.key()),
              null,
              ConnectValues.plain(r.value()),
              null,
              headers(runId).addLong(PAGE, r.page())));
    }
    return out;
  }

  private SourceRecord status(RunResult result, Checkpoint at) {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put(WalkPosition.STREAM, stream);
    key.put(WalkPosition.WALK, walk);
    return new SourceRecord(
        partition,
        WalkPosition.offset(at),
        statusTopic,
        null,
        null,
        key,
        null,
        report(result),
        null,
        headers(result.runId()));
  }

  private static Object report(RunResult result) {
    try {
      return ConnectValues.plain(JSON.readValue(result.report().toJson(), Map.class));
    } catch (JsonProcessingException e) {
      throw new ConnectException("the report of run " + result.runId() + " is not JSON", e);
    }
  }

  private ConnectHeaders headers(String runId) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(RUN_ID, runId);
    headers.addString(STREAM, stream);
    headers.addString(WALK, walk);
    return headers;
  }
}
