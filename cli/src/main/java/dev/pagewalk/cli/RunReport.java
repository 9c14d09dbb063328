package dev.pagewalk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagewalk.LimitOverrides;
import dev.pagewalk.RunResult;
import dev.pagewalk.plan.Durations;
import dev.pagewalk.plan.Limits;
import java.time.Duration;
import java.util.Locale;

/**
 * The machine-readable report of a run ({@code --report}): every field of the {@link RunResult},
 * the stop reason by wire name and kind, the failure's kind and message, the limits in force and,
 * under {@code audit}, the core's completeness report (checks, verdict, advice).
 * Durations are milliseconds, instants ISO-8601.
 */
final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReport() {}

  static String json(RunResult r, Limits limits) {
    ObjectNode n = JSON.createObjectNode();
    n.put("runId", r.runId());
    n.put("spec", r.spec());
    n.put("outcome", r.stopReason().kind().name().toLowerCase(Locale.ROOT));
    n.put("stopReason", r.stopReason().wireName());
    n.put("succeeded", r.succeeded());
    n.put("truncated", r.truncated());
    if (r.failure() == null) {
      n.putNull("failure");
    } else {
      ObjectNode f = n.putObject("failure");
      f.put("type", r.failure().getClass().getSimpleName());
      f.put("message", r.failure().getMessage());
    }
    n.put("startedAt", r.startedAt().toString());
    n.put("endedAt", r.endedAt().toString());
    n.put("durationMs", Duration.between(r.startedAt(), r.endedAt()).toMillis());
    n.put("requests", r.requests());
    n.put("paginationRequests", r.paginationRequests());
    n.put("retries", r.retries());
    n.put("pages", r.pages());
    n.put("recordsReceived", r.recordsReceived());
    n.put("recordsFiltered", r.recordsFiltered());
    n.put("recordsEmitted", r.recordsEmitted());
    n.put("bytesReceived", r.bytesReceived());
    n.put("emptyPagesWithContinuation", r.emptyPagesWithContinuation());
    n.put("waitedMs", r.waited() == null ? 0 : r.waited().toMillis());
    n.put("duplicatesDropped", r.duplicatesDropped());
    n.set("watermark", JSON.valueToTree(r.watermark()));
    ObjectNode l = n.putObject("limits");
    cap(l, "maxRequests", limits.maxRequests());
    cap(l, "maxPaginationRequests", limits.maxPaginationRequests());
    cap(l, "maxRecords", limits.maxRecords());
    l.put("timeout", limits.timeout() == null ? "unlimited" : Durations.format(limits.timeout()));
    if (r.report() != null) {
      try {
        n.set("audit", JSON.readTree(r.report().toJson()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return n.toPrettyString();
  }

  private static void cap(ObjectNode n, String name, long value) {
    if (value == LimitOverrides.UNLIMITED) {
      n.put(name, "unlimited");
    } else {
      n.put(name, value);
    }
  }
}
