package dev.pagewalk.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.StopReason;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.report.Check;
import dev.pagewalk.report.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stored form of a {@link WalkSink.Outcome}: {@code {"verdict": "COMPLETE", "stopReason":
 * "condition-false", "checks": {"stop": "pass", ...}, "reasons": [...], "records": 3, "requests":
 * 2}}, with {@code failure} and {@code errorCode} when the walk failed — the names the report uses.
 */
final class OutcomeJson {
  private static final ObjectMapper JSON =
      JsonConfig.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  private OutcomeJson() {}

  static String write(WalkSink.Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", o.verdict().name());
    m.put("stopReason", o.stopReason().wireName());
    Map<String, String> checks = new LinkedHashMap<>();
    o.checks().forEach((kind, outcome) -> checks.put(kind.wireName(), outcome.wireName()));
    m.put("checks", checks);
    m.put("reasons", o.reasons());
    m.put("records", o.records());
    m.put("requests", o.requests());
    if (o.failure() != null) {
      m.put("failure", o.failure());
      m.put("errorCode", o.errorCode() == null ? null : o.errorCode().wireName());
    }
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static WalkSink.Outcome read(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      Map<Check.Kind, Check.Outcome> checks = new EnumMap<>(Check.Kind.class);
      n.required("checks")
          .fields()
          .forEachRemaining(
              e ->
                  checks.put(
                      Check.Kind.fromWireName(e.getKey()),
                      Check.Outcome.valueOf(
                          e.getValue().asText().toUpperCase(Locale.ROOT).replace('-', '_'))));
      List<String> reasons = new ArrayList<>();
      n.required("reasons").forEach(r -> reasons.add(r.asText()));
      JsonNode failure = n.get("failure");
      JsonNode code = n.get("errorCode");
      return new WalkSink.Outcome(
          Verdict.valueOf(n.required("verdict").asText()),
          StopReason.fromWireName(n.required("stopReason").asText()),
          checks,
          reasons,
          n.required("records").asLong(),
          n.required("requests").asLong(),
          failure == null || failure.isNull() ? null : failure.asText(),
          code == null || code.isNull() ? null : ErrorCode.fromWireName(code.asText()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a walk outcome: " + e.getOriginalMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a walk outcome: " + e.getMessage(), e);
    }
  }
}
