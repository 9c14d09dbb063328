package dev.pagewalk.engine.send;

import dev.pagewalk.plan.RetryPlan;
import java.time.Duration;
import java.time.Instant;

/**
 * How much of a run's retry budget ({@code retry.budget}: a number of retries, a total backoff
 * time) its calls have used, and the run's deadline ({@code limits.runTimeout}) if it has one; one
 * per run, shared by its walks, safe for the walks of a connector that run at once.
 */
public final class RetryBudget {
  private final RetryPlan plan;
  private final Duration runTimeout;
  private final Instant deadline;
  private long retries;
  private Duration waited = Duration.ZERO;

  public RetryBudget(RetryPlan plan) {
    this(plan, null, null);
  }

  /** A budget for a run started at {@code start} that must end within {@code runTimeout}. */
  public RetryBudget(RetryPlan plan, Duration runTimeout, Instant start) {
    this.plan = plan;
    this.runTimeout = runTimeout;
    this.deadline = runTimeout == null || start == null ? null : start.plus(runTimeout);
  }

  /** Whether one more retry is within {@code retry.budget.retries}. */
  synchronized boolean retryLeft() {
    return retries < plan.budgetRetries();
  }

  /** Whether a backoff of {@code delay} more stays within {@code retry.budget.time}. */
  synchronized boolean timeLeftFor(Duration delay) {
    return waited.plus(delay).compareTo(plan.budgetTime()) <= 0;
  }

  /** Whether the run has a deadline that a wait of {@code delay} from {@code now} stays within. */
  boolean deadlineAllows(Instant now, Duration delay) {
    return deadline != null && !now.plus(delay).isAfter(deadline);
  }

  /** Whether the run's deadline has passed. */
  boolean deadlinePassed(Instant now) {
    return deadline != null && now.isAfter(deadline);
  }

  /** When the run must end ({@code limits.runTimeout} after it started); null without one. */
  public Instant deadline() {
    return deadline;
  }

  /** {@code limits.runTimeout}; null without one. */
  public Duration runTimeout() {
    return runTimeout;
  }

  /** Takes one retry and its backoff from the budget. */
  synchronized void spend(Delay delay) {
    retries++;
    if (!delay.overCap()) {
      waited = waited.plus(delay.duration());
    }
  }

  /**
   * A wait before a retry: {@code overCap} when it is a server's wait beyond the retry caps, which
   * only the run deadline bounds (it does not use up {@code retry.budget.time}).
   */
  record Delay(Duration duration, boolean overCap) {}
}
