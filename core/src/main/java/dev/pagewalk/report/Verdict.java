package dev.pagewalk.report;

/** Whether a run proved it collected every record. */
public enum Verdict {
  /** Every applicable check passed and the run ended naturally. */
  COMPLETE,
  /**
   * Something is missing or may be: truncation, a failure, drift, a total or gaps that disagree.
   */
  INCOMPLETE,
  /** The run ended naturally but the spec gives nothing to check against. */
  UNVERIFIED
}
