package dev.pagewalk.engine.send;

import dev.pagewalk.WaitReason;

/**
 * Why a run pauses. The {@link #label()} is the text of {@code RunListener.onWait}; the kind
 * decides which of the run's wait totals the pause adds to (retry, rate limit or delay).
 */
public enum Pause {
  /** The backoff before a retry, or the server's {@code Retry-After}. */
  RETRY("retry", WaitReason.RETRY),
  /** A token of the client-side bucket ({@code rateLimit.requests} per {@code rateLimit.per}). */
  RATE_LIMIT("rate limit", WaitReason.RATE_LIMIT),
  /** A quota the server's rate-limit headers said is used up ({@code rateLimit.fromHeaders}). */
  SERVER_QUOTA("rate limit (server quota)", WaitReason.RATE_LIMIT),
  /** {@code pagination.delay}, between pages. */
  PAGINATION_DELAY("pagination delay", WaitReason.DELAY),
  /** {@code repeat.delay}, between repeats of one request. */
  REPEAT_DELAY("repeat delay", WaitReason.DELAY);

  private final String label;
  private final WaitReason counted;

  Pause(String label, WaitReason counted) {
    this.label = label;
    this.counted = counted;
  }

  /** Which of the run's wait totals ({@link dev.pagewalk.RunStats#waits()}) the pause adds to. */
  public WaitReason counted() {
    return counted;
  }

  /** The text listeners receive: {@code rate limit (server quota)}. */
  public String label() {
    return label;
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
