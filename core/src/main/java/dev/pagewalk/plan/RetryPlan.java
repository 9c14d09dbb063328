package dev.pagewalk.plan;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * When and how a failed request is re-sent (spec section 5). The defaults apply when a spec has no
 * {@code retry} block. {@code rateLimited} lists the responses that mean "wait for the quota"
 * whatever their status ({@code retry.rateLimited}); {@code restartWalk} the responses that restart
 * a walk whose cursor expired ({@code retry.restartWalk}).
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
    Duration budgetTime,
    List<RateLimitRule> rateLimited,
    RestartPlan restartWalk) {
  public static final RetryPlan DEFAULTS =
      new RetryPlan(
          Set.of(408, 425, 429, 500, 502, 503, 504, 529),
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
          Duration.ofMinutes(15),
          List.of(),
          RestartPlan.NONE);

  public RetryPlan {
    statuses = Set.copyOf(statuses);
    java.util.Objects.requireNonNull(jitter, "jitter");
    rateLimited = List.copyOf(rateLimited);
    java.util.Objects.requireNonNull(restartWalk, "restartWalk");
  }

  /** A plan without {@code rateLimited} rules or {@code restartWalk}. */
  public RetryPlan(
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
    this(
        statuses,
        io,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        jitter,
        honorRetryAfter,
        maxRetryAfter,
        emptyPageWithContinuation,
        nonIdempotent,
        budgetRetries,
        budgetTime,
        List.of(),
        RestartPlan.NONE);
  }
}
