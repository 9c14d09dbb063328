package dev.pagewalk.engine;

import dev.pagewalk.PagewalkException;
import dev.pagewalk.StopReason;
import dev.pagewalk.engine.request.BuiltRequest;

/** What the page loop does after a page: stop, ask for the next page, or ask for this one again. */
sealed interface Decision {
  /**
   * The walk ends once the page is written; {@code failure} is present exactly when the reason is
   * of kind {@code FAILED}.
   */
  record Stop(StopReason reason, PagewalkException failure) implements Decision {
    Stop(StopReason reason) {
      this(reason, null);
    }
  }

  /** The page is written, then {@code request} is sent (perhaps already under way, read ahead). */
  record Next(BuiltRequest request) implements Decision {}

  /** The page came back empty while the condition still says "more": it is asked for again. */
  record RetryEmpty() implements Decision {}
}
