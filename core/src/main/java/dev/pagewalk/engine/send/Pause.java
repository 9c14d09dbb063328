package dev.pagewalk.engine.send;

import dev.pagewalk.WaitReason;

/**
 * Why a run pauses. The kind decides which of the run's wait totals the pause adds to, and what
 * {@code RunListener.onWait} is told: retry, rate limit or delay.
 */
public enum Pause {
  /** The backoff before a retry, or the server's {@code Retry-After}. */
  RETRY(WaitReason.RETRY),
  /** A token of the client-side bucket ({@code rateLimit.requests} per {@code rateLimit.per}). */
  RATE_LIMIT(WaitReason.RATE_LIMIT),
  /** A quota the server's rate-limit headers said is used up ({@code rateLimit.fromHeaders}). */
  SERVER_QUOTA(WaitReason.RATE_LIMIT),
  /** {@code pagination.delay}, between pages. */
  PAGINATION_DELAY(WaitReason.DELAY),
  /** {@code repeat.delay}, between repeats of one request. */
  REPEAT_DELAY(WaitReason.DELAY);

  private final WaitReason counted;

  Pause(WaitReason counted) {
    this.counted = counted;
  }

  /** Which of the run's wait totals ({@link dev.pagewalk.RunStats#waits()}) the pause adds to. */
  public WaitReason counted() {
    return counted;
  }

  /** Whether the pause counts as waiting for a rate limit (the client's or the server's). */
  public boolean rateLimit() {
    return counted == WaitReason.RATE_LIMIT;
  }

  /** Whether the pause is one the spec asked for between requests. */
  public boolean delay() {
    return counted == WaitReason.DELAY;
  }
}
