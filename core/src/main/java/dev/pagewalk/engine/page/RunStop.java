package dev.pagewalk.engine.page;

import dev.pagewalk.PagewalkException;
import dev.pagewalk.StopReason;

/** Unwinds a run to its end with a failing stop reason and the failure to report. */
public final class RunStop extends RuntimeException {
  public final StopReason reason;
  public final PagewalkException failure;

  public RunStop(StopReason reason, PagewalkException failure) {
    super(failure.getMessage(), failure, false, false);
    this.reason = reason;
    this.failure = failure;
  }
}
