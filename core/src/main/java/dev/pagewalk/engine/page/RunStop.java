package dev.pagewalk.engine.page;

import dev.pagewalk.PagewalkException;
import dev.pagewalk.StopReason;

/** Unwinds a run to its end with a failing stop reason and the failure to report. */
public final class RunStop extends RuntimeException {
  private final StopReason reason;
  private final PagewalkException failure;

  public RunStop(StopReason reason, PagewalkException failure) {
    super(failure.getMessage(), failure, false, false);
    this.reason = reason;
    this.failure = failure;
  }

  /** The reason the run stops with. */
  public StopReason reason() {
    return reason;
  }

  /** The failure to report. */
  public PagewalkException failure() {
    return failure;
  }
}
