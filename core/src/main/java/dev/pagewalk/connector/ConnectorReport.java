package dev.pagewalk.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pagewalk.Estimate;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.StreamsResult.StreamResult;
import dev.pagewalk.StreamsResult.WalkResult;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.report.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a connector run, in the streams form of {@code pagewalk-report-v1.schema.json}: the
 * run's verdict, then each stream with its counts and walks. A stream of more than {@value #LISTED}
 * walks is compact: its walks are counted by verdict, and only walks that are not COMPLETE are
 * listed, at most {@value #LISTED}. In a resumed run, the walks an earlier run finished are marked
 * ({@code finishedEarlier}) and counted per stream ({@code walksFinishedEarlier}).
 */
public final class ConnectorReport {
  static final int LISTED = 100;

  private ConnectorReport() {}

  /** The report as JSON, indented. */
  public static String json(StreamsResult result) {
    return json(result, null);
  }

  /**
   * The report as JSON, indented, with what {@code estimate} (null: none) expected of the run next
   * to what it did: the run's and each stream's.
   */
  public static String json(StreamsResult result, Estimate estimate) {
    Map<String, Object> doc = document(result);
    if (estimate != null) {
      withEstimate(doc, estimate);
    }
    try {
      return JsonConfig.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build()
          .writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> document(StreamsResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("runId", result.runId());
    doc.put("spec", result.spec());
    doc.put("startedAt", result.startedAt().toString());
    doc.put("endedAt", result.endedAt().toString());
    doc.put("durationMillis", Duration.between(result.startedAt(), result.endedAt()).toMillis());
    doc.put("verdict", result.verdict().name());
    List<Map<String, Object>> streams = new ArrayList<>();
    result.streams().forEach(s -> streams.add(stream(s)));
    doc.put("streams", streams);
    List<String> advice = CapAdvice.of(result);
    if (!advice.isEmpty()) {
      doc.put("advice", advice);
    }
    return doc;
  }

  @SuppressWarnings("unchecked")
  private static void withEstimate(Map<String, Object> doc, Estimate estimate) {
    Map<String, Object> run = EstimateJson.document(estimate);
    run.remove("spec");
    run.remove("streams");
    doc.put("estimate", run);
    for (Map<String, Object> s : (List<Map<String, Object>>) doc.get("streams")) {
      estimate.stream((String) s.get("name"))
          .ifPresent(
              e -> {
                Map<String, Object> m = EstimateJson.stream(e);
                m.remove("name");
                m.remove("parent");
                s.put("estimate", m);
              });
    }
  }

  private static Map<String, Object> stream(StreamResult s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    if (s.parent() != null) {
      m.put("parent", s.parent());
    }
    m.put("selected", s.selected());
    m.put("verdict", s.verdict().name());
    m.put("records", s.records());
    m.put("requests", s.requests());
    m.put("walks", s.walks().size());
    Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
    s.walks().forEach(w -> byVerdict.merge(w.verdict(), 1L, Long::sum));
    Map<String, Long> counts = new LinkedHashMap<>();
    byVerdict.forEach((v, n) -> counts.put(v.name(), n));
    m.put("walksByVerdict", counts);
    boolean compact = s.walks().size() > LISTED;
    List<Map<String, Object>> listed = new ArrayList<>();
    for (WalkResult w : s.walks()) {
      if (listed.size() == LISTED) {
        break;
      }
      if (!compact || w.verdict() != Verdict.COMPLETE) {
        listed.add(walk(w));
      }
    }
    m.put("walkList", listed);
    m.put("walkListCompact", compact);
    long earlier = s.walks().stream().filter(WalkResult::finishedEarlier).count();
    if (earlier > 0) {
      m.put("walksFinishedEarlier", earlier);
    }
    return m;
  }

  private static Map<String, Object> walk(WalkResult w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("walk", w.walk());
    m.put("stopReason", w.stopReason().wireName());
    m.put("verdict", w.verdict().name());
    m.put("records", w.records());
    m.put("requests", w.requests());
    if (w.failure() != null) {
      m.put("failure", w.failure());
      m.put("errorCode", w.errorCode().wireName());
    }
    if (w.finishedEarlier()) {
      m.put("finishedEarlier", true);
    }
    return m;
  }
}
