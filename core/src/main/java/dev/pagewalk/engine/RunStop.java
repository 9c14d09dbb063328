package dev.pagewalk.engine;

import dev.pagewalk.PagewalkException;
import dev.pagewalk.StopReason;

/** Unwinds a run to its end with a failing stop reason and the failure to report. */
final class RunStop extends RuntimeException {
  final StopReason reason;
  final PagewalkException failure;

  RunStop(StopReason reason, PagewalkException failure) {
    super(failure.getMessage(), failure, false, false);
    this.reason = reason;
    this.failure = failure;
  }
}
