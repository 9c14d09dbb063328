package dev.pagewalk;

/**
 * Why a run paused, as its stats and report count the time: {@code retry} (backoff and {@code
 * Retry-After}), {@code rateLimit} (the spec's rate limit and a server's used-up quota) and {@code
 * delay} ({@code pagination.delay}, {@code repeat.delay}).
 */
public enum WaitReason {
  RETRY("retry"),
  RATE_LIMIT("rateLimit"),
  DELAY("delay");

  private final String wireName;

  WaitReason(String wireName) {
    this.wireName = wireName;
  }

  /** The key in the report's {@code waits}: {@code retry}, {@code rateLimit}, {@code delay}. */
  public String wireName() {
    return wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
