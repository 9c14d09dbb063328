package dev.pagewalk.conformance.livedata;

/**
 * {@code rateLimit: {requests: 5, perMillis: 1000}}: at most {@code requests} answered requests in
 * any sliding window of {@code perMillis} milliseconds; beyond that the mock answers {@code 429}
 * with {@code Retry-After: <seconds until a slot frees, at least 1>} and {@code {"error": "rate
 * limited"}}. Rejected requests do not use up the budget.
 */
public record RateLimit(int requests, long perMillis) {
  public RateLimit {
    if (requests < 1 || perMillis < 1) {
      throw new IllegalArgumentException("rateLimit needs requests >= 1 and perMillis >= 1");
    }
  }
}
