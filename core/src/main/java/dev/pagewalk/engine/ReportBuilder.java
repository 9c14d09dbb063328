package dev.pagewalk.engine;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.StopReason;
import dev.pagewalk.audit.Auditor;
import dev.pagewalk.audit.Check;
import dev.pagewalk.audit.RunReport;
import dev.pagewalk.audit.Verdict;
import dev.pagewalk.plan.Durations;
import dev.pagewalk.plan.Limits;
import dev.pagewalk.plan.ParamDecl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a run's counters, stop and audit evidence into its {@link RunReport}. */
final class ReportBuilder {
  private ReportBuilder() {}

  static RunReport build(
      RunContext run, Auditor auditor, StopReason reason, String failure, Instant started,
      Instant ended, List<Map<String, Object>> walks, long snapshotKeys,
      Map<String, Object> watermark, List<String> notes) {
    Counters c = run.counters;
    boolean truncated = reason.kind() == StopReason.Kind.TRUNCATED;
    List<Check> checks = new ArrayList<>();
    checks.add(stopCheck(run, reason, failure));
    long distinct = snapshotKeys >= 0 ? snapshotKeys : c.recordsEmitted + c.recordsFiltered;
    checks.addAll(auditor.checks(distinct, truncated));
    List<String> reasons = new ArrayList<>();
    for (Check ch : checks) {
      if (ch.failed()) {
        reasons.add(ch.name() + ": " + ch.summary());
      }
    }
    List<String> advice = new ArrayList<>();
    Verdict verdict;
    if (!reasons.isEmpty()) {
      verdict = Verdict.INCOMPLETE;
      dev.pagewalk.audit.Cap.of(reason).ifPresent(cap -> advice.add(cap.advice()));
      if (checks.stream().anyMatch(ch -> ch.name().equals("boundary-duplicates") && ch.failed())
          && !"rewalk".equals(run.plan.audit().onDrift())) {
        advice.add("the API shifted records between pages; use keyset or cursor pagination if it"
            + " offers one, or set audit.onDrift: rewalk to re-read until two walks agree");
      }
    } else if (!auditor.hasEvidence()) {
      verdict = Verdict.UNVERIFIED;
      advice.add("nothing to check completeness against: add audit.total (the API's own count,"
          + " e.g. \"{{body.total_count}}\"), sync.order (the order the API guarantees) or"
          + " audit.sequentialId (a gap-free numeric id)");
    } else {
      verdict = Verdict.COMPLETE;
    }
    Map<String, Long> requests = new LinkedHashMap<>();
    requests.put("total", c.requests);
    requests.put("initial", c.logicalRequests - c.paginationRequests);
    requests.put("pagination", c.paginationRequests);
    requests.put("retries", c.retries);
    if (c.credentialsStripped > 0) {
      requests.put("credentialsStripped", c.credentialsStripped);
    }
    Map<String, Long> records = new LinkedHashMap<>();
    records.put("received", c.recordsReceived);
    records.put("emitted", c.recordsEmitted);
    records.put("filtered", c.recordsFiltered);
    records.put("duplicatesDropped", c.duplicates);
    if (run.plan.sync().incremental()) {
      records.put("alreadySynced", c.alreadySynced);
      records.put("beyondBoundary", c.beyondBoundary);
    }
    Map<String, Long> waits = new LinkedHashMap<>();
    waits.put("retry", c.retryWaited.toMillis());
    waits.put("rateLimit", c.rateLimitWaited.toMillis());
    waits.put("delay", c.delayWaited.toMillis());
    return new RunReport(
        run.runId,
        run.plan.name(),
        run.plan.fileName(),
        run.plan.contentHash(),
        redactedParameters(run),
        started.toString(),
        ended.toString(),
        Duration.between(started, ended).toMillis(),
        reason.wireName(),
        failure,
        requests,
        c.pages,
        records,
        c.bytesReceived,
        waits,
        new java.util.TreeMap<>(c.faults),
        checks,
        verdict,
        reasons,
        advice,
        walks,
        limits(run.limits),
        watermark == null || watermark.isEmpty() ? null : watermark,
        notes);
  }

  /** The caps as the report shows them: counts or {@code "unlimited"}, the timeout as text. */
  static Map<String, Object> limits(Limits limits) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("maxRequests", cap(limits.maxRequests()));
    out.put("maxPaginationRequests", cap(limits.maxPaginationRequests()));
    out.put("maxRecords", cap(limits.maxRecords()));
    out.put("timeout", limits.timeout() == null ? "unlimited" : Durations.format(limits.timeout()));
    return out;
  }

  private static Object cap(long value) {
    return value == LimitOverrides.UNLIMITED ? "unlimited" : value;
  }

  private static Check stopCheck(RunContext run, StopReason reason, String failure) {
    return switch (reason.kind()) {
      case NATURAL -> new Check("stop", Check.PASS, "ended naturally (" + reason.wireName() + ")", null);
      case TRUNCATED -> new Check("stop", Check.FAIL,
          "truncated by " + reason.wireName() + capNote(run, reason) + ": there may be more records",
          Map.of("stopReason", reason.wireName()));
      case FAILED -> new Check("stop", Check.FAIL, "failed (" + reason.wireName() + "): " + failure,
          Map.of("stopReason", reason.wireName()));
    };
  }

  private static String capNote(RunContext run, StopReason reason) {
    return switch (reason) {
      case MAX_RECORDS -> " (limits.maxRecords = " + run.limits.maxRecords() + ")";
      case MAX_REQUESTS -> " (limits.maxRequests = " + run.limits.maxRequests() + ")";
      case MAX_PAGINATION_REQUESTS ->
          " (limits.maxPaginationRequests = " + run.limits.maxPaginationRequests() + ")";
      default -> " (response.limit)";
    };
  }

  private static Map<String, Object> redactedParameters(RunContext run) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (ParamDecl d : run.plan.parameters()) {
      if (run.state.parameters.containsKey(d.name())) {
        out.put(d.name(), d.secret() ? "***" : run.state.parameters.get(d.name()));
      }
    }
    return out;
  }
}
