package dev.pagewalk.audit;

import dev.pagewalk.StopReason;
import java.util.Optional;

/**
 * The count caps that truncate a run, each with the spec key and the command-line option that set
 * it, so that a truncated run says how to lift the cap that stopped it.
 */
public enum Cap {
  MAX_REQUESTS(StopReason.MAX_REQUESTS, "requests", "limits.maxRequests", "--max-requests"),
  MAX_PAGINATION_REQUESTS(
      StopReason.MAX_PAGINATION_REQUESTS,
      "pagination requests",
      "limits.maxPaginationRequests",
      "--max-pagination-requests"),
  MAX_RECORDS(StopReason.MAX_RECORDS, "records", "limits.maxRecords", "--max-records");

  private final StopReason reason;
  private final String counts;
  private final String specKey;
  private final String option;

  Cap(StopReason reason, String counts, String specKey, String option) {
    this.reason = reason;
    this.counts = counts;
    this.specKey = specKey;
    this.option = option;
  }

  /** The cap behind a stop reason; empty for reasons that are no count cap. */
  public static Optional<Cap> of(StopReason reason) {
    for (Cap cap : values()) {
      if (cap.reason == reason) {
        return Optional.of(cap);
      }
    }
    return Optional.empty();
  }

  /** The stop reason it ends a walk with. */
  public StopReason reason() {
    return reason;
  }

  /** What it counts, plural: {@code records}. */
  public String counts() {
    return counts;
  }

  /** The spec key: {@code limits.maxRecords}. */
  public String specKey() {
    return specKey;
  }

  /** The command-line option: {@code --max-records}. */
  public String option() {
    return option;
  }

  /** How to lift it, for a truncated run's advice. */
  public String advice() {
    return "to read on, raise the cap: "
        + option
        + " N|unlimited on the command line, or "
        + specKey
        + " in the spec";
  }
}
