package dev.pagewalk.cli;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats;
import dev.pagewalk.StopReason;
import dev.pagewalk.audit.Cap;
import dev.pagewalk.plan.Limits;
import java.time.Duration;

/**
 * The few lines printed on stderr when a run ends: how it stopped, what it did, and — for a
 * truncated run — which cap stopped it and how to lift it; for a failed run, the failure; a
 * cancelled run (a signal, a closed stdout) is not called failed: what it wrote stands.
 */
final class RunSummary {
  private RunSummary() {}

  static String text(RunResult r, Limits limits) {
    return outcome(r, limits) + completeness(r);
  }

  /**
   * The verdict line, the caveats (what the endpoint is documented to leave out, whatever the
   * verdict) and, when it is not COMPLETE, the reasons and advice.
   */
  static String completeness(RunResult r) {
    if (r.report() == null) {
      return "";
    }
    dev.pagewalk.report.RunReport report = r.report();
    StringBuilder s = new StringBuilder("\n").append(report.verdict());
    switch (report.verdict()) {
      case COMPLETE ->
          s.append(": every completeness check passed (")
              .append(
                  String.join(
                      ", ",
                      report.checks().stream()
                          .filter(dev.pagewalk.report.Check::passed)
                          .map(c -> c.name().wireName())
                          .toList()))
              .append(')');
      case INCOMPLETE -> s.append(": the run may not hold every record");
      case UNVERIFIED -> s.append(": nothing to prove completeness against");
    }
    report
        .caveats()
        .forEach(caveat -> s.append("\n  caveat (not returned by this endpoint): ").append(caveat));
    report.reasons().forEach(reason -> s.append("\n  ✗ ").append(reason));
    report.advice().forEach(advice -> s.append("\n  advice: ").append(advice));
    return s.toString();
  }

  private static String outcome(RunResult r, Limits limits) {
    String stats = stats(r);
    return switch (r.stopReason().kind()) {
      case NATURAL -> "complete (" + r.stopReason().wireName() + "): " + stats;
      case TRUNCATED ->
          "TRUNCATED by "
              + r.stopReason().wireName()
              + ": "
              + stats
              + "\n  "
              + cap(r.stopReason(), limits);
      case FAILED ->
          (r.stopReason() == StopReason.CANCELLED
                  ? "CANCELLED: "
                  : "FAILED (" + r.stopReason().wireName() + "): ")
              + stats
              + "\n  "
              + (r.failure() == null ? "no message" : r.failure().getMessage());
    };
  }

  static String stats(RunResult r) {
    RunStats st = r.stats();
    StringBuilder s =
        new StringBuilder()
            .append(plural(st.recordsEmitted(), "record"))
            .append(", ")
            .append(plural(st.pages(), "page"))
            .append(", ")
            .append(plural(st.requests(), "request"))
            .append(", ")
            .append(st.retries())
            .append(st.retries() == 1 ? " retry" : " retries");
    if (st.duplicatesDropped() > 0) {
      s.append(", ").append(st.duplicatesDropped()).append(" duplicates dropped");
    }
    if (st.recordsFiltered() > 0) {
      s.append(", ").append(st.recordsFiltered()).append(" filtered out");
    }
    if (!st.waited().isZero()) {
      s.append(", waited ").append(Elapsed.format(st.waited()));
    }
    return s.append(" in ")
        .append(Elapsed.format(Duration.between(r.startedAt(), r.endedAt())))
        .toString();
  }

  private static String cap(StopReason reason, Limits limits) {
    if (reason == StopReason.LIMIT) {
      return "the spec's response.limit was reached; there may be more records";
    }
    return Cap.of(reason).map(cap -> capped(cap, limits)).orElse("there may be more records");
  }

  /** The cap reached; how to lift it is the report's advice, printed below. */
  private static String capped(Cap cap, Limits limits) {
    long value =
        switch (cap) {
          case MAX_REQUESTS -> limits.maxRequests();
          case MAX_PAGINATION_REQUESTS -> limits.maxPaginationRequests();
          case MAX_RECORDS -> limits.maxRecords();
        };
    String shown = value == LimitOverrides.UNLIMITED ? "unlimited" : String.valueOf(value);
    return "the cap of " + shown + " " + cap.counts() + " was reached; there may be more records";
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
