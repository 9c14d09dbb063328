package dev.pagewalk.engine.send;

import dev.pagewalk.plan.RetryPlan;
import java.time.Duration;

/**
 * How much of a run's retry budget ({@code retry.budget}: a number of retries, a total backoff
 * time) its calls have used; one per run, shared by its walks, used on the run's thread only.
 */
public final class RetryBudget {
  private final RetryPlan plan;
  private long retries;
  private Duration waited = Duration.ZERO;

  public RetryBudget(RetryPlan plan) {
    this.plan = plan;
  }

  /** Whether one more retry is within {@code retry.budget.retries}. */
  boolean retryLeft() {
    return retries < plan.budgetRetries();
  }

  /** Whether a backoff of {@code delay} more stays within {@code retry.budget.time}. */
  boolean timeLeftFor(Duration delay) {
    return waited.plus(delay).compareTo(plan.budgetTime()) <= 0;
  }

  /** Takes one retry and its backoff from the budget. */
  void spend(Duration delay) {
    retries++;
    waited = waited.plus(delay);
  }
}
