package dev.pagewalk.engine;

import dev.pagewalk.PagewalkException;
import dev.pagewalk.StopReason;

/** How a walk of the plan's requests ended. */
sealed interface WalkOutcome {
  /** The stop reason the walk ended with. */
  StopReason reason();

  /** The walk ended naturally or was truncated by a cap or {@code response.limit}. */
  record Ended(StopReason reason) implements WalkOutcome {}

  /** The walk failed; {@code reason} is of kind {@code FAILED}. */
  record Failed(StopReason reason, PagewalkException failure) implements WalkOutcome {}

  /**
   * A later page of the walk was refused with a response the spec says means "this walk's cursor
   * expired" ({@code retry.restartWalk}); nothing of that page was exposed or written.
   */
  record WalkExpired(int status, String request, long page) implements WalkOutcome {
    @Override
    public StopReason reason() {
      return StopReason.ERROR;
    }
  }

  /**
   * The first request of a resumed walk was refused with a status the spec says means "cursor
   * expired"; nothing of it was exposed or written.
   */
  record CursorExpired(int status, String request) implements WalkOutcome {
    @Override
    public StopReason reason() {
      return StopReason.ERROR;
    }
  }
}
