package dev.pagewalk.engine.send;

import dev.pagewalk.plan.RetryPlan;
import java.time.Duration;

/**
 * How much of a run's retry budget ({@code retry.budget}: a number of retries, a total backoff
 * time) its calls have used; one per run, shared by its walks, safe for the walks of a connector
 * that run at once.
 */
public final class RetryBudget {
  private final RetryPlan plan;
  private long retries;
  private Duration waited = Duration.ZERO;

  public RetryBudget(RetryPlan plan) {
    this.plan = plan;
  }

  /** Whether one more retry is within {@code retry.budget.retries}. */
  synchronized boolean retryLeft() {
    return retries < plan.budgetRetries();
  }

  /** Whether a backoff of {@code delay} more stays within {@code retry.budget.time}. */
  synchronized boolean timeLeftFor(Duration delay) {
    return waited.plus(delay).compareTo(plan.budgetTime()) <= 0;
  }

  /** Takes one retry and its backoff from the budget. */
  synchronized void spend(Duration delay) {
    retries++;
    waited = waited.plus(delay);
  }
}
