package dev.pagewalk.engine.send;

/**
 * Why a run pauses. The {@link #label()} is the text of {@code RunListener.onWait}; the kind
 * decides which of the run's wait totals the pause adds to (retry, rate limit or delay).
 */
public enum WaitReason {
  /** The backoff before a retry, or the server's {@code Retry-After}. */
  RETRY("retry"),
  /** A token of the client-side bucket ({@code rateLimit.requests} per {@code rateLimit.per}). */
  RATE_LIMIT("rate limit"),
  /** A quota the server's rate-limit headers said is used up ({@code rateLimit.fromHeaders}). */
  SERVER_QUOTA("rate limit (server quota)"),
  /** {@code pagination.delay}, between pages. */
  PAGINATION_DELAY("pagination delay"),
  /** {@code repeat.delay}, between repeats of one request. */
  REPEAT_DELAY("repeat delay");

  private final String label;

  WaitReason(String label) {
    this.label = label;
  }

  /** The text listeners receive: {@code rate limit (server quota)}. */
  public String label() {
    return label;
  }

  /** Whether the pause counts as waiting for a rate limit (the client's or the server's). */
  public boolean rateLimit() {
    return this == RATE_LIMIT || this == SERVER_QUOTA;
  }

  /** Whether the pause is one the spec asked for between requests. */
  public boolean delay() {
    return this == PAGINATION_DELAY || this == REPEAT_DELAY;
  }
}
