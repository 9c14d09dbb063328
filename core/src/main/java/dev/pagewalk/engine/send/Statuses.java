package dev.pagewalk.engine.send;

import dev.pagewalk.plan.RetryPlan;
import dev.pagewalk.plan.SyncPlan;
import java.util.Set;

/**
 * What a response status means to a run, in one place: retried ({@code retry.on}), read as an
 * expired cursor on resume ({@code sync.expiredCursorStatuses}), accepted before {@code
 * response.valid} is asked (2xx and 3xx), and worth parsing while it arrives (a 2xx that is not
 * retried).
 */
public final class Statuses {
  private final Set<Integer> retried;
  private final Set<Integer> expiredCursor;

  public Statuses(RetryPlan retry, SyncPlan sync) {
    this.retried = retry.statuses();
    this.expiredCursor = sync.expiredCursorStatuses();
  }

  /** Whether the request is sent again after this status ({@code retry.on}). */
  public boolean retried(int status) {
    return retried.contains(status);
  }

  /** Whether this status, on the first request of a resumed walk, means the cursor expired. */
  public boolean expiredCursor(int status) {
    return expiredCursor.contains(status);
  }

  /** Whether the status is a valid response unless {@code response.valid} says otherwise. */
  public boolean accepted(int status) {
    return status >= 200 && status < 400;
  }

  /** Whether the body of a response with this status is parsed as it arrives. */
  public boolean parsedOnArrival(int status) {
    return status >= 200 && status < 300 && !retried(status);
  }
}
