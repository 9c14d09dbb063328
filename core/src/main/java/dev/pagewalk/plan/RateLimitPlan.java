package dev.pagewalk.plan;

import java.time.Duration;

/**
 * Client-side pacing ({@code rateLimit: {requests, per, fromHeaders}}): at most {@code requests}
 * requests in any window of {@code per}, retries included; with {@code fromHeaders}, also wait for
 * the reset the server announces when its quota is used up. {@code requests} 0 means no client-side
 * limit.
 */
public record RateLimitPlan(int requests, Duration per, boolean fromHeaders) {
  public static final RateLimitPlan NONE = new RateLimitPlan(0, null, false);

  public boolean active() {
    return requests > 0 || fromHeaders;
  }
}
