package dev.pagewalk.connector;

import dev.pagewalk.Estimate;
import dev.pagewalk.Estimate.StreamEstimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Estimate} as JSON values: {@code pagewalk plan --format json} and a report's estimate.
 */
public final class EstimateJson {
  private EstimateJson() {}

  /** The whole estimate. */
  public static Map<String, Object> document(Estimate e) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("spec", e.spec());
    List<Map<String, Object>> streams = new ArrayList<>();
    e.streams().forEach(s -> streams.add(stream(s)));
    doc.put("streams", streams);
    doc.put("requests", e.requests());
    doc.put("records", e.records());
    doc.put("certainty", e.certainty().wireName());
    doc.put("wallTimeMillis", e.wallTime().toMillis());
    doc.put("stops", e.stops());
    doc.put("probeRequests", e.probeRequests());
    doc.put("probePages", e.probePages());
    return doc;
  }

  /** One stream's estimate. */
  public static Map<String, Object> stream(StreamEstimate s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    if (s.parent() != null) {
      m.put("parent", s.parent());
    }
    m.put("walks", s.walks());
    m.put("requests", s.requests());
    m.put("records", s.records());
    m.put("certainty", s.certainty().wireName());
    m.put("basis", s.basis());
    m.put("probeRequests", s.probeRequests());
    if (s.failure() != null) {
      m.put("failure", s.failure());
    }
    return m;
  }
}
