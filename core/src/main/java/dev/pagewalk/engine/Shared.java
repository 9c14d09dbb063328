package dev.pagewalk.engine;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.auth.Auth;
import dev.pagewalk.engine.send.RetryBudget;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.retry.Pacer;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What the walks of one connector run share: one rate-limit state (its bucket, the server's quota,
 * a 429's {@code Retry-After}), one retry budget (with the run's deadline) and one authentication,
 * so a token is fetched and refreshed once for every walk, under the connector's name ({@code
 * spec}: its messages and the key of its saved tokens, whichever walk asks first), and one budget
 * of requests and records ({@code limits.maxRequests}, {@code limits.maxRecords}). Thread-safe.
 */
public record Shared(
    Pacer pacer,
    RetryBudget retryBudget,
    AtomicReference<Auth> auth,
    SharedCaps caps,
    String spec) {
  /**
   * The shared state for the walks of {@code plan}'s connector under its limits with {@code
   * overrides}; its pacer is active even without a rate limit, so that a 429's {@code Retry-After}
   * holds back every walk.
   */
  public static Shared of(Plan plan, LimitOverrides overrides, Clock clock) {
    Pacer pacer = RunContext.pacer(plan, clock);
    if (!pacer.active()) {
      pacer = new Pacer(null, false, plan.retry().maxRetryAfter(), clock);
    }
    return new Shared(
        pacer,
        new RetryBudget(plan.retry(), plan.limits().runTimeout(), clock.instant()),
        new AtomicReference<>(),
        new SharedCaps(plan.limits().with(overrides)),
        plan.name());
  }

  /** The connector's one authentication: made by the first walk that asks, then shared. */
  Auth auth(Supplier<Auth> make) {
    synchronized (auth) {
      Auth made = auth.get();
      if (made == null) {
        made = make.get();
        auth.set(made);
      }
      return made;
    }
  }
}
