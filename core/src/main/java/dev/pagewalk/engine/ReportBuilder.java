package dev.pagewalk.engine;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunStats;
import dev.pagewalk.StopReason;
import dev.pagewalk.audit.Auditor;
import dev.pagewalk.audit.ReportCounts;
import dev.pagewalk.plan.AuditPlan;
import dev.pagewalk.plan.Durations;
import dev.pagewalk.plan.Limits;
import dev.pagewalk.plan.ParamDecl;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.report.Check;
import dev.pagewalk.report.RunReport;
import dev.pagewalk.report.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a run's stats, stop and audit evidence into its {@link RunReport}. */
final class ReportBuilder {
  private ReportBuilder() {}

  static RunReport build(
      RunContext run,
      RunStats stats,
      Auditor auditor,
      StopReason reason,
      PagewalkException failure,
      Instant started,
      Instant ended,
      List<Map<String, Object>> walks,
      long snapshotKeys,
      Map<String, Object> watermark,
      List<String> notes) {
    boolean truncated = reason.kind() == StopReason.Kind.TRUNCATED;
    String message = failure == null ? null : failure.getMessage();
    List<Check> checks = new ArrayList<>();
    checks.add(stopCheck(run, reason, message));
    long distinct =
        snapshotKeys >= 0 ? snapshotKeys : stats.recordsEmitted() + stats.recordsFiltered();
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
      if (checks.stream().anyMatch(ch -> ch.name() == Check.Kind.BOUNDARY_DUPLICATES && ch.failed())
          && run.plan.audit().onDrift() != AuditPlan.OnDrift.REWALK) {
        advice.add(
            "the API shifted records between pages; use keyset or cursor pagination if it"
                + " offers one, or set audit.onDrift: rewalk to re-read until two walks agree");
      }
    } else if (!auditor.hasEvidence()) {
      verdict = Verdict.UNVERIFIED;
      advice.add(
          "nothing to check completeness against: add audit.total (the API's own count,"
              + " e.g. \"{{body.total_count}}\"), sync.order (the order the API guarantees) or"
              + " audit.sequentialId (a gap-free numeric id)");
    } else {
      verdict = Verdict.COMPLETE;
    }
    return new RunReport(
        run.runId,
        run.plan.name(),
        run.plan.fileName(),
        run.plan.contentHash(),
        redactedParameters(run),
        started.toString(),
        ended.toString(),
        Duration.between(started, ended).toMillis(),
        reason,
        message,
        failure == null ? null : failure.code(),
        ReportCounts.requests(stats),
        stats.pages(),
        ReportCounts.records(stats, run.plan.sync().incremental()),
        stats.bytesReceived(),
        ReportCounts.waits(stats),
        ReportCounts.faults(stats),
        checks,
        verdict,
        reasons,
        advice,
        walks,
        limits(run.limits),
        watermark == null || watermark.isEmpty() ? null : watermark,
        notes,
        run.plan.audit().excludes());
  }

  /**
   * The report of a sync that had nothing to do (its last run completed and there is nothing to
   * resume): no counts, no checks, the saved run's id, stop reason and watermark.
   */
  static RunReport nothingToDo(
      Plan plan,
      String runId,
      StopReason reason,
      Instant now,
      Map<String, Object> watermark,
      List<String> notes) {
    return new RunReport(
        runId,
        plan.name(),
        plan.fileName(),
        plan.contentHash(),
        Map.of(),
        now.toString(),
        now.toString(),
        0,
        reason,
        null,
        null,
        ReportCounts.requests(RunStats.ZERO),
        0,
        ReportCounts.records(RunStats.ZERO, false),
        0,
        ReportCounts.waits(RunStats.ZERO),
        Map.of(),
        List.of(),
        Verdict.UNVERIFIED,
        List.of(),
        List.of(),
        null,
        limits(plan.limits()),
        watermark,
        notes,
        plan.audit().excludes());
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
      case NATURAL ->
          new Check(
              Check.Kind.STOP,
              Check.Outcome.PASS,
              "ended naturally (" + reason.wireName() + ")",
              null);
      case TRUNCATED ->
          new Check(
              Check.Kind.STOP,
              Check.Outcome.FAIL,
              "truncated by "
                  + reason.wireName()
                  + capNote(run, reason)
                  + ": there may be more records",
              Map.of("stopReason", reason.wireName()));
      case FAILED ->
          new Check(
              Check.Kind.STOP,
              Check.Outcome.FAIL,
              "failed (" + reason.wireName() + "): " + failure,
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
      if (run.state.parameters().containsKey(d.name())) {
        out.put(d.name(), d.secret() ? "***" : run.state.parameters().get(d.name()));
      }
    }
    return out;
  }
}
