package dev.pagewalk.cli;

import dev.pagewalk.Estimate;
import dev.pagewalk.Estimate.Certainty;
import dev.pagewalk.Estimate.StreamEstimate;
import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.Durations;
import dev.pagewalk.plan.RateLimitPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code pagewalk plan}'s table: one row per stream, the run's total, its time, the probes' cost
 * and the stops. A figure worked out from what the probes saw is marked {@code ~}, a floor {@code
 * ≥}; exact figures are bare.
 */
final class PlanTable {
  private PlanTable() {}

  static List<String> lines(Estimate e, Connector connector) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"STREAM", "PARENT", "WALKS", "REQUESTS", "RECORDS", "BASIS"});
    long walks = 0;
    for (StreamEstimate s : e.streams()) {
      walks += s.walks();
      rows.add(
          new String[] {
            s.name(),
            s.parent() == null ? "-" : s.parent(),
            Long.toString(s.walks()),
            mark(s.certainty(), s.requests()),
            mark(s.certainty(), s.records()),
            s.failure() == null ? s.basis() : s.basis() + ": " + s.failure()
          });
    }
    rows.add(
        new String[] {
          "total",
          "",
          Long.toString(walks),
          mark(e.certainty(), e.requests()),
          mark(e.certainty(), e.records()),
          ""
        });
    int[] width = new int[5];
    for (String[] r : rows) {
      for (int i = 0; i < 5; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        boolean number = i >= 2 && i <= 4;
        String cell = i == 5 ? r[i] : pad(r[i], width[i], number);
        line.append(i == 0 ? "" : "  ").append(cell);
      }
      out.add(line.toString().stripTrailing());
    }
    if (e.certainty() != Certainty.EXACT) {
      out.add(LEGEND);
    }
    out.add(
        "wall time: "
            + (e.certainty() == Certainty.LOWER_BOUND ? "at least " : "about ")
            + about(e.wallTime())
            + " ("
            + pace(connector)
            + ")");
    out.add(
        "probes: "
            + e.probeRequests()
            + (e.probeRequests() == 1 ? " request" : " requests")
            + " sent to estimate (at most "
            + e.probePages()
            + (e.probePages() == 1 ? " page" : " pages")
            + " of a walk; --probe-pages)");
    if (e.stops().isEmpty()) {
      out.add("no cap or deadline would stop the run");
    } else {
      out.add("would stop the run:");
      e.stops().forEach(s -> out.add("  " + s));
    }
    return out;
  }

  static final String LEGEND =
      "~ worked out from what the probes saw; ≥ at least: a walk went on past its probe";

  /** {@code 12} when exact, {@code ~12} when worked out, {@code ≥12} when a floor. */
  static String mark(Certainty certainty, long n) {
    return switch (certainty) {
      case EXACT -> Long.toString(n);
      case EXTRAPOLATED -> "~" + n;
      case LOWER_BOUND -> "≥" + n;
    };
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }

  /** {@code 1h 5m}, {@code 4m 10s}, {@code 12s}, {@code 250ms}. */
  static String about(Duration d) {
    if (d.toSeconds() == 0) {
      return d.toMillis() + "ms";
    }
    if (d.toHours() > 0) {
      return d.toHours() + "h " + d.toMinutesPart() + "m";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + "m " + d.toSecondsPart() + "s";
    }
    return String.format(Locale.ROOT, "%ds", d.toSeconds());
  }

  private static String pace(Connector connector) {
    RateLimitPlan rate = connector.shared().rateLimit();
    return "concurrency "
        + connector.concurrency()
        + (rate.requests() > 0
            ? ", rateLimit " + rate.requests() + " per " + Durations.format(rate.per())
            : ", no rateLimit")
        + ", the probes' latency";
  }
}
