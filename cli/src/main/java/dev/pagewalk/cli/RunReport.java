package dev.pagewalk.cli;

import dev.pagewalk.RunResult;
import dev.pagewalk.plan.Limits;

/**
 * The machine-readable report of a run ({@code --report}): the run's own {@link
 * dev.pagewalk.report.RunReport} as JSON, the same document the library returns and {@code pagewalk
 * demo} writes, described by {@code pagewalk-report-v1.schema.json}.
 */
final class RunReport {
  private RunReport() {}

  static String json(RunResult r) {
    return r.report().toJson();
  }

  /** As {@link #json(RunResult)}; the limits in force are already in the report. */
  static String json(RunResult r, Limits limits) {
    return json(r);
  }
}
