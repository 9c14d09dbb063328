package dev.pagewalk.plan;

import java.time.Duration;
import java.util.Set;

/**
 * When and how a failed request is re-sent (spec section 5). The defaults apply when a spec has no
 * {@code retry} block.
 */
public record RetryPlan(
    Set<Integer> statuses,
    boolean io,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Jitter jitter,
    boolean honorRetryAfter,
    Duration maxRetryAfter,
    int emptyPageWithContinuation,
    boolean nonIdempotent,
    long budgetRetries,
    Duration budgetTime) {
  public static final RetryPlan DEFAULTS =
      new RetryPlan(
          Set.of(408, 425, 429, 500, 502, 503, 504),
          true,
          5,
          Duration.ofMillis(500),
          Duration.ofSeconds(30),
          Jitter.FULL,
          true,
          Duration.ofMinutes(5),
          2,
          false,
          100,
          Duration.ofMinutes(15));

  public RetryPlan {
    statuses = Set.copyOf(statuses);
    java.util.Objects.requireNonNull(jitter, "jitter");
  }
}
