package dev.pagewalk.cli;

import dev.pagewalk.Estimate;
import dev.pagewalk.Estimate.StreamEstimate;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.StreamsResult.StreamResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * After {@code run --plan}: the estimate next to what the run did, per stream and for the run, with
 * the planner's error as a percentage of the actual figure.
 */
final class PlanComparison {
  private PlanComparison() {}

  static List<String> lines(Estimate estimate, StreamsResult result) {
    List<String> out = new ArrayList<>();
    out.add("estimate vs actual (" + estimate.probeRequests() + " probe requests not counted):");
    long requests = 0;
    for (StreamResult s : result.streams()) {
      requests += s.requests();
      StreamEstimate e = estimate.stream(s.name()).orElse(null);
      if (e != null) {
        out.add(
            "  "
                + s.name()
                + ": requests "
                + compare(e.requests(), s.requests())
                + ", records "
                + compare(e.records(), s.records())
                + ", walks "
                + compare(e.walks(), s.walks().size()));
      }
    }
    long millis = Duration.between(result.startedAt(), result.endedAt()).toMillis();
    out.add(
        "  run: requests "
            + compare(estimate.requests(), requests)
            + ", wall time "
            + PlanTable.about(estimate.wallTime())
            + " / "
            + PlanTable.about(Duration.ofMillis(millis)));
    return out;
  }

  /** {@code 253 / 261 (-3%)}: estimated, actual, and the error relative to the actual. */
  static String compare(long estimated, long actual) {
    String error =
        actual == 0
            ? (estimated == 0 ? "exact" : "n/a")
            : String.format(Locale.ROOT, "%+.0f%%", 100.0 * (estimated - actual) / (double) actual);
    return estimated + " / " + actual + " (" + error + ")";
  }
}
